import type { ScholiaBridge } from '../../../shared/contract/app-commands.ts';
import type { Channel } from '../../../shared/contract/channels.ts';
import { messageOf, type ApiResult } from '../../../shared/contract/errors.ts';
import { ApiCallError } from './api-error.ts';

declare global {
  interface Window {
    /** Present when the page runs inside the Electron shell (set by the preload script). */
    scholia?: ScholiaBridge;
  }
}

/** Sends one call and answers with the contract's result envelope. */
export type Transport = (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>;

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error as { code?: unknown; message?: unknown } | null;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

function envelopeOrThrow(channel: Channel, value: unknown, what: string): ApiResult<unknown> {
  if (isEnvelope(value)) return value;
  throw new ApiCallError('internal', `Unexpected answer from ${what} for ${channel}.`, channel);
}

/** Calls through the Electron preload bridge. */
export function bridgeTransport(bridge: ScholiaBridge): Transport {
  return async (channel, input) => {
    let answer: unknown;
    try {
      answer = await bridge.invoke(channel, input);
    } catch (error) {
      throw new ApiCallError('unreachable', `The app did not answer (${messageOf(error)}).`, channel);
    }
    return envelopeOrThrow(channel, answer, 'the app');
  };
}

/** Calls the browser host: `POST /api/<channel>` on the page's own origin, the session cookie sent along. */
export function httpTransport(fetchImpl: typeof fetch = (...args) => fetch(...args)): Transport {
  return async (channel, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiCallError('unreachable', 'Cannot reach Scholia’s local server. Is it still running?', channel);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiCallError('internal', `The server answered ${channel} with HTTP ${response.status} and no result.`, channel);
    }
    return envelopeOrThrow(channel, body, 'the server');
  };
}
