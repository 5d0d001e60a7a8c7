import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ErrorCode } from '../../../shared/contract/errors.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import { ApiCallError } from '../../../shared/contract/api-error.ts';

/** How a fake answers one channel: with a value, or by throwing (an ApiCallError, say). */
export type FakeHandlers = { [C in Channel]?: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

/** One call the fake received. */
export interface FakeCall {
  channel: Channel;
  input: unknown;
}

/**
 * An API client answering from handlers, as the services would, and recording every call. A
 * channel without a handler fails as the services fail for an unknown channel.
 */
export class FakeApi implements ApiClient {
  readonly calls: FakeCall[] = [];

  constructor(readonly handlers: FakeHandlers) {}

  async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    this.calls.push({ channel, input });
    const handler = this.handlers[channel] as ((input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>) | undefined;
    if (!handler) throw new ApiCallError('unknown-channel', `No answer for ${channel} in this test.`, channel);
    return handler(input);
  }

  /** The inputs of the calls made to one channel, in order. */
  inputsOf<C extends Channel>(channel: C): ChannelInput<C>[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input as ChannelInput<C>);
  }
}

/** A handler that fails the way the services do, with their code and message. */
export function failing(code: ErrorCode, message: string): () => never {
  return () => {
    throw new ApiCallError(code, message, 'test');
  };
}
