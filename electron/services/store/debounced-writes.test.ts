import { describe, expect, it, vi } from 'vitest';
import { DebouncedWrites } from './debounced-writes.ts';

describe('DebouncedWrites', () => {
  it('writes a burst of changes to one key once, after the quiet time', async () => {
    vi.useFakeTimers();
    try {
      const writes = new DebouncedWrites(300, () => undefined);
      const write = vi.fn(async () => undefined);
      for (let i = 0; i < 5; i += 1) {
        writes.schedule('doc', write);
        await vi.advanceTimersByTimeAsync(100);
      }
      expect(write).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(300);
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes at most maxDelay after the first change of a burst that never pauses', async () => {
    vi.useFakeTimers();
    try {
      const writes = new DebouncedWrites(300, () => undefined, 3000);
      const write = vi.fn(async () => undefined);
      for (let elapsed = 0; elapsed < 3100; elapsed += 100) {
        writes.schedule('doc', write);
        await vi.advanceTimersByTimeAsync(100);
      }
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('flushes everything pending at once', async () => {
    const writes = new DebouncedWrites(60_000, () => undefined);
    const done: string[] = [];
    writes.schedule('a', async () => void done.push('a'));
    writes.schedule('b', async () => void done.push('b'));
    expect(writes.hasPending).toBe(true);
    await writes.flush();
    expect(done.sort()).toEqual(['a', 'b']);
    expect(writes.hasPending).toBe(false);
  });

  it('reports a failed write, and makes flush reject rather than claim it saved', async () => {
    const errors: string[] = [];
    const writes = new DebouncedWrites(60_000, (key) => errors.push(key));
    writes.schedule('ok', async () => undefined);
    writes.schedule('doc', async () => {
      throw new Error('disk full');
    });
    await expect(writes.flush()).rejects.toThrow('Could not save doc: disk full');
    expect(errors).toEqual(['doc']);
    await expect(writes.flush()).resolves.toBeUndefined();
  });
});
