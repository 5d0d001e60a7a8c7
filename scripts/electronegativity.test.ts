import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = path.resolve('scripts/electronegativity.mjs');
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scan(...dirs: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...dirs]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run lint:electron', () => {
  it('passes the Electron layer as it is, offline', async () => {
    const result = await scan();
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^electronegativity electron: \d+ checks per file .* 0 high/m);
    expect(result.code).toBe(0);
  }, 60_000);

  it('fails on a high-severity finding', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-eneg-'));
    made.push(dir);
    await writeFile(
      path.join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } }).loadURL('https://example.org/');\n",
    );
    const result = await scan(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HIGH +CONTEXT_ISOLATION_JS_CHECK/);
    expect(result.stderr).toMatch(/high-severity findings/);
  }, 60_000);
});
