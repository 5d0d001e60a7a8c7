import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
function start(
  args: string[],
  env: NodeJS.ProcessEnv,
  onOutput?: (stdout: string, signal: (name: NodeJS.Signals) => void) => void,
): Promise<Run> {
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

  it('passes SIGTERM on to the host, which stops cleanly', async () => {
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

describe.skipIf(process.platform === 'win32')('npm start opening the browser host', () => {
  const noBinary = () => ({ ELECTRON_OVERRIDE_DIST_PATH: path.join(work, 'no-electron-here') });

  /** A stand-in for the user's browser that writes the address it was given to a file. */
  async function fakeBrowser(): Promise<{ command: string; opened: string }> {
    const dir = await mkdtemp(path.join(work, 'browser-'));
    const opened = path.join(dir, 'opened.txt');
    const command = path.join(dir, 'browser.sh');
    await writeFile(command, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    await chmod(command, 0o755);
    return { command, opened };
  }

  /** Runs `npm start` until the host has printed its address and, if a browser was to open, the browser has been given it. */
  async function startAndStop(args: string[], env: NodeJS.ProcessEnv, opened: string): Promise<Run & { url: string }> {
    let url = '';
    let printed = '';
    let waiting: NodeJS.Timeout | undefined;
    const run = await start(
      ['--library', path.join(work, 'library-open'), '--port', '0', ...args],
      { ...noBinary(), ...env },
      (stdout, signal) => {
        printed = stdout;
        url = /Scholia is running at (\S+)/u.exec(stdout)?.[1] ?? '';
        if (!url || waiting) return;
        // The browser is given the address after it is printed: wait for it, or for the line that says none opens.
        const noOpen = args.includes('--no-open');
        const done = () =>
          noOpen ? printed.includes('Press Ctrl+C') : env.DISPLAY ? existsSync(opened) : printed.includes('No display was found');
        waiting = setInterval(() => {
          if (done()) {
            clearInterval(waiting);
            signal('SIGTERM');
          }
        }, 20);
      },
    );
    return { ...run, url };
  }

  it('opens the printed address in the default browser ($BROWSER) when there is a display', async () => {
    const { command, opened } = await fakeBrowser();
    const run = await startAndStop([], { BROWSER: command, DISPLAY: ':99' }, opened);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/u);
    expect(await readFile(opened, 'utf8')).toBe(run.url);
    expect(run.code).toBe(0);
  });

  it('opens nothing with --no-open, and nothing without a display, where it says so; the address is printed either way', async () => {
    const { command, opened } = await fakeBrowser();
    const noOpen = await startAndStop(['--no-open'], { BROWSER: command, DISPLAY: ':99' }, opened);
    expect(noOpen.url).not.toBe('');
    expect(noOpen.stdout).not.toContain('No display');
    const headless = await startAndStop([], { BROWSER: command, DISPLAY: '', WAYLAND_DISPLAY: '' }, opened);
    expect(headless.url).not.toBe('');
    expect(headless.stdout).toContain('No display was found, so no browser was opened');
    expect(existsSync(opened)).toBe(false);
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
