import type { Tagset, TagsetEntry } from '../../../shared/model/tagset.ts';

export type TagList = keyof Tagset;

/** A tag id made from a label: lower-case words joined by "-", unique among `taken`. */
export function tagIdFrom(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 56) || 'tag';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

const NEW_COLOURS = ['#0f766e', '#1d4ed8', '#9333ea', '#c2410c', '#be185d', '#4d7c0f', '#475569'];

/**
 * A codebook being edited. Entries that were saved keep their ids (annotations refer to them);
 * a new entry's id follows its label until the codebook is saved.
 */
export class CodebookDraft {
  constructor(
    readonly tagset: Tagset,
    /** Ids that exist in the saved codebook, per list. */
    readonly savedIds: { readonly [L in TagList]: ReadonlySet<string> },
  ) {}

  static of(saved: Tagset): CodebookDraft {
    return new CodebookDraft(saved, {
      entityTypes: new Set(saved.entityTypes.map((entry) => entry.id)),
      verdicts: new Set(saved.verdicts.map((entry) => entry.id)),
      claimLabels: new Set(saved.claimLabels.map((entry) => entry.id)),
    });
  }

  /** The same saved ids over another codebook (an imported one, say). */
  withTagset(tagset: Tagset): CodebookDraft {
    return new CodebookDraft(tagset, this.savedIds);
  }

  private withList(list: TagList, entries: TagsetEntry[]): CodebookDraft {
    return new CodebookDraft({ ...this.tagset, [list]: entries }, this.savedIds);
  }

  isSaved(list: TagList, id: string): boolean {
    return this.savedIds[list].has(id);
  }

  update(list: TagList, index: number, change: Partial<Omit<TagsetEntry, 'id'>>): CodebookDraft {
    const entries = this.tagset[list].map((entry, at) => {
      if (at !== index) return entry;
      const next: TagsetEntry = { ...entry, ...change };
      if (change.key !== undefined && change.key === '') delete next.key;
      if (change.label !== undefined && !this.isSaved(list, entry.id)) {
        const taken = new Set(this.tagset[list].filter((_other, other) => other !== index).map((other) => other.id));
        next.id = tagIdFrom(change.label, taken);
      }
      return next;
    });
    return this.withList(list, entries);
  }

  add(list: TagList, label: string): CodebookDraft {
    const taken = new Set(this.tagset[list].map((entry) => entry.id));
    const colour = NEW_COLOURS[this.tagset[list].length % NEW_COLOURS.length] ?? '#475569';
    return this.withList(list, [...this.tagset[list], { id: tagIdFrom(label, taken), label, colour }]);
  }

  remove(list: TagList, index: number): CodebookDraft {
    return this.withList(
      list,
      this.tagset[list].filter((_entry, at) => at !== index),
    );
  }

  move(list: TagList, index: number, by: -1 | 1): CodebookDraft {
    const entries = [...this.tagset[list]];
    const target = index + by;
    const moving = entries[index];
    const other = entries[target];
    if (!moving || !other) return this;
    entries[index] = other;
    entries[target] = moving;
    return this.withList(list, entries);
  }
}
