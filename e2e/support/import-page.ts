import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');

/** A fixture page of `fixtures/import/`. */
export function importFixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

export const HARBOUR_TITLE = 'Port authority admits dredging contract overran by £40m';

/** The library sidebar and the import dialog, as the import tests use them. */
export class ImportPage {
  readonly library: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.library = page.getByRole('navigation', { name: 'Library' });
    this.dialog = page.getByRole('dialog', { name: 'Import an article' });
  }

  async openDialog(): Promise<void> {
    await this.library.getByRole('button', { name: 'Import…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Chooses files through the dialog's "Choose files…" button and the browser's file chooser. */
  async chooseFiles(files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(files);
  }

  /** A button of a library entry (Edit details, Move to the trash), by the entry's title. */
  entryAction(title: string, action: 'Edit details' | 'Move to the trash'): Locator {
    return this.library.locator('.doc-entry', { hasText: title }).getByRole('button', { name: action, exact: true });
  }

  documentButton(title: string | RegExp): Locator {
    return this.library.getByRole('button', { name: title }).first();
  }

  /** The titles the library lists, in order. */
  titles(): Promise<string[]> {
    return this.library.locator('.doc-list .doc-title').allTextContents();
  }
}
