import { existsSync } from 'node:fs';
import path from 'node:path';

/** The tests drive the built app; say so plainly instead of failing on a missing file later. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  for (const built of ['dist/node/cli.js', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` before the e2e tests.`);
  }
}
