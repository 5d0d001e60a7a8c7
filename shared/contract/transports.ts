import { ApiCallError } from './api-error.ts';
import type { ScholiaBridge } from './app-commands.ts';
import type { Channel } from './channel-names.ts';
import type { ApiResult } from './errors.ts';

/** Sends one call and answers with the contract's result envelope. */
export type Transport = (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>;

/** What a transport needs of the services: their one entry point (`Scholia.dispatch`), which validates and never throws. */
export interface Dispatcher {
  dispatch(channel: string, input: unknown): Promise<ApiResult<unknown>>;
}

/** The part of `fetch` the HTTP transport uses (kept minimal, so this module needs no DOM types). */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; credentials: 'same-origin' },
) => Promise<{ status: number; json(): Promise<unknown> }>;

/** True when `value` has the shape of an `ApiResult`: `{ ok: true, value }` or `{ ok: false, error: { code, message } }`. */
export function isEnvelope(value: unknown): value is ApiResult<unknown> {
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

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Calls through the Electron preload bridge (IPC to the main process, which hands the call to `dispatch`). */
export function bridgeTransport(bridge: ScholiaBridge): Transport {
  return async (channel, input) => {
    let answer: unknown;
    try {
      answer = await bridge.invoke(channel, input);
    } catch (error) {
      throw new ApiCallError('unreachable', `The app did not answer (${reason(error)}).`, channel);
    }
    return envelopeOrThrow(channel, answer, 'the app');
  };
}

/** Calls the browser host: `POST /api/<channel>` on the page's own origin, the session cookie sent along. */
export function httpTransport(fetchImpl: FetchLike): Transport {
  return async (channel, input) => {
    let response: Awaited<ReturnType<FetchLike>>;
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

/**
 * Calls the services in this very process (the CLI's door): the call goes through the same
 * `dispatch` as the app's, so its input is validated by the contract and its errors come back as
 * the same envelopes. Nothing is copied on the way: an answer may be the services' own objects, so
 * a caller treats it as read-only, as it would a structured clone.
 */
export function inProcessTransport(services: Dispatcher): Transport {
  return async (channel, input) => {
    let answer: unknown;
    try {
      answer = await services.dispatch(channel, input);
    } catch (error) {
      // `dispatch` never throws; this is a caller that passed something else as the services.
      throw new ApiCallError('unreachable', `The services did not answer (${reason(error)}).`, channel);
    }
    return envelopeOrThrow(channel, answer, 'the services');
  };
}
