import type { Signal } from '@preact/signals';
import { messageOf } from '../../../shared/contract/errors.ts';
import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { SessionHost } from './app-ports.ts';

/**
 * Runs one change that spans articles (a registry change, a verdict given to a tracked claim, or
 * the undo or redo of one): the open article finishes saving first (the change may touch it), then
 * `follow` brings the window up to date, and the status line says what was done. Answers whether
 * the change went through; `busy` keeps a second one from starting meanwhile.
 */
export async function runLibraryChange(
  host: SessionHost,
  busy: Signal<boolean>,
  run: () => Promise<RegistryChange | undefined>,
  follow: (change: RegistryChange) => Promise<void>,
  direction?: 'undo' | 'redo',
): Promise<boolean> {
  if (busy.value) return false;
  busy.value = true;
  try {
    await host.session.value?.commands.whenIdle();
    const change = await run();
    if (change) {
      await follow(change);
      const prefix = direction === 'undo' ? 'Undone: ' : direction === 'redo' ? 'Redone: ' : '';
      host.report('info', `${prefix}${change.description}.`);
    }
    return true;
  } catch (error) {
    const failed = direction === 'undo' ? 'Could not undo' : direction === 'redo' ? 'Could not redo' : 'Not changed';
    host.report('error', `${failed}: ${messageOf(error)}`);
    return false;
  } finally {
    busy.value = false;
  }
}
