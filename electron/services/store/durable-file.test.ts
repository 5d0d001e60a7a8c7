import type * as FsPromises from 'node:fs/promises';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../testing/temp-dir.ts';

/** Every file-system step a write takes, in order, with paths relative to the test folder. */
const steps = vi.hoisted(() => ({ log: [] as string[], written: [] as string[], root: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  // A temporary file's random part is shown as `<random>`, so the steps read the same on every run.
  const name = (file: unknown) => (path.relative(steps.root, String(file)) || '.').replace(/\.[0-9a-f]{16}\.tmp$/u, '.<random>.tmp');
  return {
    ...fs,
    open: async (file: string, flags: string | number, mode?: number) => {
      const handle = await fs.open(file, flags, mode);
      steps.log.push(`open ${name(file)}`);
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async (data: string) => {
          await handle.writeFile(data);
          steps.log.push(`write ${name(file)}`);
          steps.written.push(String(data));
        },
        writev: async (buffers: Uint8Array[]) => {
          const result = await handle.writev(buffers);
          steps.log.push(`write ${name(file)}`);
          steps.written.push(Buffer.concat(buffers).toString('utf8'));
          return result;
        },
        sync: async () => {
          await handle.sync();
          steps.log.push(`fsync ${name(file)}`);
        },
        close: async () => {
          await handle.close();
          steps.log.push(`close ${name(file)}`);
        },
      });
    },
    rename: async (from: string, to: string) => {
      await fs.rename(from, to);
      steps.log.push(`rename ${name(from)} -> ${name(to)}`);
    },
  };
});

const { DurableJsonFile, writeFileDurably } = await import('./durable-file.ts');
const tempDir = useTempDirs();

describe('writeFileDurably', () => {
  it('writes a temporary file, fsyncs it, renames it over the file, then fsyncs the folder', async () => {
    steps.root = await tempDir();
    steps.log.length = 0;
    await writeFileDurably(path.join(steps.root, 'library.json'), '{"a":1}');
    const expected = [
      'open .library.json.<random>.tmp',
      'write .library.json.<random>.tmp',
      'fsync .library.json.<random>.tmp',
      'close .library.json.<random>.tmp',
      'rename .library.json.<random>.tmp -> library.json',
    ];
    if (process.platform !== 'win32') expected.push('open .', 'fsync .', 'close .');
    expect(steps.log).toEqual(expected);
    expect(await readFile(path.join(steps.root, 'library.json'), 'utf8')).toBe('{"a":1}');
    expect(await readdir(steps.root)).toEqual(['library.json']);
  });
});

describe('DurableJsonFile', () => {
  it('queues writes so they never share the temporary file, and saves each state as it was when asked', async () => {
    steps.root = await tempDir();
    const file = path.join(steps.root, 'doc.json');
    steps.log.length = 0;
    steps.written.length = 0;
    const adapter = new DurableJsonFile<{ n: number }>(file);
    const state = { n: 1 };
    const first = adapter.write(state);
    state.n = 2;
    const second = adapter.write(state);
    await Promise.all([first, second]);
    expect(steps.written.map((text) => JSON.parse(text))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 2 });
    const renames = steps.log.filter((step) => step.startsWith('rename'));
    expect(renames).toEqual(['rename .doc.json.<random>.tmp -> doc.json', 'rename .doc.json.<random>.tmp -> doc.json']);
  });

  it('hands the replaced state to beforeReplace while the new one is written, replaces the file only after both, and never fails a save for it', async () => {
    steps.root = await tempDir();
    steps.log.length = 0;
    const file = path.join(steps.root, 'doc.json');
    const seen: unknown[] = [];
    const errors: unknown[] = [];
    const adapter = new DurableJsonFile<{ n: number }>(file, {
      beforeReplace: async (previous) => {
        seen.push(previous);
        steps.log.push('beforeReplace');
        throw new Error('backup disk full');
      },
      onHookError: (error) => errors.push(error),
    });
    await adapter.write({ n: 1 });
    expect(seen).toEqual([]);
    await adapter.write({ n: 2 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(errors).toHaveLength(1);
    const second = steps.log.slice(steps.log.indexOf('rename .doc.json.<random>.tmp -> doc.json') + 1);
    const renamed = second.indexOf('rename .doc.json.<random>.tmp -> doc.json');
    expect(second.indexOf('beforeReplace')).toBeGreaterThanOrEqual(0);
    expect(second.indexOf('beforeReplace')).toBeLessThan(renamed);
    expect(second.indexOf('fsync .doc.json.<random>.tmp')).toBeLessThan(renamed);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 2 });
  });

  it('reads null for a missing file and throws for one that is not JSON', async () => {
    steps.root = await tempDir();
    expect(await new DurableJsonFile(path.join(steps.root, 'none.json')).read()).toBeNull();
    const broken = path.join(steps.root, 'broken.json');
    await writeFileDurably(broken, '{"broken');
    await expect(new DurableJsonFile(broken).read()).rejects.toThrow(SyntaxError);
  });
});
