// `npm test` runs this first: the end-to-end tests and the PDF export need a Chromium-based browser,
// so a machine without one hears it in one line at once, not after the long steps.
import { BrowserNotFoundError, findBrowser } from '../electron/services/browser/find-browser.ts';

try {
  const { source, executablePath } = findBrowser();
  console.log(`Browser for the end-to-end tests and PDF export: ${executablePath} (${source}).`);
} catch (error) {
  if (!(error instanceof BrowserNotFoundError)) throw error;
  console.error(error.message);
  process.exit(1);
}
