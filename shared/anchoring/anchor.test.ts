import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { Target } from '../model/target.ts';
import { documentFromRawText, sampleAnnotations } from '../testing/annotated-sample.ts';
import { makeTarget } from '../text/target.ts';
import { anchorTarget, anchorTargets, type Anchoring } from './anchor.ts';

const raw = readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8');
const original = documentFromRawText(raw, 'Sample').text;
const { annotations } = sampleAnnotations(original);

/** One replacement of the old text: `[from, to)` becomes `insert`. */
interface Edit {
  from: number;
  to: number;
  insert: string;
}

function nth(text: string, find: string, occurrence = 1): number {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(find, at + 1);
    if (at === -1) throw new Error(`no occurrence ${occurrence} of "${find}"`);
  }
  return at;
}

/** The edit replacing occurrence `occurrence` of `find` in the original by `replace`. */
function replace(find: string, replacement: string, occurrence = 1): Edit {
  const from = nth(original, find, occurrence);
  return { from, to: from + find.length, insert: replacement };
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  return [...edits].sort((a, b) => b.from - a.from).reduce((out, edit) => out.slice(0, edit.from) + edit.insert + out.slice(edit.to), text);
}

/**
 * Where an old span boundary lands after the edits. Text inserted exactly at a span's start comes
 * before the span, text inserted at its end after it; a boundary inside a replaced stretch goes to
 * the start (for a start) or end (for an end) of its replacement.
 */
function mapBoundary(edits: readonly Edit[], offset: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const edit of [...edits].sort((a, b) => a.from - b.from)) {
    const insertion = edit.from === edit.to;
    const before = side === 'start' ? edit.to <= offset : edit.to < offset || (edit.to === offset && !insertion);
    if (before) shift += edit.insert.length - (edit.to - edit.from);
    else if (edit.from < offset && offset < edit.to) return edit.from + shift + (side === 'start' ? 0 : edit.insert.length);
  }
  return offset + shift;
}

type Expectation = { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number } | { status: 'orphaned' };

/**
 * What each sample annotation should become: at its mapped span, `exact` when neither its text nor
 * its offsets changed, `moved` when only its offsets did, `fuzzy` when an edit reached inside it;
 * `overrides` name the annotations whose fate is decided by hand.
 */
function expectations(edits: readonly Edit[], edited: string, overrides: Record<string, Expectation> = {}): Record<string, Expectation> {
  return Object.fromEntries(
    annotations.map((annotation) => {
      const { start, end, exact } = annotation.target;
      const override = overrides[annotation.id];
      if (override) return [annotation.id, override];
      const newStart = mapBoundary(edits, start, 'start');
      const newEnd = mapBoundary(edits, end, 'end');
      const status = edited.slice(newStart, newEnd) !== exact ? 'fuzzy' : newStart === start ? 'exact' : 'moved';
      return [annotation.id, { status, start: newStart, end: newEnd }];
    }),
  );
}

function outcome(result: Anchoring): Expectation {
  return result.status === 'orphaned' ? { status: 'orphaned' } : { status: result.status, start: result.start, end: result.end };
}

function anchorAll(edited: string, list: readonly Annotation[] = annotations, exactOnly = false): Record<string, Anchoring> {
  const results = anchorTargets(
    edited,
    list.map((a) => a.target),
    { sourceLength: original.length, exactOnly },
  );
  return Object.fromEntries(list.map((annotation, i) => [annotation.id, results[i] as Anchoring]));
}

function outcomes(results: Record<string, Anchoring>): Record<string, Expectation> {
  return Object.fromEntries(Object.entries(results).map(([id, result]) => [id, outcome(result)]));
}

function spanOf(text: string, find: string, occurrence = 1) {
  const start = nth(text, find, occurrence);
  return { start, end: start + find.length };
}

describe('anchorTargets on edited copies of the sample article', () => {
  it('keeps every annotation exact on the same text, with or without trusting the fingerprint', () => {
    const results = anchorAll(original);
    expect(Object.values(results).every((r) => r.status === 'exact')).toBe(true);
    const trusted = anchorTargets(
      original,
      annotations.map((a) => a.target),
      { sameText: true },
    );
    expect(trusted.every((r, i) => r.status === 'exact' && r.start === annotations[i]?.target.start)).toBe(true);
  });

  it('places annotations after words inserted inside a claim, and the claim fuzzily over its new words', () => {
    const edits = [replace('became temporarily unavailable', 'became temporarily and completely unavailable')];
    const edited = applyEdits(original, edits);
    const expected = expectations(edits, edited);
    expect(expected['claim-hacked']).toEqual({
      status: 'fuzzy',
      ...spanOf(edited, 'became temporarily and completely unavailable after being hacked on Wednesday afternoon'),
    });
    expect(expected['m-ep-28']).toEqual({ status: 'exact', start: 28, end: 47 });
    expect(outcomes(anchorAll(edited))).toEqual(expected);
  });

  it('moves a span past words inserted just before it, and orphans it when more words than its own were inserted inside', () => {
    const edits = [replace('was not affected', 'was, officials insisted, not affected')];
    const edited = applyEdits(original, edits);
    // The inserted words outnumber the claim's own 16 characters, far past one edit in four: the
    // best fuzzy candidate, "ed, not affected", cuts a word and scores below the threshold.
    const expected = expectations(edits, edited, { 'claim-multimedia': { status: 'orphaned' } });
    const before = nth(original, 'was not affected');
    const nearby = [{ from: before, to: before, insert: 'really ' }];
    const editedNearby = applyEdits(original, nearby);
    const expectedNearby = expectations(nearby, editedNearby);
    expect(expectedNearby['claim-multimedia']).toEqual({ status: 'moved', ...spanOf(editedNearby, 'was not affected') });
    expect(outcomes(anchorAll(edited))).toEqual(expected);
    expect(outcomes(anchorAll(editedNearby))).toEqual(expectedNearby);
  });

  it('places a quote with a word deleted inside it fuzzily, over what is left', () => {
    const edits = [replace('for the the "brutal', 'for the "brutal')];
    const edited = applyEdits(original, edits);
    const expected = expectations(edits, edited);
    expect(expected['quote-denounced']).toEqual({
      status: 'fuzzy',
      ...spanOf(edited, 'MEPs denounced Russia for the "brutal and inhumane" acts inflicted upon Ukraine and its citizens'),
    });
    expect(outcomes(anchorAll(edited))).toEqual(expected);
  });

  it('places a quote and the claim inside it fuzzily when a word inside both changed', () => {
    const edits = [replace('sophisticated', 'massive')];
    const edited = applyEdits(original, edits);
    const expected = expectations(edits, edited);
    expect(expected['claim-cyberattack']).toEqual({
      status: 'fuzzy',
      ...spanOf(edited, 'The (European Parliament) is under a massive cyberattack.'),
    });
    expect(expected['quote-attack']?.status).toBe('fuzzy');
    expect(outcomes(anchorAll(edited))).toEqual(expected);
  });

  it('keeps a span exact when only the words around it changed', () => {
    const edits = [
      replace('mere hours after', 'only hours after'),
      replace('chief spokesperson said', 'chief spokesperson, Jaume Duch, said'),
    ];
    const edited = applyEdits(original, edits);
    const expected = expectations(edits, edited);
    expect(expected['note-resolution']?.status).toBe('exact');
    expect(expected['claim-traffic']?.status).toBe('moved');
    expect(outcomes(anchorAll(edited))).toEqual(expected);
  });

  it('follows a paragraph moved to the end, and the paragraphs that closed up behind it', () => {
    const paragraph = 'By 15:30 CET, the website became accessible but by 16:00 CET, it went down again.';
    const from = nth(original, paragraph);
    const edited = `${original.slice(0, from)}${original.slice(from + paragraph.length + 2)}\n\n${paragraph}`;
    const moved = edited.length - paragraph.length - from;
    const inside = (a: Annotation) => a.target.start >= from && a.target.end <= from + paragraph.length;
    const expected = Object.fromEntries(
      annotations.map((a) => {
        const { start, end } = a.target;
        if (inside(a)) return [a.id, { status: 'moved', start: start + moved, end: end + moved }];
        if (start < from) return [a.id, { status: 'exact', start, end }];
        return [a.id, { status: 'moved', start: start - paragraph.length - 2, end: end - paragraph.length - 2 }];
      }),
    );
    expect(expected['claim-times']).toEqual({ status: 'moved', ...spanOf(edited, paragraph) });
    expect(outcomes(anchorAll(edited))).toEqual(expected);
  });

  it('follows a paragraph moved thousands of characters away in a long article, beyond the local search', () => {
    const filler = Array.from(
      { length: 40 },
      (_, i) => `Background paragraph ${i + 1} restates the week's events at length, with nothing the analysts marked in it.`,
    ).join('\n\n');
    const long = `${original}\n\n${filler}`;
    const paragraph = '"My response: #SlavaUkraini," Metsola added, referring to the slogan that means "Glory to Ukraine!"';
    const from = nth(long, paragraph);
    const edited = `${long.slice(0, from)}${long.slice(from + paragraph.length + 2)}\n\n${paragraph}`;
    const inside = annotations.filter((a) => a.target.start >= from && a.target.end <= from + paragraph.length);
    expect(inside.map((a) => a.kind).sort()).toEqual(['entity', 'entity', 'quote', 'quote']);
    const targets = inside.map((a) => makeTarget(long, a.target.start, a.target.end));
    const results = anchorTargets(edited, targets, { sourceLength: long.length });
    const moved = edited.length - paragraph.length - from;
    expect(moved).toBeGreaterThan(4000);
    results.forEach((result, i) => expect(result).toMatchObject({ status: 'moved', start: (targets[i] as Target).start + moved }));
  });

  it('places spans fuzzily over curly quote marks and a paragraph break, and leaves the rest exact', () => {
    let curly = '';
    let open = true;
    for (const char of original) {
      if (char === '"') {
        curly += open ? '\u201c' : '\u201d';
        open = !open;
      } else curly += char;
    }
    const split = 'protecting our systems. This, after';
    const at = nth(curly, split) + 'protecting our systems.'.length;
    const edited = `${curly.slice(0, at)}\n\n${curly.slice(at + 1)}`;
    const edits: Edit[] = [...original].flatMap((char, i) => (char === '"' ? [{ from: i, to: i + 1, insert: curly.charAt(i) }] : []));
    edits.push({ from: at, to: at + 1, insert: '\n\n' });
    const expected = expectations(edits, edited);
    expect(expected['quote-slava']).toEqual({ status: 'fuzzy', ...spanOf(edited, '\u201cMy response: #SlavaUkraini,\u201d') });
    expect(expected['quote-it']?.status).toBe('fuzzy');
    expect(expected['claim-responsibility']?.status).toBe('exact');
    expect(outcomes(anchorAll(edited))).toEqual(expected);
  });

  it('orphans a claim whose paragraph was deleted instead of forcing it onto other text', () => {
    const paragraph = 'By 15:30 CET, the website became accessible but by 16:00 CET, it went down again.\n\n';
    const edits = [replace(paragraph, '')];
    const edited = applyEdits(original, edits);
    const expected = expectations(edits, edited, { 'claim-times': { status: 'orphaned' } });
    const results = anchorAll(edited);
    expect(outcomes(results)).toEqual(expected);
    expect(results['claim-times']).toEqual({ status: 'orphaned', reason: 'not-found' });
  });

  it('orphans a quote that was rewritten beyond recognition', () => {
    const edits = [replace('"My response: #SlavaUkraini,"', '"We will not be intimidated,"')];
    const edited = applyEdits(original, edits);
    const expected = expectations(edits, edited, { 'quote-slava': { status: 'orphaned' } });
    expect(outcomes(anchorAll(edited))).toEqual(expected);
  });

  it('places a quote that occurs twice by its context', () => {
    const phrase = 'state sponsor of terrorism';
    const second = nth(original, phrase, 2);
    const target = makeTarget(original, second, second + phrase.length);
    const first = makeTarget(original, nth(original, phrase), nth(original, phrase) + phrase.length);
    const edited = `Editor's note: this story was updated on Thursday.\n\n${original}`;
    const shift = edited.length - original.length;
    const [secondResult, firstResult] = anchorTargets(edited, [target, first], { sourceLength: original.length });
    expect(secondResult).toMatchObject({ status: 'moved', start: second + shift, end: second + shift + phrase.length });
    expect(firstResult).toMatchObject({ status: 'moved', start: first.start + shift });
    // Expected right on the first occurrence, the second still wins on its context.
    expect(anchorTarget(edited, target, [first.start + shift])).toMatchObject({ status: 'moved', start: second + shift });
  });

  it('orphans the copy of a repeated quote whose own sentence is gone, rather than moving it onto the other', () => {
    const phrase = 'state sponsor of terrorism';
    const second = nth(original, phrase, 2);
    const target = makeTarget(original, second, second + phrase.length);
    const sentence =
      '"In the light of the above, (the European Parliament) recognises Russia as a state sponsor of terrorism and as a state which uses means of terrorism."\n\n';
    const edited = applyEdits(original, [replace(sentence, '')]);
    expect(anchorTarget(edited, target, [second])).toEqual({ status: 'orphaned', reason: 'out-of-context' });
  });

  it('refuses fuzzy placements when asked for exact matches only, naming the refused candidate', () => {
    const edits = [replace('sophisticated', 'massive')];
    const edited = applyEdits(original, edits);
    const results = anchorAll(edited, annotations, true);
    const claim = results['claim-cyberattack'];
    expect(claim).toMatchObject({
      status: 'orphaned',
      reason: 'fuzzy-refused',
      candidate: spanOf(edited, 'The (European Parliament) is under a massive cyberattack.'),
    });
    expect(claim?.status === 'orphaned' && claim.candidate && claim.candidate.score > 0.75).toBe(true);
    expect(results['quote-attack']?.status).toBe('orphaned');
    const others = annotations.filter((a) => a.id !== 'claim-cyberattack' && a.id !== 'quote-attack');
    expect(others.every((a) => results[a.id]?.status === 'exact' || results[a.id]?.status === 'moved')).toBe(true);
  });

  it('scores fuzzy placements by how much of the quote and its context survived', () => {
    const small = applyEdits(original, [replace('sophisticated', 'massive')]);
    const results = anchorAll(small);
    const claim = results['claim-cyberattack'];
    const quote = results['quote-attack'];
    if (claim?.status !== 'fuzzy' || quote?.status !== 'fuzzy') throw new Error('expected fuzzy placements');
    // 11 edits in a 63-character claim weigh more than in the 110-character quote around it.
    expect(claim.score).toBeLessThan(quote.score);
    expect(claim.score).toBeGreaterThan(0.8);
  });

  it('finds a short target at the very start of the text without context before it', () => {
    const target: Target = makeTarget(original, 0, 3);
    expect(anchorTarget(`Breaking. ${original}`, target, [0])).toMatchObject({ status: 'moved', start: 10, end: 13 });
  });
});
