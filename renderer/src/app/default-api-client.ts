import { createApiClient, type ApiClient } from '../../../shared/contract/api-client.ts';
import type { ScholiaBridge } from '../../../shared/contract/app-commands.ts';
import { bridgeTransport, httpTransport } from '../../../shared/contract/transports.ts';

declare global {
  interface Window {
    /** Present when the page runs inside the Electron shell (set by the preload script). */
    scholia?: ScholiaBridge;
  }
}

/** The client over whichever door this page has: the Electron bridge (IPC), else the browser host (HTTP). */
export function defaultApiClient(): ApiClient {
  return createApiClient(window.scholia ? bridgeTransport(window.scholia) : httpTransport((url, init) => fetch(url, init)));
}
