// The desktop app's "Attach file…": a native dialog in the main process, asked for by the page over one sender-checked IPC call.
import { BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import { PICK_EVIDENCE_FILE_CHANNEL } from '../../shared/contract/app-commands.ts';
import { isTrustedSender } from './policy.ts';

const DIALOG: OpenDialogOptions = {
  title: 'Attach a file to the source',
  buttonLabel: 'Attach',
  properties: ['openFile'],
  filters: [
    {
      name: 'Documents and pictures',
      extensions: ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'tif', 'tiff', 'docx', 'txt', 'html', 'htm'],
    },
    { name: 'All files', extensions: ['*'] },
  ],
};

/**
 * Answers the page's request for a file to attach: the path the analyst chose in the native dialog,
 * or null when they cancel. The page sends nothing; a request from anything but our page's main
 * frame is refused (null) without showing a dialog. The path then goes to `evidence.attachFile`,
 * which hashes the file where it is.
 */
export async function pickEvidenceFile(event: IpcMainInvokeEvent): Promise<string | null> {
  const frame = event.senderFrame;
  if (!isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame)) {
    console.warn(`scholia: refused ${PICK_EVIDENCE_FILE_CHANNEL} from ${frame?.url ?? 'a closed frame'}`);
    return null;
  }
  const window = BrowserWindow.fromWebContents(event.sender);
  const choice = window ? await dialog.showOpenDialog(window, DIALOG) : await dialog.showOpenDialog(DIALOG);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

export function registerEvidenceFilePicker(): void {
  ipcMain.handle(PICK_EVIDENCE_FILE_CHANNEL, pickEvidenceFile);
}
