// The native menu: File (Import File…, Import from Web or Clipboard…, Quit), Edit (undo/redo of annotations, clipboard), View (zoom, full screen).
import path from 'node:path';
import { dialog, Menu } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions, MessageBoxOptions, OpenDialogOptions } from 'electron';
import { APP_COMMAND_CHANNEL, type AppCommand } from '../../shared/contract/app-commands.ts';
import { ACCEPTED_FILE_TYPES, TAG_FILE_TYPE } from '../../shared/import/import-formats.ts';
import type { Scholia } from '../services/open-scholia.ts';
import { readImportFile } from '../services/text-file.ts';

export interface AppMenuOptions {
  scholia: Pick<Scholia, 'dispatch'>;
  /** The window commands go to, if there is one. */
  window: () => BrowserWindow | null;
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/** Builds the menu and sets it as the application menu. */
export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}

function menuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const send = (command: AppCommand) => sendCommand(options.window(), command);

  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import File…', accelerator: 'CmdOrCtrl+O', click: () => void importFile(options) },
      // The page handles these keys itself (see Undo below); the menu only shows them.
      {
        label: 'Import from Web or Clipboard…',
        accelerator: 'CmdOrCtrl+Shift+O',
        registerAccelerator: false,
        click: () => send({ type: 'import' }),
      },
      { label: 'Review Tag File…', accelerator: 'CmdOrCtrl+Alt+R', registerAccelerator: false, click: () => send({ type: 'review' }) },
      { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', registerAccelerator: false, click: () => send({ type: 'export' }) },
      { type: 'separator' },
      { label: 'Team…', accelerator: 'CmdOrCtrl+Alt+M', registerAccelerator: false, click: () => send({ type: 'team' }) },
      { label: 'Sync with the Team', accelerator: 'CmdOrCtrl+Alt+Y', registerAccelerator: false, click: () => send({ type: 'team-sync' }) },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // The page handles these keys itself; the menu only shows them, so one key press never undoes twice.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send({ type: 'undo' }) },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => send({ type: 'redo' }) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  return isMac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu] : [fileMenu, editMenu, viewMenu];
}

function sendCommand(window: BrowserWindow | null, command: AppCommand): void {
  if (window === null || window.isDestroyed()) return;
  window.webContents.send(APP_COMMAND_CHANNEL, command);
}

/** File › Import File…: pick an article file of any accepted type, import it, and open it in the page. */
async function importFile(options: AppMenuOptions): Promise<void> {
  const window = options.window();
  const dialogOptions: OpenDialogOptions = {
    title: 'Import',
    properties: ['openFile'],
    filters: [
      { name: 'Articles', extensions: [...ACCEPTED_FILE_TYPES, TAG_FILE_TYPE].flatMap((type) => type.extensions) },
      ...[...ACCEPTED_FILE_TYPES, TAG_FILE_TYPE].map((type) => ({ name: type.label, extensions: [...type.extensions] })),
    ],
  };
  const choice = window ? await dialog.showOpenDialog(window, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  const file = choice.filePaths[0];
  if (choice.canceled || file === undefined) return;

  const filename = path.basename(file);
  let bytes: Uint8Array;
  try {
    ({ bytes } = await readImportFile(file));
  } catch (error) {
    await showImportError(window, filename, error instanceof Error ? error.message : String(error));
    return;
  }
  const result = await options.scholia.dispatch('library.importFile', { filename, base64: Buffer.from(bytes).toString('base64') });
  if (!result.ok) {
    await showImportError(window, filename, result.error.message);
    return;
  }
  const id = importedId(result.value);
  if (id !== null) sendCommand(window, { type: 'open-document', id });
}

function importedId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

async function showImportError(window: BrowserWindow | null, filename: string, detail: string): Promise<void> {
  const options: MessageBoxOptions = { type: 'error', message: `Could not import ${filename}`, detail, buttons: ['OK'] };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
