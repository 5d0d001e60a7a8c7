import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ComponentChildren;
  class?: string;
}

/**
 * A modal dialog (the native `<dialog>`: focus stays inside, Escape closes it). Focus goes back to
 * where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children, class: className }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    const onNativeClose = () => closeRef.current();
    element.addEventListener('close', onNativeClose);
    return () => {
      element.removeEventListener('close', onNativeClose);
      if (element.open) element.close();
      returnTo?.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog ref={dialog} class={`dialog ${className ?? ''}`} aria-labelledby="dialog-title">
      <header class="dialog-header">
        <h2 id="dialog-title" class="dialog-title">
          {title}
        </h2>
        <button type="button" class="button button-quiet" aria-label="Close" onClick={() => closeRef.current()}>
          ×
        </button>
      </header>
      <div class="dialog-body">{children}</div>
    </dialog>
  );
}
