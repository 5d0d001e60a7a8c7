import { describe, expect, it } from 'vitest';
import { matchPieces } from './match-spans.ts';

const marked = (text: string, query: { text?: string; regex?: string }) =>
  matchPieces(text, query)
    .map((piece) => (piece.match ? `[${piece.text}]` : piece.text))
    .join('');

describe('matchPieces', () => {
  it('marks every free word, ignoring case and accents', () => {
    expect(marked('Élections in the EU: elections again', { text: 'elections eu' })).toBe('[Élections] in the [EU]: [elections] again');
  });

  it('marks what the regular expression matches', () => {
    expect(marked('spent €40m, then €12m more', { regex: '€\\d+m' })).toBe('spent [€40m], then [€12m] more');
  });

  it('merges overlapping matches and leaves text without a match whole', () => {
    expect(marked('dredging contract', { text: 'dredg dredging' })).toBe('[dredging] contract');
    expect(marked('nothing here', { text: 'absent' })).toBe('nothing here');
    expect(marked('', { text: 'x' })).toBe('');
  });

  it('ignores a broken pattern (the search refuses it before any row shows)', () => {
    expect(marked('a (b', { regex: '(' })).toBe('a (b');
  });
});
