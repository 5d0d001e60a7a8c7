import { defineConfig } from 'vitest/config';

// `npm run test:stress`: the long runs (the crash test with hundreds of kills, the host under load), one file at a time.
export default defineConfig({
  test: {
    include: ['electron/**/*.stress.ts'],
    environment: 'node',
    globalSetup: ['scripts/vitest-global-setup.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
