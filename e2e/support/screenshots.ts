import path from 'node:path';
import type { Page } from '@playwright/test';

/** Where the specs write their screenshots (`scripts/export-screenshots.ts` copies them into docs/). */
export const SHOTS = path.resolve(import.meta.dirname, '../screenshots');

/**
 * Screenshots the page with the pointer out of the way and its animations settled: the flash of a
 * span shown from a list run to its end (faded out), the blinking caret at its start (shown).
 */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
}
