import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { dispatch, INTERNAL_ERROR_MESSAGE, type Handlers } from './dispatch.ts';

/** Handlers in which `library.list` does whatever the test says; the rest are never called. */
function handlersThat(run: () => unknown): Handlers {
  return { 'library.list': run } as unknown as Handlers;
}

function fsError(): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error("EACCES: permission denied, open '/home/analyst/Scholia/documents/d1/document.json'");
  error.code = 'EACCES';
  error.path = '/home/analyst/Scholia/documents/d1/document.json';
  return error;
}

describe('dispatch', () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  afterEach(() => logged.mockClear());

  it('answers a deliberate ScholiaError with its own code and message, and logs nothing', async () => {
    const result = await dispatch(
      handlersThat(() => {
        throw new ScholiaError('not-found', 'There is no document d1.');
      }),
      'library.list',
      {},
    );
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no document d1.' } });
    expect(logged).not.toHaveBeenCalled();
  });

  it.each([
    ['a TypeError', () => new TypeError("Cannot read properties of undefined (reading 'annotations')")],
    ['an fs error naming a path', fsError],
    ['a thrown string', () => 'secret detail at /home/analyst'],
  ])('answers %s as internal with a generic message, and logs the error itself with its stack', async (_name, make) => {
    const error = make();
    const result = await dispatch(
      handlersThat(async () => {
        await Promise.resolve();
        throw error;
      }),
      'library.list',
      {},
    );
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(result)).not.toMatch(/analyst|annotations|EACCES|TypeError/u);
    expect(INTERNAL_ERROR_MESSAGE).toMatch(/in the log/u);
    expect(logged).toHaveBeenCalledTimes(1);
    // The error object goes to console.error as it is, so the log shows its stack.
    expect(logged.mock.calls[0]).toEqual([expect.stringContaining('library.list'), error]);
  });
});
