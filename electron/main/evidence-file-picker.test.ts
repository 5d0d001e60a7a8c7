import { describe, expect, it, vi } from 'vitest';
import { PICK_EVIDENCE_FILE_CHANNEL } from '../../shared/contract/app-commands.ts';

type Handler = (event: unknown) => Promise<string | null>;
const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  shown: [] as unknown[][],
  choice: { canceled: false, filePaths: ['/home/analyst/scans/minutes.pdf'] } as { canceled: boolean; filePaths: string[] },
}));

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler) },
  BrowserWindow: { fromWebContents: (contents: { window?: unknown }) => contents.window ?? null },
  dialog: {
    showOpenDialog: async (...args: unknown[]) => {
      electron.shown.push(args);
      return electron.choice;
    },
  },
}));

const { registerEvidenceFilePicker } = await import('./evidence-file-picker.ts');
vi.spyOn(console, 'warn').mockImplementation(() => undefined);
registerEvidenceFilePicker();

const window = { id: 'main window' };
function eventFrom(url: string | null, { subframe = false } = {}) {
  const mainFrame = { url: url ?? '' };
  const senderFrame = url === null ? null : subframe ? { url } : mainFrame;
  return { sender: { mainFrame, window }, senderFrame };
}

function pick(event: unknown) {
  const handler = electron.handlers.get(PICK_EVIDENCE_FILE_CHANNEL);
  if (!handler) throw new Error('no handler');
  return handler(event);
}

describe('the evidence file picker', () => {
  it('shows the native dialog over the window that asked and answers the chosen path', async () => {
    electron.shown.length = 0;
    await expect(pick(eventFrom('app://scholia/index.html'))).resolves.toBe('/home/analyst/scans/minutes.pdf');
    expect(electron.shown).toHaveLength(1);
    expect(electron.shown[0]?.[0]).toBe(window);
    expect(electron.shown[0]?.[1]).toMatchObject({ title: 'Attach a file to the source', properties: ['openFile'] });
  });

  it('answers null when the analyst cancels', async () => {
    electron.choice = { canceled: true, filePaths: [] };
    await expect(pick(eventFrom('app://scholia/index.html'))).resolves.toBeNull();
    electron.choice = { canceled: false, filePaths: ['/home/analyst/scans/minutes.pdf'] };
  });

  it.each([
    ['another origin', eventFrom('https://evil.example/')],
    ['a subframe of our page', eventFrom('app://scholia/index.html', { subframe: true })],
    ['a frame that is gone', eventFrom(null)],
  ])('refuses %s without showing a dialog', async (_name, event) => {
    electron.shown.length = 0;
    await expect(pick(event)).resolves.toBeNull();
    expect(electron.shown).toEqual([]);
  });
});
