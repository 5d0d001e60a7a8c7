import { contract, isChannel, type Channel, type ChannelOutput, type Contract } from '../../shared/contract/channels.ts';
import { ScholiaError, type ApiResult, type ErrorCode } from '../../shared/contract/errors.ts';
import { describeIssues } from '../../shared/contract/validation.ts';
import type { z } from 'zod';

/** One service function per channel, taking the validated input. */
export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** What a caller is told when a service fails other than on purpose; the details are only logged. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong in Scholia; the details are in the log.';

function failure(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * The one entry point of every transport: checks the channel, validates the input against the
 * contract, runs the handler, and answers with the result envelope. It never throws. A deliberate
 * `ScholiaError` reaches the caller as it is; any other error is logged with its stack and answered
 * as `internal` with a generic message, so no path or internal detail leaves the process.
 */
export async function dispatch(handlers: Handlers, channel: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) return failure('unknown-channel', `There is no API channel "${channel}".`);
  const parsed = contract[channel].input.safeParse(input ?? {});
  if (!parsed.success) return failure('bad-request', `Invalid input for ${channel}: ${describeIssues(parsed.error)}`);
  try {
    const handler = handlers[channel] as (validInput: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ScholiaError) return failure(error.code, error.message);
    // Anything else is a bug or an environment failure (a TypeError, an fs error naming a path):
    // its message and stack go to the log, never to the caller.
    console.error(`scholia: ${channel} failed:`, error);
    return failure('internal', INTERNAL_ERROR_MESSAGE);
  }
}
