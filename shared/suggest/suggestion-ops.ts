import type { AnnotationOp } from '../contract/ops.ts';
import type { Annotation } from '../model/annotation.ts';
import type { Entity } from '../model/entity.ts';
import { defaultVerdict, findEntityNamed, type Authoring } from '../model/new-records.ts';
import type { Tagset } from '../model/tagset.ts';
import { makeTarget } from '../text/target.ts';
import { SUGGESTER_OF, type SuggestedEntity, type Suggestion } from './suggestion.ts';

/** What accepting needs to know of the document: its text, its registry and the codebook. */
export interface AcceptContext {
  text: string;
  registry: Iterable<Entity>;
  tagset: Tagset;
  /** The entities the suggestions refer to (a `SuggestionSet`'s `entities`). */
  suggestedEntities: readonly SuggestedEntity[];
}

/**
 * The `annotations.apply` ops that accept suggestions as ordinary annotations, marked `suggested`
 * with their suggester and confidence. A suggested entity becomes the registry entry it names (by
 * id, then by name or alias), or a new entry, added once however many of the suggestions need it.
 */
export function acceptSuggestionsOps(suggestions: readonly Suggestion[], context: AcceptContext, authoring: Authoring): AnnotationOp[] {
  const ops: AnnotationOp[] = [];
  const registry = [...context.registry];
  const entityFor = (key: string | undefined): string | undefined => {
    const suggested = context.suggestedEntities.find((entity) => entity.key === key);
    if (!suggested) return undefined;
    const known = registry.find((entity) => entity.id === suggested.registryId) ?? findEntityNamed(registry, suggested.name);
    if (known) return known.id;
    const entity: Entity = { id: authoring.newId(), name: suggested.name, type: suggested.type, aliases: [...suggested.aliases] };
    registry.push(entity);
    ops.push({ op: 'entity.add', entity });
    return entity.id;
  };
  for (const suggestion of suggestions) {
    const common = {
      id: authoring.newId(),
      target: makeTarget(context.text, suggestion.start, suggestion.end),
      author: authoring.author,
      created: authoring.now,
      modified: authoring.now,
      suggested: { suggester: SUGGESTER_OF[suggestion.kind], confidence: suggestion.confidence },
    };
    let annotation: Annotation | undefined;
    switch (suggestion.kind) {
      case 'entity': {
        const entityId = entityFor(suggestion.entityKey);
        if (entityId) annotation = { ...common, kind: 'entity', entityId };
        break;
      }
      case 'quote': {
        const speakerId = entityFor(suggestion.speakerKey);
        const cue = suggestion.cue ? makeTarget(context.text, suggestion.cue.start, suggestion.cue.end) : undefined;
        annotation = { ...common, kind: 'quote', form: suggestion.form, ...(speakerId ? { speakerId } : {}), ...(cue ? { cue } : {}) };
        break;
      }
      case 'claim': {
        const label =
          suggestion.label && context.tagset.claimLabels.some((entry) => entry.id === suggestion.label) ? suggestion.label : undefined;
        annotation = { ...common, kind: 'claim', status: defaultVerdict(context.tagset), checkworthy: true, ...(label ? { label } : {}) };
        break;
      }
    }
    if (annotation) ops.push({ op: 'annotation.add', annotation });
  }
  return ops;
}
