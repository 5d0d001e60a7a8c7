// `npm test` runs this first: the end-to-end tests and the PDF export need a Chromium-based browser,
// the PDF test reads the PDF back with poppler's pdftotext, and the REFI-QDA export test validates its
// project with libxml2's xmllint against the published XSD, and a team library syncs with the system's
// git (the team tests also serve their repositories with its http-backend). A machine without them
// hears it in one line at once, not after ten minutes of type checks and tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
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
try {
  const execPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
  if (!existsSync(path.join(execPath, 'git-http-backend')))
    problems.push(
      `git http-backend was not found in ${execPath}: install the full git package; the team tests serve their repositories with it.`,
    );
} catch {
  problems.push(
    'git was not found: install it (Debian: apt-get install git; macOS: xcode-select --install); a team library syncs with it, and the team tests serve their repositories with git http-backend.',
  );
}
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
