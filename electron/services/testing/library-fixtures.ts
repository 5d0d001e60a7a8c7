import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ApiResult } from '../../../shared/contract/errors.ts';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { ClaimAnnotation, NoteAnnotation } from '../../../shared/model/annotation.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { Scholia } from '../open-scholia.ts';

const STAMP = '2026-01-31T09:00:00.000Z';

export function valueOf<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A note on `length` characters of `text` from `start` (wrapped into the text), its id and note text given. */
export function noteAt(text: string, id: string, start: number, note = id, length = 7): NoteAnnotation {
  const from = start % Math.max(1, text.length - length);
  return { id, kind: 'note', target: makeTarget(text, from, from + length), note, author: 'Tester', created: STAMP, modified: STAMP };
}

export function addNote(text: string, id: string, start: number, note = id): AnnotationOp {
  return { op: 'annotation.add', annotation: noteAt(text, id, start, note) };
}

/** Imports a short article and returns its id and canonical text. */
export async function importArticle(
  scholia: Scholia,
  text = 'The minister said on Tuesday that prices rose by twelve per cent.\n\nThe opposition called the figure misleading.',
): Promise<{ id: string; text: string }> {
  const { id } = valueOf<ChannelOutput<'library.importText'>>(
    await scholia.dispatch('library.importText', { text, filename: 'article.txt' }),
  );
  const { document } = valueOf<ChannelOutput<'library.get'>>(await scholia.dispatch('library.get', { id }));
  return { id, text: document.text };
}

/** Applies one batch and returns the new revision. */
export async function apply(scholia: Scholia, documentId: string, ops: AnnotationOp[]): Promise<number> {
  return valueOf<ChannelOutput<'annotations.apply'>>(await scholia.dispatch('annotations.apply', { documentId, ops })).revision;
}

/** Imports the short article and marks claim `c1` on it with one source at `url` (official data); returns the article's id. */
export async function articleWithSourcedClaim(scholia: Scholia, url: string): Promise<string> {
  const { id, text } = await importArticle(scholia);
  const claim: ClaimAnnotation = {
    id: 'c1',
    kind: 'claim',
    status: 'unverified',
    target: makeTarget(text, 4, 40),
    evidence: [{ url, type: 'official-data' }],
    author: 'Tester',
    created: STAMP,
    modified: STAMP,
  };
  await apply(scholia, id, [{ op: 'annotation.add', annotation: claim }]);
  return id;
}
