import { describe, expect, it } from 'vitest';
import { exportTagFile } from '../export/tag-file-export.ts';
import { applyAnnotationOps } from '../layer/apply-layer-ops.ts';
import { newDocument } from '../model/new-document.ts';
import { checkTagFile } from '../model/tag-file-check.ts';
import type { Entity } from '../model/entity.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { suggestDocument } from './suggest-document.ts';
import { acceptSuggestionsOps } from './suggestion-ops.ts';

const text = '“We will not stop the inquiry,” said Maria Lopez. Lopez spoke in Madrid.';

function accept(registry: Entity[]) {
  const set = suggestDocument({ text, entities: registry, annotations: [] }, DEFAULT_TAGSET);
  let next = 0;
  const ops = acceptSuggestionsOps(
    set.suggestions,
    { text, registry, tagset: DEFAULT_TAGSET, suggestedEntities: set.entities },
    { author: 'A', now: '2026-01-01T00:00:00.000Z', newId: () => `id${(next += 1)}` },
  );
  return { set, ops, layer: applyAnnotationOps(text, DEFAULT_TAGSET, { entities: registry, annotations: [] }, ops) };
}

describe('accepting suggestions', () => {
  it('makes ordinary annotations marked as machine-suggested, adding each new entity once', () => {
    const { set, layer } = accept([]);
    const suggestedQuote = set.suggestions.find((s) => s.kind === 'quote');
    expect(suggestedQuote?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(layer.entities.map((entity) => entity.name).sort()).toEqual(['Madrid', 'Maria Lopez']);
    const quote = layer.annotations.find((annotation) => annotation.kind === 'quote');
    const lopez = layer.entities.find((entity) => entity.name === 'Maria Lopez');
    expect(quote).toMatchObject({
      form: 'direct',
      speakerId: lopez?.id,
      cue: { exact: 'said' },
      suggested: { suggester: 'quotes', confidence: suggestedQuote?.confidence },
    });
    const mentions = layer.annotations.filter((annotation) => annotation.kind === 'entity' && annotation.entityId === lopez?.id);
    expect(mentions.map((mention) => mention.target.exact)).toEqual(['Maria Lopez', 'Lopez']);
    expect(mentions.every((mention) => mention.suggested?.suggester === 'entities')).toBe(true);
  });

  it('keeps the machine-suggested mark through a tag-file export and its check', () => {
    const { set, layer } = accept([]);
    const document = { ...newDocument('doc1', { title: 'T' }, text.split('\n\n'), '2026-01-01T00:00:00.000Z'), ...layer };
    const check = checkTagFile(JSON.parse(JSON.stringify(exportTagFile(document, DEFAULT_TAGSET, { annotator: 'A' }))));
    if (!check.ok) throw new Error(check.problems.map((problem) => problem.message).join('; '));
    expect(check.file.annotations.find((annotation) => annotation.kind === 'quote')?.suggested).toEqual({
      suggester: 'quotes',
      confidence: set.suggestions.find((s) => s.kind === 'quote')?.confidence,
    });
  });

  it('links to the registry entry instead of adding one', () => {
    const registry: Entity[] = [{ id: 'lopez', name: 'Maria Lopez', type: 'person', aliases: [] }];
    const { ops, layer } = accept(registry);
    expect(ops.filter((op) => op.op === 'entity.add' && op.entity.name === 'Maria Lopez')).toEqual([]);
    expect(layer.annotations.find((annotation) => annotation.kind === 'quote')).toMatchObject({ speakerId: 'lopez' });
  });

  it('leaves out spans already annotated as the same kind, and rejected suggestions', () => {
    const first = suggestDocument({ text, entities: [], annotations: [] }, DEFAULT_TAGSET);
    const quote = first.suggestions.find((s) => s.kind === 'quote');
    const again = suggestDocument({ text, entities: [], annotations: [], rejectedSuggestions: [quote?.id ?? ''] }, DEFAULT_TAGSET);
    expect(again.suggestions.some((s) => s.id === quote?.id)).toBe(false);
    expect(again.rejected).toBe(1);
    const { layer } = accept([]);
    const afterAccept = suggestDocument({ text, entities: layer.entities, annotations: layer.annotations }, DEFAULT_TAGSET);
    expect(afterAccept.suggestions).toEqual([]);
  });
});
