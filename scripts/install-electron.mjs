// `npm install` runs this after the dependencies (the root package's `postinstall`). Electron is an
// optional dependency whose own install script npm does not run (`allowScripts`): this runs it, so
// that a failed download of the desktop shell is one line, never a failed install. `npm start`
// then runs the browser host instead (docs/PACKAGING.md).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const DOWNLOAD_TIMEOUT_MS = Number(process.env.SCHOLIA_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 10 * 60_000;

/**
 * The electron package's folder: the one given (tests), else the installed one, else null.
 * @returns {string | null}
 */
function electronPackageDir() {
  if (process.argv[2]) return path.resolve(process.argv[2]);
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Whether the package's binary is there (what `require('electron')` will name).
 * @param {string} dir
 */
function binaryInstalled(dir) {
  try {
    return existsSync(path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8')));
  } catch {
    return false;
  }
}

/**
 * @param {string} why
 * @returns {never}
 */
function skipped(why) {
  console.log(`Scholia: the desktop shell was skipped (${why}); \`npm start\` will run Scholia in your browser instead.`);
  process.exit(0);
}

/**
 * The line of a failed download that says why ("RequestError: getaddrinfo ENOTFOUND github.com").
 * @param {string} output
 */
function reasonOf(output) {
  const lines = output.split('\n').map((line) => line.trim());
  return lines.find((line) => /error/iu.test(line) && !line.startsWith('at ')) ?? lines.find(Boolean) ?? 'no reason given';
}

const found = electronPackageDir();
const dir = found ?? skipped('the electron package could not be installed');
const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
if (binaryInstalled(dir)) process.exit(0);
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) skipped('ELECTRON_SKIP_BINARY_DOWNLOAD is set');

// Behind a proxy, Electron's downloader uses it only when asked to.
const env = { ...process.env };
if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) env.ELECTRON_GET_USE_PROXY ??= '1';

const child = spawn(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, env, stdio: 'pipe' });
let output = '';
child.stdout.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString('utf8')));
child.stderr.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString('utf8')));
const timer = setTimeout(() => {
  output = `the download took longer than ${Math.round(DOWNLOAD_TIMEOUT_MS / 1000)} s`;
  child.kill();
}, DOWNLOAD_TIMEOUT_MS);
child.on('error', (error) => {
  clearTimeout(timer);
  skipped(`Electron ${version} could not be downloaded: ${error.message}`);
});
child.on('close', (code) => {
  clearTimeout(timer);
  if (code === 0 && binaryInstalled(dir)) {
    console.log(`Scholia: Electron ${version} is installed; \`npm start\` opens the desktop app.`);
    return;
  }
  skipped(`Electron ${version} could not be downloaded: ${reasonOf(output)}`);
});
