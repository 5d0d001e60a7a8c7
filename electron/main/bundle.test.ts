// Starts the built dist/electron/main.cjs against a stand-in for the `electron` module: the bundle's own
// wiring (imports, library, IPC, window, quit) runs in plain Node, as far as it can without Electron.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { ApiResult } from '../../shared/contract/errors.ts';
import { articlePdf } from '../services/import/testing/pdf-fixtures.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mainBundle = path.join(repo, 'dist/electron/main.cjs');

type IpcHandler = (event: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/** Records what the main process asks of Electron. */
function fakeElectron(appData: string) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitCalls: 0,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    paths: new Map<string, string>([['appData', appData]]),
    setName: vi.fn(),
    setPath: (name: string, value: string) => app.paths.set(name, value),
    getPath: (name: string) => app.paths.get(name) ?? tmpdir(),
    getAppPath: () => repo,
    setAppUserModelId: vi.fn(),
    quit: () => {
      app.quitCalls += 1;
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      app.emit('before-quit', event);
    },
    exit: vi.fn(),
  });
  const windows: { options: { webPreferences: Record<string, unknown> }; url: string; window?: BrowserWindow }[] = [];
  class BrowserWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn(), send: vi.fn() });
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push({ options, url: '', window: this });
    }
    loadURL(url: string) {
      const record = windows.at(-1);
      if (record) record.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => true;
    restore = vi.fn();
    show = vi.fn();
    focus = vi.fn();
  }
  const ipcHandlers = new Map<string, IpcHandler>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const permissions = { request: vi.fn(), check: vi.fn(), device: vi.fn(), webRequest: vi.fn() };
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: IpcHandler) => ipcHandlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: Object.assign(new EventEmitter(), {
        setPermissionRequestHandler: permissions.request,
        setPermissionCheckHandler: permissions.check,
        setDevicePermissionHandler: permissions.device,
        webRequest: { onBeforeRequest: permissions.webRequest },
      }),
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() },
    shell: { openExternal: vi.fn() },
  };
  return { electron, app, windows, ipcHandlers, protocolHandlers, privileged, permissions };
}

type Fake = ReturnType<typeof fakeElectron>;
let fake: Fake;
let appData: string;
let userData: string;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const signalListenersBefore = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));

beforeAll(async () => {
  if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run node scripts/build-node.mjs`);
  appData = await mkdtemp(path.join(tmpdir(), 'scholia-bundle-'));
  userData = path.join(appData, 'Scholia');
  fake = fakeElectron(appData);
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const realLoad = loader._load;
  const previousLibrary = process.env.SCHOLIA_LIBRARY;
  delete process.env.SCHOLIA_LIBRARY;
  loader._load = (request, ...rest) => (request === 'electron' ? fake.electron : realLoad(request, ...rest));
  try {
    createRequire(import.meta.url)(mainBundle);
  } finally {
    loader._load = realLoad;
    if (previousLibrary !== undefined) process.env.SCHOLIA_LIBRARY = previousLibrary;
  }
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });
});

afterAll(async () => {
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!signalListenersBefore.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  await rm(appData, { recursive: true, force: true });
});

const fromOurPage = () => {
  const mainFrame = { url: 'app://scholia/index.html' };
  return { sender: { mainFrame }, senderFrame: mainFrame };
};

describe('dist/electron/main.cjs', () => {
  it('enables the sandbox for every renderer and registers app:// before the app is ready', () => {
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('keeps its data under appData/Scholia, in development as in the package', () => {
    expect(fake.app.setName).toHaveBeenCalledWith('Scholia');
    expect(fake.app.getPath('userData')).toBe(userData);
  });

  it('opens one sandboxed window on app://scholia with the built preload script', () => {
    const [window] = fake.windows;
    expect(window?.url).toBe('app://scholia/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window?.options.webPreferences.preload).toBe(path.join(repo, 'dist/electron/preload.cjs'));
    expect(existsSync(String(window?.options.webPreferences.preload))).toBe(true);
  });

  it('denies permissions and remote requests on the default session', () => {
    expect(fake.permissions.request).toHaveBeenCalled();
    expect(fake.permissions.check).toHaveBeenCalled();
    expect(fake.permissions.device).toHaveBeenCalled();
    expect(fake.permissions.webRequest).toHaveBeenCalled();
  });

  it('answers the API over IPC from the library under userData, seeded with the sample', async () => {
    const list = fake.ipcHandlers.get('library.list');
    const result = await list?.(fromOurPage(), {});
    expect(result).toMatchObject({ ok: true, value: { documents: [expect.objectContaining({ id: expect.any(String) })] } });
    expect(await readdir(path.join(userData, 'library'))).toContain('library.json');
  });

  it('imports a web page, a PDF and a Word document with the readers bundled in (jsdom, pdf.js, mammoth)', async () => {
    const importFile = fake.ipcHandlers.get('library.importFile');
    const page = readFileSync(path.join(repo, 'fixtures/import/harbour-news.html'));
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: 'Budget approved', heading: HeadingLevel.TITLE }),
              new Paragraph('The council approved the budget on Monday.'),
            ],
          },
        ],
      }),
    );
    const pdf = await articlePdf();
    for (const [filename, bytes, title] of [
      ['harbour.html', page, 'Port authority admits dredging contract overran by £40m'],
      ['budget.docx', docx, 'Budget approved'],
      ['flood.pdf', pdf, 'Assembly approves coastal flood plan'],
    ] as const) {
      const result = await importFile?.(fromOurPage(), { filename, base64: Buffer.from(bytes).toString('base64') });
      expect(result).toMatchObject({ ok: true, value: { title, duplicate: false } });
    }
  }, 30_000);

  it('serves app:// from the renderer build and refuses what lies outside it', async () => {
    const serve = fake.protocolHandlers.get('app');
    const escape = await serve?.(new Request('app://scholia/..%2f..%2fpackage.json'));
    expect(escape?.status).toBe(404);
    const index = await serve?.(new Request('app://scholia/index.html'));
    expect(index?.status).toBe(existsSync(path.join(repo, 'dist/renderer/index.html')) ? 200 : 404);
  });

  it('is the one instance: a second launch restores and focuses its window', () => {
    expect(fake.app.listenerCount('second-instance')).toBe(1);
    fake.app.emit('second-instance');
    const window = fake.windows[0]?.window;
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
  });

  it('holds the library lock while it runs, naming itself as Scholia', async () => {
    const lock = JSON.parse(await readFile(path.join(userData, 'library', 'scholia.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, app: 'Scholia' });
  });

  it('quits on SIGINT and SIGTERM, so the library is flushed', () => {
    for (const signal of SIGNALS) expect(process.listenerCount(signal)).toBeGreaterThan(signalListenersBefore.get(signal)?.length ?? 0);
  });

  it('holds the first quit until the library is closed, then quits', async () => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    fake.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(1));
    const refused = await fake.ipcHandlers.get('library.list')?.(fromOurPage(), {});
    expect(refused).toMatchObject({ ok: false });
    expect(existsSync(path.join(userData, 'library', 'scholia.lock'))).toBe(false);
  });
});
