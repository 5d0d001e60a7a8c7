import {
  deleteEntityOps,
  mergeEntityOps,
  parseWikidataId,
  tagAllMentionsOps,
  untaggedMentionSpans,
  type EntityRecordsView,
} from '../../../shared/layer/entity-edits.ts';
import * as entityFields from '../../../shared/layer/entity-fields.ts';
import { newAnnotationOps } from '../../../shared/layer/new-annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { TextSpan } from '../reader/selection-span.ts';
import type { EditContext } from './edit-context.ts';
import { SESSION_MESSAGES } from './session-messages.ts';

/** The entity registry: naming and describing entities, tagging all their mentions, merging and deleting them. */
export class EntityEditor {
  constructor(private readonly context: EditContext) {}

  private editEntity(entityId: string, label: string, change: (entity: Entity) => Entity | null): boolean {
    const current = this.context.records.entity(entityId);
    const next = current ? change(current) : null;
    return next ? this.context.commands.run(label, [{ op: 'entity.update', entity: next }]) : false;
  }

  /** Renames an entity; a former name that occurs in the article is kept as an alias, so later mentions still match. */
  renameEntity(entityId: string, name: string): boolean {
    if (!name.trim()) {
      this.context.report('error', SESSION_MESSAGES.entityNeedsName);
      return false;
    }
    return this.editEntity(entityId, 'Rename entity', (entity) => entityFields.renamedEntity(entity, name, this.context.text));
  }

  /** Replaces an entity's aliases (blank and duplicate ones and the name itself dropped). */
  setAliases(entityId: string, aliases: readonly string[]): boolean {
    return this.editEntity(entityId, 'Edit aliases', (entity) => entityFields.withAliases(entity, aliases));
  }

  /** Sets an entity's Wikidata item from an id or a wikidata.org link; empty clears it. */
  setWikidata(entityId: string, input: string): boolean {
    const wikidata = input.trim() ? parseWikidataId(input) : undefined;
    if (wikidata === null) {
      this.context.report('error', SESSION_MESSAGES.notAWikidataItem(input));
      return false;
    }
    return this.editEntity(entityId, 'Set Wikidata id', (entity) => entityFields.withWikidata(entity, wikidata));
  }

  setEntityDescription(entityId: string, description: string): boolean {
    return this.editEntity(entityId, 'Edit description', (entity) => entityFields.withDescription(entity, description));
  }

  setEntityType(entityId: string, type: string): boolean {
    return this.editEntity(entityId, 'Set entity type', (entity) => entityFields.withEntityType(entity, type));
  }

  /** How many occurrences of an entity's names are not tagged yet. */
  untaggedMentionCount(entityId: string): number {
    const entity = this.context.records.entity(entityId);
    return entity ? untaggedMentionSpans(this.context.text, entity, this.context.records).length : 0;
  }

  /** Tags every untagged occurrence of an entity's name and aliases, in one undoable step. */
  tagAllMentions(entityId: string): boolean {
    const entity = this.context.records.entity(entityId);
    if (!entity) return false;
    const ops = tagAllMentionsOps(this.context.text, entity, this.context.records, this.context.authoring());
    if (ops.length === 0) {
      this.context.report('info', SESSION_MESSAGES.allMentionsTagged(entity.name));
      return true;
    }
    if (!this.context.commands.run('Tag all mentions', ops)) return false;
    this.context.report('info', SESSION_MESSAGES.taggedMore(ops.length, entity.name));
    return true;
  }

  /**
   * T: with text selected, tags it and every other mention of the same entity in one step; with an
   * entity mention selected, tags all mentions of its entity.
   */
  tagAllFromKey(): boolean {
    const span = this.context.selection.textSelection();
    if (span) return this.markAndTagAll(span);
    const selected = this.context.selection.selected;
    if (selected?.kind === 'entity') return this.tagAllMentions(selected.entityId);
    this.context.report('info', SESSION_MESSAGES.tagAllNeedsSelection);
    return false;
  }

  private markAndTagAll(span: TextSpan): boolean {
    const { records, text } = this.context;
    const authoring = this.context.authoring();
    const target = makeTarget(text, span.start, span.end);
    const created = newAnnotationOps('entity', target, { tagset: this.context.tagset(), entities: records.entities() }, authoring);
    const mention = created.ops.find((op) => op.op === 'annotation.add');
    const added = created.ops.find((op) => op.op === 'entity.add');
    if (mention?.op !== 'annotation.add' || mention.annotation.kind !== 'entity') return false;
    const entityId = mention.annotation.entityId;
    const entity = added?.op === 'entity.add' ? added.entity : records.entity(entityId);
    if (!entity) return false;
    const withMention: EntityRecordsView = {
      annotations: () => [...records.annotations(), mention.annotation],
      entity: (id) => (id === entity.id ? entity : records.entity(id)),
    };
    const more = tagAllMentionsOps(text, entity, withMention, authoring);
    if (!this.context.commands.run('Tag all mentions', [...created.ops, ...more], { select: created.annotationId })) return false;
    this.context.reader()?.clearTextSelection();
    this.context.report('info', SESSION_MESSAGES.taggedWithMore(more.length, entity.name));
    return true;
  }

  /** Merges one entity into another: mentions, speakers and claimants follow, in one undoable step. */
  mergeEntity(fromId: string, intoId: string): boolean {
    const { records, selection } = this.context;
    const from = records.entity(fromId);
    const into = records.entity(intoId);
    if (!from || !into || fromId === intoId) return false;
    const { ops, summary } = mergeEntityOps(records, fromId, intoId, new Date().toISOString());
    const inspectedBefore = selection.selectedId.value === null ? selection.inspectedEntityId.value : null;
    if (!this.context.commands.run('Merge entities', ops)) return false;
    if (inspectedBefore === fromId) selection.inspectEntity(intoId);
    this.context.report('info', SESSION_MESSAGES.merged(from.name, into.name, summary));
    return true;
  }

  /** Removes an entity from the registry with all its mentions (its quotes and claims keep their text, without it). */
  deleteEntity(entityId: string): boolean {
    const entity = this.context.records.entity(entityId);
    if (!entity || !this.context.commands.run('Delete entity', deleteEntityOps(this.context.records, entityId, new Date().toISOString())))
      return false;
    this.context.report('info', SESSION_MESSAGES.entityDeleted(entity.name));
    return true;
  }
}
