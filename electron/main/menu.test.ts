import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_CHANNEL } from '../../shared/contract/app-commands.ts';
import type { ApiResult } from '../../shared/contract/errors.ts';

interface Item {
  label?: string;
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: Item[];
}

const electron = vi.hoisted(() => ({
  template: [] as Item[],
  chosenFile: null as string | null,
  messages: [] as { message: string; detail?: string }[],
}));

vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: Item[]) => {
      electron.template = template;
      return template;
    },
    setApplicationMenu: () => undefined,
  },
  dialog: {
    showOpenDialog: async () => ({ canceled: electron.chosenFile === null, filePaths: electron.chosenFile ? [electron.chosenFile] : [] }),
    showMessageBox: async (_window: unknown, options: { message: string; detail?: string }) => {
      electron.messages.push(options);
      return { response: 0 };
    },
  },
}));

const { installAppMenu } = await import('./menu.ts');

const sent: unknown[][] = [];
const window = { isDestroyed: () => false, webContents: { send: (...args: unknown[]) => sent.push(args) } };
const dispatch = vi.fn(async (_channel: string, _input: unknown): Promise<ApiResult<unknown>> => ({
  ok: true,
  value: { id: 'doc-1', title: 'Story', duplicate: false },
}));

function install(platform: NodeJS.Platform, isPackaged = true) {
  installAppMenu({ scholia: { dispatch }, window: () => window as never, isPackaged, platform });
  return electron.template;
}

function item(template: Item[], menu: string, label: string): Item {
  const found = template.find((entry) => entry.label === menu)?.submenu?.find((entry) => entry.label === label || entry.role === label);
  if (!found) throw new Error(`no ${menu} › ${label}`);
  return found;
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'scholia-menu-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});
beforeEach(() => {
  sent.length = 0;
  electron.messages.length = 0;
  dispatch.mockClear();
});

describe('the application menu', () => {
  it('has File, Edit and View on Windows and Linux, and the app and Window menus on macOS', () => {
    expect(install('linux').map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View']);
    expect(install('darwin').map((menu) => menu.label ?? menu.role)).toEqual(['appMenu', '&File', '&Edit', '&View', 'windowMenu']);
  });

  it('offers Quit in the File menu except on macOS, where the app menu has it', () => {
    expect(
      install('win32')
        .find((menu) => menu.label === '&File')
        ?.submenu?.some((entry) => entry.role === 'quit'),
    ).toBe(true);
    expect(
      install('darwin')
        .find((menu) => menu.label === '&File')
        ?.submenu?.some((entry) => entry.role === 'quit'),
    ).toBe(false);
  });

  it('shows the developer tools only when not packaged', () => {
    const roles = (template: Item[]) => template.find((menu) => menu.label === '&View')?.submenu?.map((entry) => entry.role);
    expect(roles(install('linux', true))).not.toContain('toggleDevTools');
    expect(roles(install('linux', false))).toContain('toggleDevTools');
    expect(roles(install('linux', true))).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });

  it('sends undo and redo to the page', () => {
    const template = install('linux');
    const undo = item(template, '&Edit', 'Undo');
    const redo = item(template, '&Edit', 'Redo');
    expect([undo.accelerator, redo.accelerator]).toEqual(['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z']);
    undo.click?.();
    redo.click?.();
    expect(sent).toEqual([
      [APP_COMMAND_CHANNEL, { type: 'undo' }],
      [APP_COMMAND_CHANNEL, { type: 'redo' }],
    ]);
  });

  it('opens the export dialog and the review file chooser in the page, without registering keys the page handles', () => {
    const template = install('linux');
    const review = item(template, '&File', 'Review Tag File…');
    const exporting = item(template, '&File', 'Export…');
    expect([review.registerAccelerator, exporting.registerAccelerator, item(template, '&Edit', 'Undo').registerAccelerator]).toEqual([
      false,
      false,
      false,
    ]);
    review.click?.();
    exporting.click?.();
    expect(sent).toEqual([
      [APP_COMMAND_CHANNEL, { type: 'review' }],
      [APP_COMMAND_CHANNEL, { type: 'export' }],
    ]);
  });

  it('opens the team view and syncs with the team in the page, without registering the page’s keys', () => {
    const template = install('linux');
    const team = item(template, '&File', 'Team…');
    const sync = item(template, '&File', 'Sync with the Team');
    expect([team.accelerator, sync.accelerator]).toEqual(['CmdOrCtrl+Alt+M', 'CmdOrCtrl+Alt+Y']);
    expect([team.registerAccelerator, sync.registerAccelerator]).toEqual([false, false]);
    team.click?.();
    sync.click?.();
    expect(sent).toEqual([
      [APP_COMMAND_CHANNEL, { type: 'team' }],
      [APP_COMMAND_CHANNEL, { type: 'team-sync' }],
    ]);
  });

  it('opens the page’s import dialog for a web address or the clipboard, and offers every accepted type in the file chooser', () => {
    const importWeb = item(install('linux'), '&File', 'Import from Web or Clipboard…');
    expect(importWeb.registerAccelerator).toBe(false);
    importWeb.click?.();
    expect(sent).toEqual([[APP_COMMAND_CHANNEL, { type: 'import' }]]);
  });

  it('keeps the clipboard roles for the page’s text fields', () => {
    const roles = install('linux')
      .find((menu) => menu.label === '&Edit')
      ?.submenu?.map((entry) => entry.role);
    expect(roles).toEqual(expect.arrayContaining(['copy', 'selectAll', 'cut', 'paste']));
  });
});

describe('File › Import File…', () => {
  const importText = () => item(install('linux'), '&File', 'Import File…').click?.();

  it('imports the chosen file and opens the new document in the page', async () => {
    electron.chosenFile = path.join(folder, 'story.txt');
    await writeFile(electron.chosenFile, 'A headline\n\nThe minister said so.\n');
    importText();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(dispatch).toHaveBeenCalledWith('library.importFile', {
      filename: 'story.txt',
      base64: Buffer.from('A headline\n\nThe minister said so.\n').toString('base64'),
    });
    expect(sent).toEqual([[APP_COMMAND_CHANNEL, { type: 'open-document', id: 'doc-1' }]]);
  });

  it('does nothing when the dialog is cancelled', async () => {
    electron.chosenFile = null;
    importText();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dispatch).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('refuses an empty file with a message, without importing', async () => {
    electron.chosenFile = path.join(folder, 'bad.txt');
    await writeFile(electron.chosenFile, '');
    importText();
    await vi.waitFor(() => expect(electron.messages).toHaveLength(1));
    expect(electron.messages[0]).toMatchObject({ message: 'Could not import bad.txt', detail: 'bad.txt is empty.' });
    expect(dispatch).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('shows the error the library answers with', async () => {
    electron.chosenFile = path.join(folder, 'story.md');
    await writeFile(electron.chosenFile, '# Story\n');
    dispatch.mockResolvedValueOnce({ ok: false, error: { code: 'bad-request', message: 'too long' } });
    importText();
    await vi.waitFor(() => expect(electron.messages).toHaveLength(1));
    expect(electron.messages[0]).toMatchObject({ message: 'Could not import story.md', detail: 'too long' });
    expect(sent).toEqual([]);
  });
});
