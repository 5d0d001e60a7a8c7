import type { Page } from 'playwright-core';

/**
 * Timing helpers installed in the page as plain JavaScript (`window.benchProbes`), so the code the
 * page runs is exactly what is written here, whatever the bundler does to the bench's own code.
 *
 * - `afterPaint()` resolves after the next frame has been painted: a task posted from inside a
 *   `requestAnimationFrame` callback runs once that frame's rendering (style, layout, paint) is done.
 * - `whenReady(test, startedAt)` checks `test()` at every frame and resolves with the milliseconds
 *   from `startedAt` to the paint of the first frame in which it held.
 * - `frameDeltas(frames, onFrame)` runs `onFrame(i)` in `frames` successive animation frames and
 *   returns the time between each frame and the one before it.
 * - `baselineColumn()` hides the app's reading column and adds an empty one for a static baseline
 *   to the same scroll area; `removeBaselineColumn()` puts the app's back.
 */
const PROBES = `
window.benchProbes = {
  afterPaint() {
    return new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }));
  },
  whenReady(test, startedAt, timeoutMs = 180000) {
    return new Promise((resolve, reject) => {
      const frame = () => {
        let ready = false;
        try { ready = test(); } catch (error) { reject(error); return; }
        if (ready) { window.benchProbes.afterPaint().then((at) => resolve(at - startedAt)); return; }
        if (performance.now() - startedAt > timeoutMs) { reject(new Error('not ready after ' + timeoutMs + ' ms')); return; }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  },
  frameDeltas(frames, onFrame) {
    return new Promise((resolve) => {
      const deltas = [];
      let last = null;
      let count = 0;
      const frame = (now) => {
        if (last !== null) deltas.push(now - last);
        last = now;
        if (count >= frames) { resolve(deltas); return; }
        onFrame(count++);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  },
  baselineColumn() {
    const scroller = document.querySelector('.reading-scroll');
    const appColumn = document.querySelector('.reading-column');
    if (!scroller || !appColumn) throw new Error('no reading area');
    appColumn.style.display = 'none';
    const column = document.createElement('div');
    column.className = 'reading-column bench-baseline';
    scroller.append(column);
    return { scroller, column };
  },
  removeBaselineColumn() {
    document.querySelector('.bench-baseline')?.remove();
    document.querySelector('.reading-column')?.style.removeProperty('display');
  },
};
`;

/** The probes, as the page sees them. */
export interface BenchProbes {
  afterPaint(): Promise<number>;
  whenReady(test: () => boolean, startedAt: number, timeoutMs?: number): Promise<number>;
  frameDeltas(frames: number, onFrame: (index: number) => void): Promise<number[]>;
  baselineColumn(): { scroller: HTMLElement; column: HTMLElement };
  removeBaselineColumn(): void;
}

declare global {
  interface Window {
    benchProbes: BenchProbes;
  }
}

/** Installs the probes in every document the page loads from now on. */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(PROBES);
}
