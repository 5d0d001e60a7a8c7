// `npm test` runs this first: the end-to-end tests and the PDF export need a Chromium-based browser,
// the PDF test reads the PDF back with poppler's pdftotext, and the REFI-QDA export test validates its
// project with libxml2's xmllint against the published XSD. A machine without them hears it in one
// line at once, not after ten minutes of type checks and tests.
import { execFileSync } from 'node:child_process';
import { BrowserNotFoundError, findBrowser } from '../electron/services/browser/find-browser.ts';

const problems: string[] = [];
try {
  const { source, executablePath } = findBrowser();
  console.log(`Browser for the end-to-end tests and PDF export: ${executablePath} (${source}).`);
} catch (error) {
  if (!(error instanceof BrowserNotFoundError)) throw error;
  problems.push(error.message);
}
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  problems.push(
    'pdftotext was not found: install poppler (Debian: apt-get install poppler-utils; macOS: brew install poppler); the PDF export test reads its PDF back with it.',
  );
}
try {
  execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
} catch {
  problems.push(
    'xmllint was not found: install libxml2 (Debian: apt-get install libxml2-utils; macOS ships it); the REFI-QDA export test validates its project with it.',
  );
}
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
