// The app window and the guards every web contents gets: no navigation, no new windows, no webviews, no permissions.
import { BrowserWindow, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { APP_ENTRY_URL, shouldOpenExternally } from './policy.ts';

export interface MainWindowOptions {
  preload: string;
  /** The window icon (used on Linux; macOS and Windows take the packaged app's icon). */
  icon?: string;
}

/** The one window: a sandboxed, context-isolated renderer without Node, showing app://scholia/index.html. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Scholia',
    backgroundColor: '#fdfbf6',
    ...(options.icon !== undefined ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click would otherwise ask for a new window outside the window-open handler's usual path.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/**
 * Denies navigation, redirects, new windows and webviews to a web contents. Links to http(s) pages are
 * handed to the system browser instead, if `shouldOpenExternally` allows them. Safe to call twice.
 */
export function guardWebContents(contents: WebContents): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    // The main frame is will-navigate's (which hands http(s) links to the browser); no subframe navigates at all.
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

const guarded = new WeakSet<WebContents>();

/**
 * Denies every permission request and check (camera, microphone, notifications, geolocation, clipboard, …),
 * every device permission (HID, serial, USB), and cancels every device chooser.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

/** Cancels every request of the session to the network: the app window loads nothing remote. */
export function blockRemoteRequests(session: Session): void {
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

function openExternally(url: string): void {
  if (!shouldOpenExternally(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.error(`Could not open ${url} in the browser:`, error);
  });
}
