import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { describeIssues } from '../../../shared/contract/validation.ts';
import { SavedSearch, type CorpusQuery } from '../../../shared/corpus/corpus-query.ts';
import { DurableJsonFile, SymbolicLinkError } from '../store/durable-file.ts';

export const SEARCHES_FILE = 'searches.json';
const FORMAT = 'scholia-searches';
const VERSION = 1;

/** `searches.json` as read: its entries are checked one by one, so one bad entry does not hide the others. */
const SearchesFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  searches: z.array(z.unknown()),
});
type SearchesFile = z.infer<typeof SearchesFile>;

/** What the file holds: good searches, entries kept as they are (malformed, reported), and why the whole file is unusable, if it is. */
interface Loaded {
  searches: SavedSearch[];
  /** Every entry of the file in order, the malformed ones as they were read. */
  entries: unknown[];
  problems: string[];
  /** Set when the file itself cannot be read: nothing is written over it. */
  broken?: string;
}

/**
 * The library's saved searches, `searches.json` in the library folder, written durably (temporary
 * file, fsync, rename) as `library.json` is. A malformed entry is reported by a notice and written
 * back exactly as it was; a malformed file is reported and left untouched, and saving is refused
 * until it is mended or removed.
 */
export class SavedSearches {
  private readonly file: DurableJsonFile<SearchesFile>;
  /** Saves and deletions run one after another, each reading what the previous one wrote. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    private readonly assertWritable: () => void,
  ) {
    this.file = new DurableJsonFile<SearchesFile>(path.join(dir, SEARCHES_FILE));
  }

  async list(): Promise<{ searches: SavedSearch[]; problems: string[] }> {
    const { searches, problems } = await this.load();
    return { searches: [...searches].sort((a, b) => a.name.localeCompare(b.name)), problems };
  }

  /** Saves a search under a name; a search of the same name (ignoring case) is replaced, keeping its id. */
  save(name: string, query: CorpusQuery, now = new Date()): Promise<SavedSearch> {
    this.assertWritable();
    return this.serialized(() => this.saveNow(name, query, now));
  }

  remove(id: string): Promise<boolean> {
    this.assertWritable();
    return this.serialized(() => this.removeNow(id));
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async saveNow(name: string, query: CorpusQuery, now: Date): Promise<SavedSearch> {
    const loaded = await this.load();
    if (loaded.broken) throw new ScholiaError('conflict', `${loaded.broken} Mend or remove the file to save searches.`);
    const key = name.trim().toLocaleLowerCase();
    const previous = loaded.searches.find((search) => search.name.toLocaleLowerCase() === key);
    const checked = SavedSearch.safeParse({
      id: previous?.id ?? randomBytes(8).toString('hex'),
      name: name.trim(),
      query,
      created: now.toISOString(),
    });
    if (!checked.success) throw new ScholiaError('bad-request', `This search cannot be saved: ${describeIssues(checked.error)}`);
    const saved = checked.data;
    await this.write(previous ? loaded.entries.map((entry) => (entry === previous ? saved : entry)) : [...loaded.entries, saved]);
    return saved;
  }

  private async removeNow(id: string): Promise<boolean> {
    const loaded = await this.load();
    const found = loaded.searches.find((search) => search.id === id);
    if (!found) return false;
    await this.write(loaded.entries.filter((entry) => entry !== found));
    return true;
  }

  private write(entries: unknown[]): Promise<void> {
    return this.file.write({ format: FORMAT, version: VERSION, searches: entries });
  }

  /** Reads the file afresh each time (it is small), so a file mended by hand is seen at once. */
  private async load(): Promise<Loaded> {
    const where = `The saved searches file ${SEARCHES_FILE}`;
    let data: unknown;
    try {
      data = await this.file.read();
    } catch (error) {
      const reason =
        error instanceof SyntaxError
          ? `is not valid JSON (${error.message})`
          : error instanceof SymbolicLinkError
            ? 'is a symbolic link, which Scholia does not follow'
            : `could not be read (${error instanceof Error ? error.message : String(error)})`;
      return this.brokenFile(`${where} ${reason}; it was left untouched.`);
    }
    if (data === null) return { searches: [], entries: [], problems: [] };
    const file = SearchesFile.safeParse(data);
    if (!file.success)
      return this.brokenFile(`${where} does not match the expected format (${describeIssues(file.error, 2)}); it was left untouched.`);
    const searches: SavedSearch[] = [];
    const entries: unknown[] = [];
    const problems: string[] = [];
    file.data.searches.forEach((entry, position) => {
      const checked = SavedSearch.safeParse(entry);
      if (checked.success) {
        searches.push(checked.data);
        entries.push(checked.data);
      } else {
        const name =
          typeof entry === 'object' && entry !== null && 'name' in entry && typeof entry.name === 'string' ? ` "${entry.name}"` : '';
        problems.push(
          `Saved search ${position + 1}${name} in ${SEARCHES_FILE} is malformed (${describeIssues(checked.error, 2)}); it is left as it is and not listed.`,
        );
        entries.push(entry);
      }
    });
    return { searches, entries, problems };
  }

  private brokenFile(message: string): Loaded {
    return { searches: [], entries: [], problems: [message], broken: message };
  }
}
