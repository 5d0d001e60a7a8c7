import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve('bin/scholia.js');

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  token: string;
  /** Everything the process has written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `scholia serve` on a free loopback port and waits for the URL it prints. */
export function startServe(libraryDir: string, extraEnv: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--library', libraryDir, '--port', '0'], {
    env: { ...process.env, SCHOLIA_LIBRARY: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`scholia serve did not start: ${stderr}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/u.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, port: Number(match[1]), token: String(match[2]), stderr: () => stderr, exited });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`scholia serve exited (${code}) before it started: ${stderr}`));
    });
  });
}

/** Calls one API channel of a running host. */
export async function callHost(
  serve: Pick<ServeProcess, 'port' | 'token'>,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const response = await fetch(`http://127.0.0.1:${serve.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}
