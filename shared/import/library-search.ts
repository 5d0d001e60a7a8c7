import type { SearchHit } from '../contract/import-channels.ts';

/** What a search looks in: a document's metadata and its canonical text. */
export interface Searchable {
  id: string;
  title: string;
  source?: string;
  author?: string;
  text: string;
}

const SNIPPET_CONTEXT = 60;

/** Lower case without accents, so "Ines" finds "Inés". Keeps the length of plain Latin text, which snippets rely on only loosely. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function snippetAround(text: string, folded: string, word: string): string {
  const at = folded.indexOf(word);
  const start = Math.max(0, at - SNIPPET_CONTEXT);
  const end = Math.min(text.length, at + word.length + SNIPPET_CONTEXT);
  const clean = text.slice(start, end).replace(/\s+/gu, ' ').trim();
  return `${start > 0 ? '…' : ''}${clean}${end < text.length ? '…' : ''}`;
}

/**
 * Whether a document matches a query: every word of it found in the title, source, author or text
 * (case and accents aside). The hit names the first field that holds the whole query's words, or the
 * text with the words around the first match.
 */
export function searchDocument(document: Searchable, query: string): SearchHit | null {
  const words = foldForSearch(query)
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const fields = { title: document.title, source: document.source ?? '', author: document.author ?? '' };
  const foldedText = foldForSearch(document.text);
  const foldedFields = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, foldForSearch(value)])) as Record<
    keyof typeof fields,
    string
  >;
  const everywhere = `${foldedFields.title}\n${foldedFields.source}\n${foldedFields.author}\n${foldedText}`;
  if (!words.every((word) => everywhere.includes(word))) return null;
  for (const field of ['title', 'source', 'author'] as const) {
    if (words.every((word) => foldedFields[field].includes(word))) return { id: document.id, field };
  }
  const inText = words.find((word) => foldedText.includes(word));
  if (inText === undefined) return { id: document.id, field: 'title' };
  // Folding can shift offsets where accents decompose; the snippet is for reading, not anchoring.
  return { id: document.id, field: 'text', snippet: snippetAround(document.text, foldedText, inText) };
}
