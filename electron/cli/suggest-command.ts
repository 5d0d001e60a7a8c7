import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { isValidId } from '../../shared/model/ids.ts';
import type { ApiClient } from '../../shared/contract/api-client.ts';
import type { SuggestionSet } from '../../shared/suggest/suggestion.ts';
import { acceptSuggestionsOps } from '../../shared/suggest/suggestion-ops.ts';
import { withLibrary } from './library-client.ts';
import { UsageError } from './usage-error.ts';

export interface SuggestArgs {
  json?: boolean;
  apply?: boolean;
  /** The lowest confidence `--apply` accepts, 0–1 (default 0.5, what the reader shows by default). */
  minConfidence?: string;
}

/** The confidence the reader shows suggestions from by default, and `--apply` accepts from. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

function parseConfidence(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MIN_CONFIDENCE;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1)
    throw new UsageError(`--min-confidence must be a number from 0 to 1, not "${value}"`);
  return number;
}

function printSet(text: string, set: SuggestionSet): void {
  const nameOf = (key: string | undefined) => set.entities.find((entity) => entity.key === key)?.name ?? '—';
  for (const suggestion of set.suggestions) {
    const words = text.slice(suggestion.start, suggestion.end).replace(/\s+/gu, ' ');
    const shown = words.length > 70 ? `${words.slice(0, 67)}…` : words;
    const detail =
      suggestion.kind === 'entity'
        ? `→ ${nameOf(suggestion.entityKey)} (${set.entities.find((entity) => entity.key === suggestion.entityKey)?.type ?? '?'})`
        : suggestion.kind === 'quote'
          ? `${suggestion.form}, speaker ${nameOf(suggestion.speakerKey)}`
          : (suggestion.label ?? '');
    console.log(
      `${suggestion.kind.padEnd(6)} ${suggestion.confidence.toFixed(2)}  ${String(suggestion.start).padStart(6)}–${String(suggestion.end).padEnd(6)} “${shown}” ${detail}`,
    );
    console.log(`${' '.repeat(13)}${suggestion.reasons.join('; ')}`);
  }
  const counts = (['entity', 'quote', 'claim'] as const).map(
    (kind) => `${set.suggestions.filter((s) => s.kind === kind).length} ${kind === 'entity' ? 'entity mentions' : `${kind}s`}`,
  );
  console.log(`${counts.join(', ')}; ${set.entities.length} entities${set.rejected ? `; ${set.rejected} rejected before, left out` : ''}.`);
}

/**
 * Accepts every suggestion at or above `minConfidence` as the reader does: the suggestion set from
 * `suggest.run`, turned into ops by the shared accept builder, stored by one `annotations.apply`.
 */
async function applySuggestions(api: ApiClient, id: string, minConfidence: number, json: boolean | undefined): Promise<void> {
  const { document, tagset } = await api.call('library.get', { id });
  const set = await api.call('suggest.run', { documentId: id });
  const { annotatorName } = await api.call('settings.get', {});
  const chosen = set.suggestions.filter((suggestion) => suggestion.confidence >= minConfidence);
  const ops = acceptSuggestionsOps(
    chosen,
    { text: document.text, registry: document.entities, tagset, suggestedEntities: set.entities },
    { author: annotatorName, now: new Date().toISOString(), newId: () => randomBytes(8).toString('hex') },
  );
  const result = ops.length > 0 ? await api.call('annotations.apply', { documentId: id, baseRevision: document.revision, ops }) : undefined;
  if (json)
    console.log(JSON.stringify({ accepted: chosen.length, ops: ops.length, revision: result?.revision ?? document.revision }, null, 2));
  else
    console.log(
      `Stored ${chosen.length} suggestions at or above ${minConfidence} as machine-suggested annotations${result ? ` (revision ${result.revision})` : ''}.`,
    );
}

/**
 * `scholia suggest DOC [--json] [--apply [--min-confidence N]]`: prints the suggestions for a
 * document of the library; `--apply` stores those at or above the confidence as annotations
 * marked machine-suggested (one batch, one revision), and refuses while another process has the library open.
 */
export async function suggestCommand(libraryDir: string, positionals: string[], args: SuggestArgs): Promise<void> {
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError('suggest needs exactly one DOC (a document id)');
  if (!isValidId(id)) throw new UsageError(`"${id}" is not a document id`);
  if (args.minConfidence !== undefined && !args.apply) throw new UsageError('--min-confidence goes with --apply');
  const minConfidence = parseConfidence(args.minConfidence);
  if (!existsSync(path.join(libraryDir, 'library.json'))) throw new ScholiaError('not-found', `There is no library at ${libraryDir}.`);
  if (args.apply) {
    await withLibrary({ libraryDir, whenLocked: 'fail', owner: 'scholia suggest' }, (api) =>
      applySuggestions(api, id, minConfidence, args.json),
    );
    return;
  }
  await withLibrary({ libraryDir, access: 'read' }, async (api) => {
    const { document } = await api.call('library.get', { id });
    const set = await api.call('suggest.run', { documentId: id });
    if (args.json) console.log(JSON.stringify(set, null, 2));
    else printSet(document.text, set);
  });
}
