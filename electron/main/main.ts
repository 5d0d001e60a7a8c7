// Electron main process: one instance, one sandboxed window on app://scholia, the services behind IPC, flushed on quit.
import path from 'node:path';
import { app, dialog, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { openScholia, type Scholia } from '../services/open-scholia.ts';
import { registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { registerIpcHandlers } from './ipc.ts';
import { libraryDirFrom } from './launch-options.ts';
import { builtLayout } from './layout.ts';
import { installAppMenu } from './menu.ts';
import { printReportWithElectron } from './pdf-printer.ts';
import { keychainTokens } from './team-tokens.ts';
import { startTeamSync } from '../services/team/team-timer.ts';
import { blockRemoteRequests, createMainWindow, denyAllPermissions, guardWebContents } from './window.ts';

let mainWindow: BrowserWindow | null = null;

// The same name and data folder in development (where package.json says "scholia") as in the
// package, and as the CLI's default library (electron/services/paths.ts).
app.setName('Scholia');
app.setPath('userData', path.join(app.getPath('appData'), 'Scholia'));
app.enableSandbox();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusMainWindow);
  start().catch((error: unknown) => {
    console.error('Scholia could not start:', error);
    app.exit(1);
  });
} else {
  app.quit();
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('org.scholia.app');
  const layout = builtLayout(__dirname);
  const assetsDir = path.join(app.getAppPath(), 'assets');
  const libraryDir = libraryDirFrom(process.argv, process.env, path.join(app.getPath('userData'), 'library'), process.cwd());

  let scholia: Scholia;
  try {
    [scholia] = await Promise.all([
      openScholia({
        libraryDir,
        seedFrom: assetsDir,
        printPdf: printReportWithElectron,
        owner: 'Scholia',
        team: { tokens: keychainTokens(app.getPath('userData')) },
      }),
      app.whenReady(),
    ]);
  } catch (error) {
    await app.whenReady();
    dialog.showErrorBox(
      'Scholia could not start',
      `The library in ${libraryDir} could not be opened.\n\n${error instanceof Error ? error.message : String(error)}`,
    );
    app.exit(1);
    return;
  }

  denyAllPermissions(session.defaultSession);
  blockRemoteRequests(session.defaultSession);
  serveAppScheme(layout.rendererRoot);
  registerIpcHandlers(scholia);
  startTeamSync(scholia);
  installAppMenu({ scholia, window: () => mainWindow, isPackaged: app.isPackaged, platform: process.platform });
  closeLibraryOnQuit(scholia);

  const openWindow = () => {
    const window = createMainWindow({
      preload: layout.preload,
      ...(process.platform === 'linux' ? { icon: path.join(assetsDir, 'icons', '512x512.png') } : {}),
    });
    window.on('close', () => {
      scholia.flush().catch((error: unknown) => console.error('Scholia could not save the library:', error));
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };
  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  openWindow();
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Holds the first quit until every pending change is on disk, then quits for real. */
function closeLibraryOnQuit(scholia: Scholia): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    scholia
      .close()
      .catch((error: unknown) => console.error('Scholia could not save the library:', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
}
