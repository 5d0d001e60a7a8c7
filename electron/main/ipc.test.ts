import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';

type Handler = (event: unknown, input: unknown) => Promise<ApiResult<unknown>>;
const electron = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler) },
}));

const { registerIpcHandlers } = await import('./ipc.ts');

vi.spyOn(console, 'warn').mockImplementation(() => undefined);
vi.spyOn(console, 'error').mockImplementation(() => undefined);

const dispatch = vi.fn(async (channel: string, input: unknown): Promise<ApiResult<unknown>> => ({ ok: true, value: { channel, input } }));
registerIpcHandlers({ dispatch });

function eventFrom(url: string | null, { subframe = false } = {}) {
  const mainFrame = { url: url ?? '' };
  const senderFrame = url === null ? null : subframe ? { url } : mainFrame;
  return { sender: { mainFrame }, senderFrame };
}

function call(channel: string, event: unknown, input: unknown) {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`${channel} has no handler`);
  return handler(event, input);
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('hands a call from our page to the dispatcher and returns its envelope', async () => {
    dispatch.mockClear();
    const result = await call('library.get', eventFrom('app://scholia/index.html'), { id: 'd1' });
    expect(dispatch).toHaveBeenCalledWith('library.get', { id: 'd1' });
    expect(result).toEqual({ ok: true, value: { channel: 'library.get', input: { id: 'd1' } } });
  });

  it.each([
    ['another origin', eventFrom('https://evil.example/')],
    ['a file:// page', eventFrom('file:///tmp/x.html')],
    ['another app:// host', eventFrom('app://evil/index.html')],
    ['a subframe of our page', eventFrom('app://scholia/index.html', { subframe: true })],
    ['a frame that is gone', eventFrom(null)],
  ])('refuses a call from %s as forbidden, without dispatching', async (_name, event) => {
    dispatch.mockClear();
    const result = await call('settings.set', event, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a dispatcher that throws anyway into an internal error envelope', async () => {
    dispatch.mockRejectedValueOnce(new Error('disk on fire'));
    const result = await call('library.list', eventFrom('app://scholia/index.html'), {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'library.list failed.' } });
  });
});
