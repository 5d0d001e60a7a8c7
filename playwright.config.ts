import { defineConfig } from '@playwright/test';
import { findBrowser } from './electron/services/browser/find-browser.ts';

// End-to-end tests drive the browser host (`scholia serve`) in the first Chromium-based browser found
// (electron/services/browser/find-browser.ts). Run `npm run build` first (`npm test` does).
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: findBrowser().executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
