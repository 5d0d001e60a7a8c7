import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels.ts';
import { ApiCallError } from './api-error.ts';
import { bridgeTransport, httpTransport, type Transport } from './transports.ts';

/** The typed API of the contract (docs/ARCHITECTURE.md, “The contract”): one call per channel, its input and output typed by the contract. */
export interface ApiClient {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/** A client over a transport; `ok: false` answers become ApiCallErrors with the service's code and message. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const result = await transport(channel, input);
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, channel);
      // Answers come from our own main process or host, which validate what they receive; not re-parsed here.
      return result.value as ChannelOutput<C>;
    },
  };
}

/** The client over whichever transport this page has: the Electron bridge, else the browser host. */
export function defaultApiClient(): ApiClient {
  return createApiClient(window.scholia ? bridgeTransport(window.scholia) : httpTransport());
}
