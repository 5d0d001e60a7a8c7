import { pickFrom, seededRandom } from '../../shared/testing/seeded-random.ts';

const REPLACEMENTS = 'reportedly officials early late sharply broadly new former regional national local senior'.split(' ');

/** A seeded copy of a text with a share of its words edited, and where every old character went. */
export interface EditedText {
  text: string;
  /** For each old offset (and the end), the offset of that character in the new text; a deleted character maps to where it would have been. */
  newOffset: Int32Array;
  /** 1 for each old character that was replaced or deleted. */
  changed: Uint8Array;
  /** For each old offset, how many new characters were written right before it (an insertion, or a replacement starting there). */
  insertedBefore: Int32Array;
  edits: { inserted: number; deleted: number; replaced: number };
}

interface Edit {
  from: number;
  to: number;
  insert: string;
}

/**
 * Edits `rate` of the words of a canonical text, chosen by `seed`, a third each: a word inserted
 * after it, the word deleted (with one space), the word replaced. The result stays canonical.
 */
export function editWords(text: string, rate: number, seed: number): EditedText {
  const random = seededRandom(seed);
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const chosen = new Set<number>();
  const wanted = Math.round(words.length * rate);
  while (chosen.size < wanted) chosen.add(Math.floor(random() * words.length));
  const edits: Edit[] = [];
  const counts = { inserted: 0, deleted: 0, replaced: 0 };
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const word = words[index] as { start: number; end: number };
    const kind = Math.floor(random() * 3);
    const other = pickFrom(random, REPLACEMENTS);
    if (kind === 0) {
      edits.push({ from: word.end, to: word.end, insert: ` ${other}` });
      counts.inserted += 1;
    } else if (kind === 1 && text[word.end] === ' ') {
      edits.push({ from: word.start, to: word.end + 1, insert: '' });
      counts.deleted += 1;
    } else if (kind === 1 && text[word.start - 1] === ' ') {
      edits.push({ from: word.start - 1, to: word.end, insert: '' });
      counts.deleted += 1;
    } else {
      edits.push({ from: word.start, to: word.end, insert: other });
      counts.replaced += 1;
    }
  }
  edits.sort((a, b) => a.from - b.from || a.to - b.to);
  const newOffset = new Int32Array(text.length + 1);
  const changed = new Uint8Array(text.length);
  const insertedBefore = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let at = 0;
  let out = 0;
  const copyTo = (end: number) => {
    for (let i = at; i < end; i++) newOffset[i] = out + (i - at);
    parts.push(text.slice(at, end));
    out += end - at;
    at = end;
  };
  for (const edit of edits) {
    copyTo(Math.max(at, edit.from));
    const from = Math.max(at, edit.from);
    insertedBefore[from] = (insertedBefore[from] ?? 0) + edit.insert.length;
    for (let i = from; i < edit.to; i++) {
      newOffset[i] = out;
      changed[i] = 1;
    }
    parts.push(edit.insert);
    out += edit.insert.length;
    at = Math.max(at, edit.to);
  }
  copyTo(text.length);
  newOffset[text.length] = out;
  return { text: parts.join(''), newOffset, changed, insertedBefore, edits: counts };
}
