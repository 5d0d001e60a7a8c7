import { useEffect, useRef, useState } from 'preact/hooks';
import { CORPUS_EXPORT_FORMATS, type CorpusExportFormat } from '../../../shared/contract/corpus-channels.ts';
import type { AppStore } from '../app/app-store.ts';
import { CORPUS_EXPORT_LABELS } from './corpus-labels.ts';
import { downloadExport } from './ExportDialog.tsx';

/** The Export menu of the search: the result shown, as a data file or a report, downloaded as the export dialog does. */
export function CorpusExportMenu({ store }: { store: AppStore }) {
  const search = store.corpus;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<CorpusExportFormat | null>(null);
  const menu = useRef<HTMLUListElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const empty = (search.result.value?.total ?? 0) === 0;

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    // A click anywhere else closes the menu.
    const onPointerDown = (event: PointerEvent) => {
      const holder = menu.current?.parentElement;
      if (!(event.target instanceof Node) || !holder?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const exportAs = async (format: CorpusExportFormat) => {
    close();
    setBusy(format);
    const file = await search.exportResult(format);
    setBusy(null);
    if (!file) return;
    downloadExport(file);
    store.report('info', `Exported ${file.filename}.`);
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.findIndex((item) => item === document.activeElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    items[next]?.focus();
  };

  return (
    <div class="corpus-export">
      <button
        ref={button}
        type="button"
        class="button"
        aria-haspopup="menu"
        aria-expanded={open}
        // Not disabled while exporting: the focus stays on the button.
        disabled={empty}
        aria-busy={busy !== null}
        title={empty ? 'Nothing to export: no annotation matches' : 'Export the annotations found'}
        onClick={() => busy === null && setOpen(!open)}
      >
        {busy ? 'Exporting…' : 'Export'}
        <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
          <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
        </svg>
      </button>
      {open ? (
        <ul ref={menu} class="corpus-export-menu" role="menu" aria-label="Export the result as" onKeyDown={onMenuKeyDown}>
          {CORPUS_EXPORT_FORMATS.map((format) => (
            <li key={format} role="none">
              <button type="button" role="menuitem" tabIndex={-1} class="corpus-export-item" onClick={() => void exportAs(format)}>
                {CORPUS_EXPORT_LABELS[format]}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
