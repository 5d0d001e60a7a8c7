import { createApiClient, type ApiClient } from '../../shared/contract/api-client.ts';
import { inProcessTransport } from '../../shared/contract/transports.ts';
import { openScholia, type Scholia, type ScholiaOptions } from '../services/open-scholia.ts';

/** The CLI's door to a library: the typed client over the in-process transport, so every call goes through the contract and `dispatch`. */
export function clientOf(scholia: Pick<Scholia, 'dispatch'>): ApiClient {
  return createApiClient(inProcessTransport(scholia));
}

/** Opens the library, hands `work` a client to it, and closes the library (flushed, lock given up) however `work` ends. */
export async function withLibrary<T>(options: ScholiaOptions, work: (api: ApiClient) => Promise<T>): Promise<T> {
  const scholia = await openScholia(options);
  try {
    return await work(clientOf(scholia));
  } finally {
    await scholia.close();
  }
}
