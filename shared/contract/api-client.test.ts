import { describe, expect, expectTypeOf, it } from 'vitest';
import { createApiClient } from './api-client.ts';
import { ApiCallError } from './api-error.ts';
import type { Channel, ChannelOutput } from './channels.ts';
import type { ApiResult } from './errors.ts';
import type { Transport } from './transports.ts';

/** A transport that records each call and answers with the given envelope. */
function answering(result: ApiResult<unknown>): { transport: Transport; calls: [Channel, unknown][] } {
  const calls: [Channel, unknown][] = [];
  return {
    calls,
    transport: (channel, input) => {
      calls.push([channel, input]);
      return Promise.resolve(result);
    },
  };
}

describe('the API client', () => {
  it('sends the channel and input as they are and answers the envelope’s value', async () => {
    const value = { documents: [], notices: [{ level: 'info', message: 'fine' }] };
    const { transport, calls } = answering({ ok: true, value });
    const listed = await createApiClient(transport).call('library.list', { check: true });
    expect(calls).toEqual([['library.list', { check: true }]]);
    expect(listed).toBe(value);
  });

  it('turns an error envelope into an ApiCallError with the service’s code, message and the channel', async () => {
    const { transport } = answering({ ok: false, error: { code: 'not-found', message: 'There is no document d1.' } });
    const failed = createApiClient(transport).call('library.get', { id: 'd1' });
    await expect(failed).rejects.toBeInstanceOf(ApiCallError);
    await expect(failed).rejects.toMatchObject({ code: 'not-found', message: 'There is no document d1.', channel: 'library.get' });
  });

  it('lets a transport’s own failure (no answer at all) through unchanged', async () => {
    const unreachable = new ApiCallError('unreachable', 'Cannot reach it.', 'settings.get');
    const client = createApiClient(() => Promise.reject(unreachable));
    await expect(client.call('settings.get', {})).rejects.toBe(unreachable);
  });

  it('types each call’s input and output by the contract', () => {
    const client = createApiClient(answering({ ok: true, value: null }).transport);
    expectTypeOf(client.call<'library.get'>)
      .parameter(1)
      .toEqualTypeOf<{ id: string }>();
    expectTypeOf(client.call<'document.restore'>).returns.resolves.toEqualTypeOf<ChannelOutput<'document.restore'>>();
    expectTypeOf<ChannelOutput<'library.importBatch'>['results'][number]['format']>().toEqualTypeOf<
      'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'url' | 'paste' | 'tags'
    >();
    // Never run: the compiler refuses a wrong input shape and an unknown channel.
    const refusedByTheCompiler = () => {
      // @ts-expect-error library.get takes { id }, not { documentId }
      void client.call('library.get', { documentId: 'd1' });
      // @ts-expect-error there is no such channel
      void client.call('library.drop', {});
    };
    expect(typeof refusedByTheCompiler).toBe('function');
  });
});
