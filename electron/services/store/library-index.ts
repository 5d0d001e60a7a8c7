import type { Low } from 'lowdb';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import type { DebouncedWrites } from './debounced-writes.ts';
import { STORE_VERSION, type LibraryFile } from './store-files.ts';

export function emptyLibrary(): LibraryFile {
  return {
    format: 'scholia-library',
    version: STORE_VERSION,
    documents: [],
    trash: [],
    tagset: DEFAULT_TAGSET,
    settings: DEFAULT_SETTINGS,
  };
}

/**
 * The library's index, `library.json`: the document summaries, the trash, the tagset and the settings,
 * held in memory and written through the library's debounced writes.
 */
export class LibraryIndex {
  constructor(
    private readonly file: Low<LibraryFile>,
    private readonly writes: DebouncedWrites,
  ) {}

  get data(): LibraryFile {
    return this.file.data;
  }

  /** Writes the index after the debounce window. */
  scheduleWrite(): void {
    this.writes.schedule('library.json', () => this.file.write());
  }
}
