// @vitest-environment jsdom
import type { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import type { AnnotationKind } from '../../../shared/model/annotation.ts';
import { isReaderCommand, keyBindings, type ReaderCommand } from '../commands/key-map.ts';
import { keydownFor } from '../testing/keyboard-events.ts';
import type { DocumentSession } from './document-session.ts';
import { readerKeyHandler } from './reader-keys.ts';

/** What each command does to the session (or the inspector), as the calls it makes. */
const EXPECTED: Record<ReaderCommand, string> = {
  'reader.select-quotation': 'selectQuotation()',
  'reader.mark-claim': 'markSelection(claim)',
  'reader.mark-quote': 'markSelection(quote)',
  'reader.mark-entity': 'markSelection(entity)',
  'reader.mark-note': 'markSelection(note)',
  'reader.tag-all': 'tagAllFromKey()',
  'reader.previous': 'selectNeighbour(-1)',
  'reader.next': 'selectNeighbour(1)',
  'reader.previous-similar': 'selectSimilar(-1)',
  'reader.next-similar': 'selectSimilar(1)',
  'reader.open-inspector': 'openInspector()',
  'reader.start-out': 'moveSelectedEdge(start,-1)',
  'reader.start-in': 'moveSelectedEdge(start,1)',
  'reader.end-in': 'moveSelectedEdge(end,-1)',
  'reader.end-out': 'moveSelectedEdge(end,1)',
  'reader.span-to-selection': 'setSpanToSelection()',
  'reader.change-to-claim': 'changeKind(claim)',
  'reader.change-to-quote': 'changeKind(quote)',
  'reader.change-to-entity': 'changeKind(entity)',
  'reader.change-to-note': 'changeKind(note)',
  'reader.delete': 'deleteSelected()',
  'reader.clear-selection': 'clearSelection()',
  'reader.toggle-checkworthy': 'toggleCheckworthy()',
  'reader.speaker': 'attributeFromSelection()',
  'reader.last-speaker': 'attributeToLastSpeaker()',
  'reader.cue': 'setCueFromSelection()',
  'reader.rename-entity': 'focusField(entity-name)',
  'reader.merge-entity': 'focusField(merge)',
  'reader.open-profile': 'openProfile(e1)',
};

const SESSION_METHODS = [
  'selectQuotation',
  'markSelection',
  'tagAllFromKey',
  'selectNeighbour',
  'selectSimilar',
  'moveSelectedEdge',
  'setSpanToSelection',
  'changeKind',
  'deleteSelected',
  'clearSelection',
  'toggleCheckworthy',
  'attributeFromSelection',
  'attributeToLastSpeaker',
  'setCueFromSelection',
];

/** A session that records every call; every command succeeds, no codebook key matches. */
function recordingReader({ textSelected = false, selectedKind = 'entity' as AnnotationKind | null } = {}) {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(`${name}(${args.join(',')})`);
      return true;
    };
  const fake: Record<string, unknown> = Object.fromEntries(SESSION_METHODS.map((name) => [name, record(name)]));
  fake['selected'] = selectedKind ? { kind: selectedKind, entityId: 'e1', speakerId: 'e1', claimantId: 'e1' } : undefined;
  fake['hasTextSelection'] = () => textSelected;
  fake['applyTagsetKey'] = (key: string) => {
    calls.push(`applyTagsetKey(${key})`);
    return false;
  };
  const handler = readerKeyHandler(fake as unknown as DocumentSession, {
    openInspector: record('openInspector'),
    focusField: record('focusField'),
    openProfile: record('openProfile'),
  });
  const view = {} as EditorView;
  return { calls, press: (event: KeyboardEvent) => handler(view, event) };
}

describe('the reader keymap', () => {
  it('takes the keys it always took', () => {
    const combos = keyBindings(isReaderCommand).map((binding) => binding.combo);
    expect(combos.sort()).toEqual(
      [
        '"',
        'C',
        'Q',
        'E',
        'T',
        'N',
        '[',
        ']',
        '{',
        '}',
        'Enter',
        'Alt+←',
        'Alt+→',
        'Alt+Shift+←',
        'Alt+Shift+→',
        'R',
        'Shift+C',
        'Shift+Q',
        'Shift+E',
        'Shift+N',
        'Delete',
        'Backspace',
        'Esc',
        'W',
        'S',
        'A',
        'U',
        'F2',
        'M',
        'Shift+P',
      ].sort(),
    );
  });

  it.each(keyBindings(isReaderCommand))('binds $combo to $command', ({ combo, command }) => {
    const reader = recordingReader();
    expect(reader.press(keydownFor(combo))).toBe(true);
    expect(reader.calls).toEqual([EXPECTED[command]]);
  });

  it('takes a letter with Caps Lock on as the plain letter', () => {
    const reader = recordingReader();
    expect(reader.press(keydownFor('C', { key: 'C' }))).toBe(true);
    expect(reader.calls).toEqual(['markSelection(claim)']);
  });

  it('takes braces and quotation marks typed with Shift', () => {
    const reader = recordingReader();
    reader.press(keydownFor('}', { shiftKey: true }));
    reader.press(keydownFor('"', { shiftKey: true }));
    expect(reader.calls).toEqual(['selectSimilar(1)', 'selectQuotation()']);
  });

  it('marks with Shift+letter while text is selected (Shift still held from extending it)', () => {
    const reader = recordingReader({ textSelected: true });
    reader.press(keydownFor('Shift+Q'));
    expect(reader.calls).toEqual(['markSelection(quote)']);
  });

  it('leaves F2 and M to others unless an entity mention is selected', () => {
    const reader = recordingReader({ selectedKind: 'claim' });
    expect(reader.press(keydownFor('F2'))).toBe(false);
    expect(reader.press(keydownFor('M'))).toBe(false);
    expect(reader.calls).toEqual(['applyTagsetKey(m)']);
  });

  it('hands other plain keys to the codebook, and keys with Ctrl to no one', () => {
    const reader = recordingReader();
    expect(reader.press(keydownFor('P'))).toBe(false);
    expect(reader.press(keydownFor('Ctrl+C'))).toBe(false);
    expect(reader.press(keydownFor('Tab'))).toBe(false);
    expect(reader.calls).toEqual(['applyTagsetKey(p)']);
  });
});
