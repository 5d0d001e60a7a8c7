import { describe, expect, it } from 'vitest';
import type { ScholiaBridge } from './app-commands.ts';
import type { ApiResult } from './errors.ts';
import { bridgeTransport, httpTransport, inProcessTransport, isEnvelope, type FetchLike } from './transports.ts';

const OK: ApiResult<unknown> = { ok: true, value: { tagset: 'x' } };
const REFUSED: ApiResult<unknown> = { ok: false, error: { code: 'bad-request', message: 'Invalid input for library.get: id: Invalid' } };

function bridge(invoke: ScholiaBridge['invoke']): ScholiaBridge {
  return { invoke, onCommand: () => () => undefined, pickEvidenceFile: async () => null };
}

describe('isEnvelope', () => {
  it('takes the two shapes of a result and nothing else', () => {
    expect(isEnvelope(OK)).toBe(true);
    expect(isEnvelope(REFUSED)).toBe(true);
    expect(isEnvelope({ ok: true, value: undefined })).toBe(true);
    expect(isEnvelope({ ok: true })).toBe(false);
    expect(isEnvelope({ ok: false, error: { code: 'internal' } })).toBe(false);
    expect(isEnvelope({ ok: false, error: null })).toBe(false);
    expect(isEnvelope({ ok: 'yes', value: 1 })).toBe(false);
    expect(isEnvelope('ok')).toBe(false);
    expect(isEnvelope(null)).toBe(false);
  });
});

describe('bridgeTransport (the renderer in Electron)', () => {
  it('invokes the channel over the preload bridge and answers its envelope', async () => {
    const sent: unknown[] = [];
    const transport = bridgeTransport(bridge((channel, input) => (sent.push([channel, input]), Promise.resolve(REFUSED))));
    expect(await transport('library.get', { id: '../x' })).toEqual(REFUSED);
    expect(sent).toEqual([['library.get', { id: '../x' }]]);
  });

  it('says the app did not answer when IPC fails, and refuses an answer that is no envelope', async () => {
    await expect(bridgeTransport(bridge(() => Promise.reject(new Error('frame gone'))))('settings.get', {})).rejects.toMatchObject({
      code: 'unreachable',
      message: 'The app did not answer (frame gone).',
    });
    await expect(bridgeTransport(bridge(() => Promise.resolve({ tagset: 'x' })))('tagset.get', {})).rejects.toMatchObject({
      code: 'internal',
      message: 'Unexpected answer from the app for tagset.get.',
    });
  });
});

describe('httpTransport (the renderer in the browser host)', () => {
  it('posts the input as JSON to /api/<channel> with the session cookie and answers the body’s envelope', async () => {
    const requests: Parameters<FetchLike>[] = [];
    const transport = httpTransport(
      (url, init) => (requests.push([url, init]), Promise.resolve({ status: 400, json: () => Promise.resolve(REFUSED) })),
    );
    expect(await transport('library.get', { id: '../x' })).toEqual(REFUSED);
    expect(requests).toEqual([
      [
        '/api/library.get',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"../x"}', credentials: 'same-origin' },
      ],
    ]);
  });

  it('says the server cannot be reached when the request fails, and names the status when the body is not JSON', async () => {
    await expect(httpTransport(() => Promise.reject(new TypeError('Failed to fetch')))('library.list', {})).rejects.toMatchObject({
      code: 'unreachable',
      channel: 'library.list',
    });
    const notJson = httpTransport(() =>
      Promise.resolve({ status: 502, json: () => Promise.reject(new SyntaxError('Unexpected token <')) }),
    );
    await expect(notJson('library.list', {})).rejects.toMatchObject({
      code: 'internal',
      message: 'The server answered library.list with HTTP 502 and no result.',
    });
  });
});

describe('inProcessTransport (the CLI)', () => {
  it('hands the channel and input to dispatch as they are and answers its envelope', async () => {
    const dispatched: unknown[] = [];
    const transport = inProcessTransport({ dispatch: (channel, input) => (dispatched.push([channel, input]), Promise.resolve(OK)) });
    const input = { id: 'd1' };
    expect(await transport('library.get', input)).toBe(OK);
    expect(dispatched).toEqual([['library.get', input]]);
  });

  it('refuses an answer that is no envelope, and says the services did not answer when dispatch throws', async () => {
    await expect(
      inProcessTransport({ dispatch: () => Promise.resolve({ documents: [] } as unknown as ApiResult<unknown>) })('library.list', {}),
    ).rejects.toMatchObject({
      code: 'internal',
      message: 'Unexpected answer from the services for library.list.',
    });
    await expect(inProcessTransport({ dispatch: () => Promise.reject(new Error('closed')) })('library.list', {})).rejects.toMatchObject({
      code: 'unreachable',
    });
  });
});
