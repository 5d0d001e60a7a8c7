import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { MAX_REJECTED_SUGGESTIONS, type ScholiaDocument } from '../../../shared/model/document.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { suggestDocument as SuggestDocument } from '../../../shared/suggest/suggest-document.ts';
import type { SuggestionSet } from '../../../shared/suggest/suggestion.ts';

/** What the suggestion service needs of the library store. */
export interface SuggestStore {
  readonly tagset: Tagset;
  assertWritable(documentId?: string): void;
  getDocument(id: string): Promise<ScholiaDocument>;
  putDocument(document: ScholiaDocument): void;
}

/**
 * The suggesters, loaded on first use: the NLP library's lexicon takes most of a second to load, a
 * cost no other command of the app or the CLI should pay.
 */
async function suggesters(): Promise<{ suggestDocument: typeof SuggestDocument }> {
  return import('../../../shared/suggest/suggest-document.ts');
}

/** Runs the suggesters for every transport (the app, the browser host, the CLI) and remembers rejections per document. */
export class SuggestService {
  constructor(private readonly store: SuggestStore) {}

  async run(documentId: string): Promise<SuggestionSet> {
    const document = await this.store.getDocument(documentId);
    const { suggestDocument } = await suggesters();
    return suggestDocument(document, this.store.tagset);
  }

  /** Adds rejected suggestion ids to the document's list; saved with the document, without a new revision of its annotations. */
  async reject(documentId: string, ids: readonly string[]): Promise<ChannelOutput<'suggest.reject'>> {
    this.store.assertWritable(documentId);
    const document = await this.store.getDocument(documentId);
    const rejectedSuggestions = [...new Set([...(document.rejectedSuggestions ?? []), ...ids])];
    if (rejectedSuggestions.length > MAX_REJECTED_SUGGESTIONS) {
      throw new ScholiaError(
        'bad-request',
        `A document remembers at most ${MAX_REJECTED_SUGGESTIONS} rejected suggestions; nothing was changed.`,
      );
    }
    this.store.putDocument({ ...document, rejectedSuggestions });
    return { rejected: rejectedSuggestions.length };
  }
}
