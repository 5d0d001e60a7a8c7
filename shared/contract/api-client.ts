import { ApiCallError } from './api-error.ts';
import type { Channel, ChannelInput, ChannelOutput } from './channels.ts';
import type { Transport } from './transports.ts';

/** The typed API of the contract (docs/ARCHITECTURE.md, “The contract”): one call per channel, its input and output typed by the contract. */
export interface ApiClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/**
 * A client over a transport (IPC, HTTP or in-process, see `transports.ts`); `ok: false` answers
 * become ApiCallErrors with the service's code and message.
 */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const result = await transport(channel, input);
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, channel);
      // Answers come from the services' own dispatch, which validated what it received; not re-parsed here.
      return result.value as ChannelOutput<C>;
    },
  };
}
