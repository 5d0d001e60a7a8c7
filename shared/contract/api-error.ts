import type { ErrorCode } from './errors.ts';

/** Why an API call failed: the service's own error code, or `unreachable` when no answer came back. */
export type ApiErrorCode = ErrorCode | 'unreachable';

/** A failed API call, with the code and message the service sent. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly channel: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}
