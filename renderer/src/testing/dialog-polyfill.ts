/**
 * jsdom has `<dialog>` but not its modal methods: opening and closing it just sets `open` (and
 * closing fires `close`), which is all the components ask of them.
 */
export function polyfillDialog(): void {
  const prototype = HTMLDialogElement.prototype;
  prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  prototype.close ??= function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}
