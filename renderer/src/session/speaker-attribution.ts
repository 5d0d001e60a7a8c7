import { signal, type ReadonlySignal } from '@preact/signals';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import * as fields from '../../../shared/layer/annotation-fields.ts';
import { entityNameFrom, findEntityNamed, speakerEntityType } from '../../../shared/layer/new-annotation.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import { editAnnotation, type EditContext } from './edit-context.ts';
import { SESSION_MESSAGES } from './session-messages.ts';

/** Who said a quote and who made a claim: set from a list, by name, from the text (S) or as last time (A). */
export class SpeakerAttribution {
  private readonly lastSpeaker = signal<string | null>(null);

  constructor(private readonly context: EditContext) {}

  /** The speaker given to a quote most recently, for A ("same speaker again"). */
  get lastSpeakerId(): ReadonlySignal<string | null> {
    return this.lastSpeaker;
  }

  /** Sets (or with undefined, clears) a quote's speaker or a claim's claimant. */
  private attribute(id: string, entityId: string | undefined, extraOps: readonly AnnotationOp[] = [], label = 'Set speaker'): boolean {
    const done = editAnnotation(this.context, id, label, (a) => fields.withAttribution(a, entityId, extraOps.length > 0), extraOps);
    if (done && entityId && this.context.records.annotation(id)?.kind === 'quote') this.lastSpeaker.value = entityId;
    return done;
  }

  /** Sets (or with undefined, clears) a quote's speaker. */
  setSpeaker(id: string, speakerId: string | undefined): boolean {
    return this.context.records.annotation(id)?.kind === 'quote' && this.attribute(id, speakerId);
  }

  /** Sets (or with undefined, clears) a claim's claimant. */
  setClaimant(id: string, claimantId: string | undefined): boolean {
    return this.context.records.annotation(id)?.kind === 'claim' && this.attribute(id, claimantId, [], 'Set claimant');
  }

  /**
   * Makes a quote's speaker (a claim's claimant) an entity picked from a list: one of the article's,
   * or one of the library's from other articles, which the article then takes with the same id and
   * record, so the same person is one entity across articles.
   */
  attributeToEntity(id: string, entity: Entity): boolean {
    const kind = this.context.records.annotation(id)?.kind;
    if (kind !== 'quote' && kind !== 'claim') return false;
    const label = kind === 'quote' ? 'Set speaker' : 'Set claimant';
    if (this.context.records.entity(entity.id)) return this.attribute(id, entity.id, [], label);
    return this.attribute(id, entity.id, [{ op: 'entity.add', entity }], kind === 'quote' ? 'Add speaker' : 'Add claimant');
  }

  /** Makes a quote's speaker (a claim's claimant) the entity of that name, registering a new person if there is none. */
  setSpeakerByName(id: string, name: string): boolean {
    const clean = name.replace(/\s+/gu, ' ').trim();
    if (!clean) return false;
    const existing = findEntityNamed(this.context.records.entities(), clean);
    if (existing) return this.attribute(id, existing.id);
    const entity: Entity = { id: crypto.randomUUID(), name: clean, type: speakerEntityType(this.context.tagset()), aliases: [] };
    return this.attribute(id, entity.id, [{ op: 'entity.add', entity }], 'Add speaker');
  }

  /**
   * S: the text selected in the article names the selected quote's speaker (or claim's claimant):
   * it is tagged as a mention of the entity of that name (a new person if there is none) and
   * becomes the speaker, in one step. False when no text is selected.
   */
  attributeFromSelection(): boolean {
    const { records, selection } = this.context;
    const annotation = selection.selected;
    const span = selection.textSelection();
    if (!span || (annotation?.kind !== 'quote' && annotation?.kind !== 'claim')) return false;
    const target = makeTarget(this.context.text, span.start, span.end);
    const authoring = this.context.authoring();
    const existing = findEntityNamed(records.entities(), target.exact);
    const entity: Entity = existing ?? {
      id: authoring.newId(),
      name: entityNameFrom(target.exact),
      type: speakerEntityType(this.context.tagset()),
      aliases: [],
    };
    const ops: AnnotationOp[] = existing ? [] : [{ op: 'entity.add', entity }];
    const alreadyTagged = [...records.annotations()].some(
      (other) =>
        other.kind === 'entity' && other.entityId === entity.id && other.target.start === span.start && other.target.end === span.end,
    );
    if (!alreadyTagged) {
      ops.push({
        op: 'annotation.add',
        annotation: {
          id: authoring.newId(),
          kind: 'entity',
          entityId: entity.id,
          target,
          author: authoring.author,
          created: authoring.now,
          modified: authoring.now,
        },
      });
    }
    if (!this.attribute(annotation.id, entity.id, ops, annotation.kind === 'quote' ? 'Set speaker from text' : 'Set claimant from text'))
      return false;
    this.context.reader()?.clearTextSelection();
    this.context.report('info', SESSION_MESSAGES.attributed(annotation.kind, entity.name));
    return true;
  }

  /** The speaker A gives a quote: the last one set in this session, else that of the nearest quote before it. */
  lastSpeakerFor(quoteId: string): Entity | undefined {
    const { records } = this.context;
    const last = this.lastSpeaker.value;
    if (last && records.entity(last)) return records.entity(last);
    const quote = records.annotation(quoteId);
    if (!quote) return undefined;
    let nearest: Annotation | undefined;
    for (const other of records.annotations()) {
      if (other.kind !== 'quote' || !other.speakerId || other.id === quoteId || other.target.start > quote.target.start) continue;
      if (!nearest || other.target.start > nearest.target.start) nearest = other;
    }
    return nearest?.kind === 'quote' && nearest.speakerId ? records.entity(nearest.speakerId) : undefined;
  }

  /** A: attributes the selected quote to the last speaker used. */
  attributeToLastSpeaker(): boolean {
    const quote = this.context.selection.selected;
    if (quote?.kind !== 'quote') {
      this.context.report('info', SESSION_MESSAGES.lastSpeakerNeedsQuote);
      return false;
    }
    const speaker = this.lastSpeakerFor(quote.id);
    if (!speaker) {
      this.context.report('info', SESSION_MESSAGES.noSpeakerYet);
      return false;
    }
    if (quote.speakerId !== speaker.id) this.attribute(quote.id, speaker.id);
    this.context.report('info', SESSION_MESSAGES.attributed('quote', speaker.name));
    return true;
  }
}
