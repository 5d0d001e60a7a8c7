import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import { removedTagsInUse, tagsetProblems, usedTagIds } from '../../../shared/model/tagset-check.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { LibraryStore } from '../store/library-store.ts';

/** The library's settings and its codebook (the tagset). */
export class SettingsService {
  constructor(private readonly store: LibraryStore) {}

  get(): Settings {
    return this.store.settings;
  }

  /** Merges the changes into the settings and saves them. */
  set(changes: Partial<Settings>): Settings {
    this.store.assertWritable();
    const settings = { ...this.store.settings, ...changes };
    this.store.setSettings(settings);
    return settings;
  }

  tagset(): Tagset {
    return this.store.tagset;
  }

  /**
   * Replaces the library's codebook. Labels, colours, keys and order may change freely; an entry
   * may go only when no document uses it, and the codebook must have no duplicate ids or keys.
   */
  async setTagset(tagset: Tagset): Promise<Tagset> {
    this.store.assertWritable();
    const problems = tagsetProblems(tagset);
    if (problems.length > 0) throw new ScholiaError('bad-request', `The codebook cannot be used: ${problems.join(' ')}`);
    const inUse: string[] = [];
    for await (const document of this.store.readableDocuments())
      inUse.push(...removedTagsInUse(tagset, usedTagIds(document), document.meta.title));
    if (inUse.length > 0) {
      const shown = inUse.slice(0, 5).join('; ');
      throw new ScholiaError(
        'bad-request',
        `The codebook cannot drop what annotations use: ${shown}${inUse.length > 5 ? `; and ${inUse.length - 5} more` : ''}.`,
      );
    }
    this.store.setTagset(tagset);
    return tagset;
  }
}
