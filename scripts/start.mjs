// `npm start`: runs the built app in Electron, or, where the Electron binary is missing, the browser host,
// opened in the default browser (unless `--no-open` is given, or there is no display).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron executable, or null when the package was installed without its binary: then
 * `require('electron')` throws, or names a file that is not there.
 * @returns {string | null}
 */
function electronBinary() {
  try {
    /** @type {unknown} */
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron === null) console.log('Electron is not installed on this machine; starting the browser host instead.');
const [command, commandArgs] =
  electron === null
    ? [process.execPath, [path.join(repo, 'dist/node/cli.js'), 'serve', '--open', ...args]]
    : [electron, [repo, ...args.filter((arg) => arg !== '--no-open')]];

// ELECTRON_RUN_AS_NODE would turn the Electron binary into a plain Node and never open a window.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(command, commandArgs, { stdio: 'inherit', env, cwd: process.cwd() });

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Could not start ${command}: ${error.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal === null ? 1 : constants.signals[signal]));
});
