// One IPC handler per contract channel: check the sender, then hand the input to the services' dispatcher.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';
import type { Scholia } from '../services/open-scholia.ts';
import { isTrustedSender } from './policy.ts';

/**
 * Registers `ipcMain.handle` for every channel of the contract. Calls from anything but the main frame of
 * our app:// page are refused as `forbidden`; the rest go to `scholia.dispatch`, which validates the input
 * and answers with the result envelope (it never throws, so nothing is lost crossing IPC).
 */
export function registerIpcHandlers(scholia: Pick<Scholia, 'dispatch'>): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => answer(scholia, channel, event, input));
  }
}

async function answer(
  scholia: Pick<Scholia, 'dispatch'>,
  channel: string,
  event: IpcMainInvokeEvent,
  input: unknown,
): Promise<ApiResult<unknown>> {
  const frame = event.senderFrame;
  if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
    console.warn(`scholia: refused ${channel} from ${frame?.url ?? 'a closed frame'}`);
    return { ok: false, error: { code: 'forbidden', message: `${channel} may only be called by the Scholia page.` } };
  }
  try {
    return await scholia.dispatch(channel, input);
  } catch (error) {
    console.error(`scholia: ${channel} failed:`, error);
    return { ok: false, error: { code: 'internal', message: `${channel} failed.` } };
  }
}
