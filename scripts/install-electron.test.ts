import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'install-electron.mjs');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'scholia-install-electron-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** An electron package whose install script does what `installJs` says. */
async function fakeElectron(name: string, installJs: string): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1' }));
  await writeFile(path.join(dir, 'install.js'), installJs);
  return dir;
}

const FAILING_DOWNLOAD = `console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous> (got/index.js:970:111)'); process.exit(1);`;
const WORKING_DOWNLOAD = `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');`;

async function install(dir: string, env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...inherited } = process.env;
  return run(process.execPath, [script, dir], { env: { ...inherited, ...env } });
}

describe('the postinstall step that downloads Electron', () => {
  it('turns a failed download into one line and a successful install', async () => {
    const { stdout, stderr } = await install(await fakeElectron('offline', FAILING_DOWNLOAD));
    expect(stdout).toBe(
      'Scholia: the desktop shell was skipped (Electron 41.7.1 could not be downloaded: RequestError: getaddrinfo ENOTFOUND github.com); `npm start` will run Scholia in your browser instead.\n',
    );
    expect(stderr).toBe('');
  });

  it('says the desktop app is ready when the download works, and nothing when it was already there', async () => {
    const dir = await fakeElectron('online', WORKING_DOWNLOAD);
    expect((await install(dir)).stdout).toBe('Scholia: Electron 41.7.1 is installed; `npm start` opens the desktop app.\n');
    expect((await install(dir)).stdout).toBe('');
  });

  it('skips the download, in one line, when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const { stdout } = await install(await fakeElectron('skipped', WORKING_DOWNLOAD), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(stdout.trim().split('\n')).toEqual([
      'Scholia: the desktop shell was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set); `npm start` will run Scholia in your browser instead.',
    ]);
  });

  it('asks Electron’s downloader to use the proxy that the environment names', async () => {
    const dir = await fakeElectron('proxied', `console.error('Error: proxy=' + process.env.ELECTRON_GET_USE_PROXY); process.exit(1);`);
    const { stdout } = await install(dir, { HTTPS_PROXY: 'http://proxy.example:3128' });
    expect(stdout).toContain('could not be downloaded: Error: proxy=1)');
  });
});
