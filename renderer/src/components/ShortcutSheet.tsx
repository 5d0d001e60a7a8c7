import type { AppStore } from '../app/app-store.ts';
import { KEY_MAP } from '../commands/key-map.ts';
import { Dialog } from './Dialog.tsx';

const IS_MAC = /Mac|iPhone|iPad/u.test(navigator.platform);

/** One key combination, each key in its own <kbd> (Ctrl reads ⌘ on macOS). */
function Keys({ combo }: { combo: string }) {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  return (
    <kbd class="combo">
      {parts.map((part, index) => (
        <kbd key={index}>{IS_MAC && part === 'Ctrl' ? '⌘' : part}</kbd>
      ))}
    </kbd>
  );
}

/** Every key of the app, grouped by where it works (`?`). */
export function ShortcutSheet({ store }: { store: AppStore }) {
  if (store.ui.dialog.value !== 'shortcuts') return null;
  return (
    <Dialog title="Keyboard shortcuts" class="shortcut-sheet" onClose={() => (store.ui.dialog.value = null)}>
      <div class="shortcut-groups">
        {KEY_MAP.map((group) => (
          <section key={group.title} class="shortcut-group" aria-label={group.title}>
            <h3 class="shortcut-title">
              {group.title} <span class="shortcut-where">{group.where}</span>
            </h3>
            <table class="shortcut-table">
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.action}>
                    <th scope="row">
                      {row.keys.map((combo, index) => (
                        <span key={combo}>
                          {index > 0 ? <span class="key-or"> / </span> : null}
                          <Keys combo={combo} />
                        </span>
                      ))}
                    </th>
                    <td>{row.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
