// The page's only door to the main process: `window.scholia`, an invoke over the contract's channels and the menu's commands.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import {
  APP_COMMAND_CHANNEL,
  isAppCommand,
  PICK_EVIDENCE_FILE_CHANNEL,
  type AppCommand,
  type ScholiaBridge,
} from '../../shared/contract/app-commands.ts';
import { isChannel } from '../../shared/contract/channel-names.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';

const bridge: ScholiaBridge = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) {
      const refusal: ApiResult<never> = {
        ok: false,
        error: { code: 'unknown-channel', message: `There is no API channel "${String(channel).slice(0, 100)}".` },
      };
      return Promise.resolve(refusal);
    }
    return ipcRenderer.invoke(channel, input);
  },

  onCommand(listener: (command: AppCommand) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function.');
    const relay = (_event: IpcRendererEvent, command: unknown) => {
      if (isAppCommand(command)) listener(copyCommand(command));
    };
    ipcRenderer.on(APP_COMMAND_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(APP_COMMAND_CHANNEL, relay);
    };
  },

  async pickEvidenceFile(): Promise<string | null> {
    const chosen: unknown = await ipcRenderer.invoke(PICK_EVIDENCE_FILE_CHANNEL);
    return typeof chosen === 'string' ? chosen : null;
  },
};

/** A fresh command holding only the fields of its type, whatever else arrived with it. */
function copyCommand(command: AppCommand): AppCommand {
  return command.type === 'open-document' ? { type: command.type, id: command.id } : { type: command.type };
}

contextBridge.exposeInMainWorld('scholia', bridge);
