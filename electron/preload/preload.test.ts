import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMAND_CHANNEL, PICK_EVIDENCE_FILE_CHANNEL, type ScholiaBridge } from '../../shared/contract/app-commands.ts';

const electron = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as unknown[][] }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
  });
  return {
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  };
});

await import('./preload.ts');
const { ipcRenderer } = (await import('electron')) as unknown as { ipcRenderer: EventEmitter };
const bridge = electron.exposed.get('scholia') as ScholiaBridge;

beforeEach(() => {
  electron.invoked.length = 0;
});

describe('window.scholia', () => {
  it('is the only thing exposed, and holds no ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['scholia']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onCommand', 'pickEvidenceFile']);
  });

  it('invokes a contract channel over IPC', async () => {
    await expect(bridge.invoke('library.get', { id: 'd1' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(electron.invoked).toEqual([['library.get', { id: 'd1' }]]);
  });

  it.each(['scholia:command', 'ELECTRON_BROWSER_REQUIRE', 'library.delete', '', 42])(
    'refuses %s without sending anything',
    async (channel) => {
      await expect(bridge.invoke(channel as string, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      expect(electron.invoked).toEqual([]);
    },
  );

  it('asks the main process for a file to attach, sending nothing, and passes on only a path', async () => {
    await expect(bridge.pickEvidenceFile()).resolves.toBeNull();
    expect(electron.invoked).toEqual([[PICK_EVIDENCE_FILE_CHANNEL]]);
  });

  it('passes the menu’s commands to the listener, without the IPC event', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onCommand(listener);
    const event = { sender: ipcRenderer };
    ipcRenderer.emit(APP_COMMAND_CHANNEL, event, { type: 'undo' });
    ipcRenderer.emit(APP_COMMAND_CHANNEL, event, { type: 'open-document', id: 'd2', extra: 'dropped' });
    expect(listener.mock.calls).toEqual([[{ type: 'undo' }], [{ type: 'open-document', id: 'd2' }]]);
    unsubscribe();
  });

  it('drops anything that is not a command', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onCommand(listener);
    for (const junk of [null, 'undo', { type: 'rm -rf' }, { type: 'open-document' }, { type: 'open-document', id: 7 }]) {
      ipcRenderer.emit(APP_COMMAND_CHANNEL, {}, junk);
    }
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('stops delivering after unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onCommand(listener);
    unsubscribe();
    ipcRenderer.emit(APP_COMMAND_CHANNEL, {}, { type: 'redo' });
    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.listenerCount(APP_COMMAND_CHANNEL)).toBe(0);
  });
});
