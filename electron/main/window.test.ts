import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type OpenHandler = (details: { url: string }) => { action: string };

const electron = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  opened: [] as string[],
}));

class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler;
  }
}

vi.mock('electron', () => {
  class BrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [] };
      electron.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    show() {}
  }
  return {
    BrowserWindow,
    shell: {
      openExternal: (url: string) => {
        electron.opened.push(url);
        return Promise.resolve();
      },
    },
  };
});

const { blockRemoteRequests, createMainWindow, denyAllPermissions, guardWebContents } = await import('./window.ts');

function preventable(url = '') {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => {
  electron.opened.length = 0;
});

describe('createMainWindow', () => {
  it('makes a sandboxed, context-isolated window without Node that loads app://scholia', () => {
    createMainWindow({ preload: '/app/dist/electron/preload.cjs' });
    const window = electron.windows.at(-1);
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window?.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(window?.loaded).toEqual(['app://scholia/index.html']);
  });
});

describe('guardWebContents', () => {
  const contents = new FakeWebContents();
  guardWebContents(contents as never);
  guardWebContents(contents as never);

  it('attaches each guard once, however often it is called', () => {
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('prevents every navigation and hands http(s) links to the system browser', () => {
    const toWeb = preventable('https://example.org/story');
    contents.emit('will-navigate', toWeb);
    expect(toWeb.preventDefault).toHaveBeenCalled();
    expect(electron.opened).toEqual(['https://example.org/story']);

    const toFile = preventable('file:///etc/passwd');
    contents.emit('will-navigate', toFile);
    expect(toFile.preventDefault).toHaveBeenCalled();
    expect(electron.opened).toEqual(['https://example.org/story']);
  });

  it('prevents every subframe navigation, leaving the main frame to will-navigate', () => {
    const subframe = { ...preventable('https://example.org/frame'), isMainFrame: false };
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
    const main = { ...preventable('https://example.org/'), isMainFrame: true };
    contents.emit('will-frame-navigate', main);
    expect(main.preventDefault).not.toHaveBeenCalled();
    expect(electron.opened).toEqual([]);
  });

  it('prevents redirects and webviews', () => {
    const redirect = preventable('https://example.org/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = preventable();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(electron.opened).toEqual([]);
  });

  it('denies every new window, opening only safe http(s) links outside', () => {
    for (const url of [
      'https://example.org/a',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://u:p@example.org/',
      'app://scholia/index.html',
    ]) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.opened).toEqual(['https://example.org/a']);
  });
});

describe('session guards', () => {
  it('denies every permission request and check, every device, and cancels device choosers', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
      setDevicePermissionHandler: (handler: typeof device) => (device = handler),
    });
    denyAllPermissions(session as never);
    expect(device?.()).toBe(false);
    for (const [chooser, args] of [
      ['select-hid-device', [{ deviceList: [{ deviceId: 'h1' }] }]],
      ['select-serial-port', [[{ portId: 'p1' }], {}]],
      ['select-usb-device', [{ deviceList: [{ deviceId: 'u1' }] }]],
    ] as const) {
      const event = preventable();
      const choose = vi.fn();
      session.emit(chooser, event, ...args, choose);
      expect(event.preventDefault, chooser).toHaveBeenCalled();
      expect(choose, chooser).toHaveBeenCalledTimes(1);
      expect(choose.mock.calls[0]?.[0] ?? '', chooser).toBeFalsy();
    }
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
  });

  it('cancels every network request of the session', () => {
    let filter: { urls: string[] } | undefined;
    let listener: ((details: unknown, callback: (response: { cancel: boolean }) => void) => void) | undefined;
    const session = { webRequest: { onBeforeRequest: (f: typeof filter, l: typeof listener) => ((filter = f), (listener = l)) } };
    blockRemoteRequests(session as never);
    expect(filter?.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    listener?.({ url: 'https://tracker.example/pixel.gif' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
