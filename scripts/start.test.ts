import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FALLBACK_LINE = 'Electron is not installed on this machine; starting the browser host instead.';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/start.mjs; `onOutput` may signal the process once it has printed what it waits for. */
function start(args: string[], env: NodeJS.ProcessEnv, onOutput?: (stdout: string, signal: (name: NodeJS.Signals) => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'scripts/start.mjs'), ...args], { env: { ...process.env, ...env }, cwd: repo });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      onOutput?.(stdout, (name) => child.kill(name));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'scholia-start-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm start without an Electron binary', () => {
  const noBinary = () => ({ ELECTRON_OVERRIDE_DIST_PATH: path.join(work, 'no-electron-here') });

  it('says so in one line and runs the browser host, forwarding its arguments and exit code', async () => {
    const run = await start(['--no-such-option'], noBinary());
    expect(run.stdout.split('\n')[0]).toBe(FALLBACK_LINE);
    expect(run.stdout.split('\n').filter((line) => line.includes('Electron'))).toHaveLength(1);
    expect(run.stderr).toContain("Unknown option '--no-such-option'");
    expect(run.code).toBe(2);
  });

  it.skipIf(!existsSync(path.join(repo, 'dist/renderer/index.html')))('passes SIGTERM on to the host, which stops cleanly', async () => {
    const library = path.join(work, 'library');
    let signalled = false;
    const run = await start(['--library', library, '--port', '0'], noBinary(), (stdout, signal) => {
      if (!signalled && stdout.includes('Scholia is running at http://127.0.0.1:')) {
        signalled = true;
        signal('SIGTERM');
      }
    });
    expect(signalled).toBe(true);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(library, 'library.json'))).toBe(true);
  });
});

describe.skipIf(process.platform === 'win32')('npm start with an Electron binary', () => {
  it('runs Electron on the repository with the arguments, without ELECTRON_RUN_AS_NODE, and forwards its exit code', async () => {
    const dist = path.join(work, 'electron-dist');
    const fake = path.join(dist, 'electron');
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    await writeFile(fake, '#!/bin/sh\necho "electron $* run-as-node=${ELECTRON_RUN_AS_NODE:-unset}"\nexit 7\n');
    await chmod(fake, 0o755);
    const run = await start(['--library', '/tmp/lib'], { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' });
    expect(run.stdout.trim()).toBe(`electron ${repo} --library /tmp/lib run-as-node=unset`);
    expect(run.code).toBe(7);
  });
});
