import { deleteAnnotationOps } from '../../../shared/layer/annotation-edits.ts';
import * as fields from '../../../shared/layer/annotation-fields.ts';
import { withKind } from '../../../shared/layer/kind-change.ts';
import { newAnnotationOps } from '../../../shared/layer/new-annotation.ts';
import type { Annotation, AnnotationKind, Evidence, QuoteForm, WorkflowStage } from '../../../shared/model/annotation.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import { moveSpanEdge } from '../model/span-steps.ts';
import { KIND_LABELS } from '../reader/annotation-appearance.ts';
import { editAnnotation, type EditContext } from './edit-context.ts';
import { KIND_VERBS, SESSION_MESSAGES } from './session-messages.ts';

/** The calendar day in the analyst's time zone, `YYYY-MM-DD`: the day they would write on the check. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Marking text and editing annotations: their kind, span, fields, sources and cue, each one undoable step. */
export class AnnotationEditor {
  constructor(private readonly context: EditContext) {}

  private edit(
    id: string,
    label: string,
    change: (annotation: Annotation) => Annotation | null,
    options: { coalesceKey?: string } = {},
  ): boolean {
    return editAnnotation(this.context, id, label, change, [], options);
  }

  /** Marks the selected text as a new annotation and selects it. False when no usable text is selected. */
  markSelection(kind: AnnotationKind): boolean {
    const { selection, text, records } = this.context;
    // Q with the caret inside quotation marks marks the quotation.
    const span = selection.textSelection() ?? (kind === 'quote' ? selection.quotationAtCaret() : null);
    if (!span) {
      this.context.report('info', SESSION_MESSAGES.selectTextFirst(kind));
      return false;
    }
    const target = makeTarget(text, span.start, span.end);
    const created = newAnnotationOps(
      kind,
      target,
      { tagset: this.context.tagset(), entities: records.entities() },
      this.context.authoring(),
    );
    if (!this.context.commands.run(KIND_VERBS[kind], created.ops, { select: created.annotationId })) return false;
    this.context.reader()?.clearTextSelection();
    return true;
  }

  deleteSelected(): boolean {
    const id = this.context.selection.selectedId.value;
    return id !== null && this.context.commands.run('Delete annotation', deleteAnnotationOps(this.context.records, id));
  }

  /** Gives a claim a verdict; a verdict other than "unverified" signs an unsigned record with the annotator and today. */
  setVerdict(id: string, status: string): boolean {
    const checker = { by: this.context.authoring().author, on: localDay(new Date()) };
    return this.edit(id, 'Set verdict', (a) => fields.withVerdict(a, status, checker));
  }

  /** Sets a claim's rationale (Markdown-lite); quick edits undo as one. */
  setRationale(id: string, rationale: string): boolean {
    return this.edit(id, 'Edit rationale', (a) => fields.withRationale(a, rationale), { coalesceKey: `rationale:${id}` });
  }

  setCheckedBy(id: string, name: string): boolean {
    return this.edit(id, 'Set checked by', (a) => fields.withCheckedBy(a, name));
  }

  /** Sets the day a claim was checked (`YYYY-MM-DD`, empty to clear); false, with a message, for a day that is not one. */
  setCheckedOn(id: string, day: string): boolean {
    if (day.trim() && !fields.isCalendarDay(day.trim())) {
      this.context.report('error', SESSION_MESSAGES.notADay(day));
      return false;
    }
    return this.edit(id, 'Set checked on', (a) => fields.withCheckedOn(a, day));
  }

  setStage(id: string, stage: WorkflowStage): boolean {
    return this.edit(id, 'Set stage', (a) => fields.withStage(a, stage));
  }

  /** Sets (or with undefined, clears) a claim's type from the tagset's claim labels. */
  setClaimLabel(id: string, label: string | undefined): boolean {
    return this.edit(id, 'Set claim type', (a) => fields.withClaimLabel(a, label));
  }

  setCheckworthy(id: string, checkworthy: boolean): boolean {
    return this.edit(id, 'Set worth checking', (a) => fields.withCheckworthy(a, checkworthy));
  }

  /** W: turns the selected claim's "worth checking" flag on or off. */
  toggleCheckworthy(): boolean {
    const claim = this.context.selection.selected;
    return claim?.kind === 'claim' && this.setCheckworthy(claim.id, !(claim.checkworthy ?? false));
  }

  setQuoteForm(id: string, form: QuoteForm): boolean {
    return this.edit(id, 'Set quote form', (a) => fields.withQuoteForm(a, form));
  }

  /** Adds a source to a claim's evidence; false (and a message) for a link that is not http(s). */
  addEvidence(id: string, evidence: Evidence): boolean {
    const clean = fields.cleanEvidence(evidence);
    if (!clean) {
      this.context.report('error', SESSION_MESSAGES.notAWebLink(evidence.url));
      return false;
    }
    return this.edit(id, 'Add source', (a) => fields.withEvidenceAdded(a, clean));
  }

  /** Replaces one source of a claim's evidence. */
  updateEvidence(id: string, index: number, evidence: Evidence): boolean {
    return this.edit(id, 'Edit source', (a) => fields.withEvidenceEdited(a, index, evidence));
  }

  removeEvidence(id: string, index: number): boolean {
    return this.edit(id, 'Remove source', (a) => fields.withEvidenceRemoved(a, index));
  }

  /** U: the text selected in the article becomes the selected quote's cue (the reporting verb, "said"). */
  setCueFromSelection(): boolean {
    const quote = this.context.selection.selected;
    const span = this.context.selection.textSelection();
    if (quote?.kind !== 'quote' || !span) {
      this.context.report('info', quote?.kind !== 'quote' ? SESSION_MESSAGES.cueNeedsQuote : SESSION_MESSAGES.cueNeedsText);
      return false;
    }
    const cue = makeTarget(this.context.text, span.start, span.end);
    if (!this.edit(quote.id, 'Set cue', (a) => fields.withCue(a, cue))) return false;
    this.context.reader()?.clearTextSelection();
    return true;
  }

  clearCue(id: string): boolean {
    return this.edit(id, 'Clear cue', (a) => fields.withCue(a, undefined));
  }

  /** Sets an annotation's note; an empty note removes it. */
  setNote(id: string, note: string): boolean {
    return this.edit(id, 'Edit note', (a) => fields.withNote(a, note));
  }

  /**
   * Moves one edge of the selected annotation's span by a word (or a punctuation mark): the end
   * forward extends, backward shrinks; the start backward extends, forward shrinks. Quick steps on
   * one annotation undo as one.
   */
  moveSelectedEdge(edge: 'start' | 'end', direction: 1 | -1): boolean {
    const annotation = this.context.selection.selected;
    if (!annotation) return false;
    const { text } = this.context;
    const span = moveSpanEdge(text, annotation.target, edge, direction);
    if (!span) {
      this.context.report('info', SESSION_MESSAGES.spanCannotMove(edge, direction));
      return true;
    }
    const target = makeTarget(text, span.start, span.end);
    this.edit(annotation.id, 'Change span', (a) => fields.withTarget(a, target), { coalesceKey: `span:${annotation.id}` });
    this.context.reader()?.revealSpan(edge === 'end' ? { start: span.end - 1, end: span.end } : { start: span.start, end: span.start + 1 });
    return true;
  }

  /** R: the selected annotation takes the text selected in the article as its span. */
  setSpanToSelection(): boolean {
    const annotation = this.context.selection.selected;
    const span = this.context.selection.textSelection();
    if (!annotation || !span) {
      this.context.report('info', annotation ? SESSION_MESSAGES.spanNeedsText : SESSION_MESSAGES.spanNeedsAnnotation);
      return false;
    }
    if (span.start === annotation.target.start && span.end === annotation.target.end) return true;
    const target = makeTarget(this.context.text, span.start, span.end);
    if (!this.edit(annotation.id, 'Change span', (a) => fields.withTarget(a, target))) return false;
    this.context.reader()?.clearTextSelection();
    return true;
  }

  /** Turns the selected annotation into another kind (Shift+C/Q/E/N), keeping what carries over. */
  changeKind(kind: AnnotationKind): boolean {
    const annotation = this.context.selection.selected;
    if (!annotation) return false;
    const changed = withKind(
      annotation,
      kind,
      { tagset: this.context.tagset(), entities: this.context.records.entities() },
      this.context.authoring(),
    );
    if (!changed) return true;
    const done = editAnnotation(
      this.context,
      annotation.id,
      `Change to ${KIND_LABELS[kind].toLowerCase()}`,
      () => changed.annotation,
      changed.extraOps,
    );
    if (done) this.context.report('info', SESSION_MESSAGES.kindChanged(annotation.kind, kind));
    return done;
  }
}
