import type { ScholiaDocument } from '../model/document.ts';
import { makeTarget } from '../text/target.ts';
import { documentFromRawText } from './annotated-sample.ts';

const STAMP = '2026-01-31T09:00:00.000Z';

/**
 * A short article with accented letters, emoji (astral code points) and a span across a block
 * break, for the exporters that count code points.
 */
export function unicodeDocument(): ScholiaDocument {
  const raw =
    'Café owners in Zürich 😀 said prices rose 12 % in 2024.\n\nThe naïve forecast 🇪🇺 was wrong, said Ms Ñúñez 👩🏽‍🔬 of the Banque de France.';
  const document = documentFromRawText(raw, 'Prix 😀 et café', 'unicode');
  const { text } = document;
  const at = (exact: string) => {
    const start = text.indexOf(exact);
    if (start === -1) throw new Error(`no "${exact}"`);
    return makeTarget(text, start, start + exact.length);
  };
  const base = { author: 'Ana Ñúñez', created: STAMP, modified: STAMP };
  return {
    ...document,
    entities: [
      { id: 'zurich', name: 'Zürich', type: 'location', aliases: [], wikidata: 'Q72' },
      { id: 'nunez', name: 'Ms Ñúñez', type: 'person', aliases: [] },
      { id: 'bdf', name: 'Banque de France', type: 'organization', aliases: [] },
    ],
    annotations: [
      { ...base, id: 'c1', kind: 'claim', target: at('prices rose 12 % in 2024'), status: 'mostly-false', claimantId: 'nunez' },
      {
        ...base,
        id: 'q1',
        kind: 'quote',
        target: at('Café owners in Zürich 😀 said prices rose 12 % in 2024.'),
        form: 'indirect',
        cue: at('said'),
      },
      { ...base, id: 'm1', kind: 'entity', target: at('Zürich'), entityId: 'zurich' },
      { ...base, id: 'm2', kind: 'entity', target: at('Ms Ñúñez'), entityId: 'nunez' },
      { ...base, id: 'm3', kind: 'entity', target: at('Banque de France'), entityId: 'bdf' },
      {
        ...base,
        id: 'n1',
        kind: 'note',
        target: at('2024.\n\nThe naïve forecast 🇪🇺'),
        note: 'Spans a paragraph break,\nand its note has two lines.',
      },
      { ...base, id: 'c2', kind: 'claim', target: at('The naïve forecast 🇪🇺 was wrong'), status: 'true' },
      { ...base, id: 'n2', kind: 'note', target: at('👩🏽‍🔬'), note: 'Emoji: one grapheme, four code points.' },
    ],
  };
}
