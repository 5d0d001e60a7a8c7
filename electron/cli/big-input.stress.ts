import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../services/testing/temp-dir.ts';

const run = promisify(execFile);
const tempDir = useTempDirs();
const bin = path.resolve('bin/scholia.js');

/** Runs the CLI in a Node whose heap is capped at 64 MB: reading any of these files whole would run out of memory. */
async function scholiaWithSmallHeap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--max-old-space-size=64', bin, ...args], {
      env: { ...process.env, SCHOLIA_LIBRARY: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Streams a real tag file with `count` annotations to disk. */
async function writeHugeTagFile(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    `{"format":"scholia-tags","version":1,"exportedAt":"2026-01-31T09:00:00.000Z","annotator":{"name":"Flood"},"document":{"fingerprint":"sha256:${'0'.repeat(64)}","textLength":100},"entities":[],"annotations":[`,
  );
  for (let i = 0; i < count; i += 1) {
    await write(
      `${i === 0 ? '' : ','}{"id":"a${i}","kind":"note","target":{"start":0,"end":5,"exact":"Hello","prefix":"","suffix":""},"author":"F","created":"2026-01-31T09:00:00.000Z","modified":"2026-01-31T09:00:00.000Z"}`,
    );
  }
  await write(']}');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

describe('huge files from outside', () => {
  it('refuses a tag file with 1,000,000 annotations in bounded memory', async () => {
    const file = path.join(await tempDir(), 'flood.json');
    await writeHugeTagFile(file, 1_000_000);
    const { size } = await stat(file);
    const result = await scholiaWithSmallHeap('validate', file);
    console.log(
      `big input: a tag file of 1,000,000 annotations (${(size / 1e6).toFixed(0)} MB) refused with a 64 MB heap: ${result.stdout.trim()}`,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/a tag file may be at most 64 MiB/);
  });

  it('refuses a 50 MB text file in bounded memory', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'long.txt');
    await writeFile(file, 'A sentence of an article that goes on. '.repeat(1_250_000));
    const result = await scholiaWithSmallHeap('import', file, '--library', path.join(dir, 'library'));
    console.log(`big input: a 50 MB text file refused with a 64 MB heap: ${result.stderr.trim()}`);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^scholia: long\.txt is [\d.]+ MB; Scholia imports files of up to 32\.0 MB\.$/u);
  });
});
