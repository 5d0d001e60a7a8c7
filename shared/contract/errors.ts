export const ERROR_CODES = [
  'bad-request',
  'unknown-channel',
  'not-found',
  'conflict',
  'unsupported-file',
  'read-only',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** What every call answers: the value, or an error that survives any transport intact. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error a service throws on purpose; its code and message reach the caller as they are. */
export class ScholiaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScholiaError';
  }
}

/** The message of anything thrown: an Error's own message, anything else as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
