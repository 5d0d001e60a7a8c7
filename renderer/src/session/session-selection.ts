import { signal, type ReadonlySignal } from '@preact/signals';
import type { LayerChange } from '../../../shared/layer/layer-change.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { ChangeCause } from '../commands/annotation-commands.ts';
import type { DocumentRecords } from '../model/document-records.ts';
import { quotationAround } from '../model/quotations.ts';
import { innermostFirst, neighbourInReadingOrder, pickAnnotation, type AnnotationSpan } from '../reader/annotation-picking.ts';
import type { TextSpan } from '../reader/selection-span.ts';
import type { SessionDrawing } from './session-drawing.ts';
import { SESSION_MESSAGES, type Report } from './session-messages.ts';

function spanOf(annotation: Annotation): AnnotationSpan {
  return { id: annotation.id, start: annotation.target.start, end: annotation.target.end };
}

/**
 * What is selected and where the analyst is: the selected annotation, an entity inspected on its
 * own, the caret and the text selection; and moving between annotations, mentions and spans.
 */
export class SessionSelection {
  private readonly selectedState = signal<string | null>(null);
  private readonly inspectedState = signal<string | null>(null);
  private readonly caretState = signal<number | null>(null);

  constructor(
    private readonly records: DocumentRecords,
    private readonly text: string,
    private readonly drawing: SessionDrawing,
    private readonly report: Report,
  ) {}

  get selectedId(): ReadonlySignal<string | null> {
    return this.selectedState;
  }

  /** An entity shown in the inspector on its own (one without mentions, chosen in the entities list). */
  get inspectedEntityId(): ReadonlySignal<string | null> {
    return this.inspectedState;
  }

  /** Where the caret is in the text (null when the article holds no selection); for "at this spot". */
  get caret(): ReadonlySignal<number | null> {
    return this.caretState;
  }

  get selected(): Annotation | undefined {
    const id = this.selectedState.value;
    return id ? this.records.annotation(id) : undefined;
  }

  /** The text selected in the article, if any. */
  textSelection(): TextSpan | null {
    return this.drawing.reader?.selectedSpan() ?? null;
  }

  select(id: string | null, options: { reveal?: boolean } = {}): void {
    const previous = this.selectedState.value;
    if (id !== null && !this.records.annotation(id)) id = null;
    if (id !== null) this.inspectedState.value = null;
    if (previous === id) return;
    this.selectedState.value = id;
    this.drawing.redraw([previous, id].filter((value): value is string => value !== null));
    if (id && options.reveal) this.drawing.reader?.revealAnnotation(id);
  }

  /** Shows an entity in the inspector on its own (or, with null, none). */
  inspectEntity(entityId: string | null): void {
    this.inspectedState.value = entityId !== null && this.records.entity(entityId) ? entityId : null;
  }

  /** Escape: drops the text selection if there is one, else the selected annotation. */
  clearSelection(): boolean {
    if (this.textSelection()) {
      this.drawing.reader?.clearTextSelection();
      return true;
    }
    if (this.selectedState.value === null) return false;
    this.select(null);
    return true;
  }

  /**
   * Follows a change of the records, in the same transaction as its redraw: a new change's
   * annotation comes selected (the one it unselects joins `touched`), and a selection whose record
   * went is dropped.
   */
  followChange(cause: ChangeCause, touched: Set<string>): void {
    const selectNow = cause.by === 'run' ? cause.select : undefined;
    if (selectNow && this.records.annotation(selectNow) && this.selectedState.value !== selectNow) {
      const previous = this.selectedState.value;
      if (previous) touched.add(previous);
      this.selectedState.value = selectNow;
      this.inspectedState.value = null;
    }
    const selected = this.selectedState.value;
    if (selected && !this.records.annotation(selected)) this.selectedState.value = null;
    const inspected = this.inspectedState.value;
    if (inspected && !this.records.entity(inspected)) this.inspectedState.value = null;
  }

  /** After an undo or redo: selects (and shows) what it brought back or changed. */
  focusReplayed(change: LayerChange): void {
    const focus = change.annotations.added[0] ?? change.annotations.updated[0];
    if (focus) this.select(focus, { reveal: true });
  }

  /** A click on highlights (ids outermost first): selects the innermost, or cycles on a repeated click. */
  pickFromClick(ids: readonly string[]): void {
    const spans = ids
      .map((id) => this.records.annotation(id))
      .filter((a): a is Annotation => a !== undefined)
      .map(spanOf);
    this.select(pickAnnotation(innermostFirst(spans), this.selectedState.value));
  }

  /** Selects the next (or previous) annotation in reading order and puts the caret at its start. */
  selectNeighbour(step: 1 | -1): boolean {
    const id = neighbourInReadingOrder([...this.records.annotations()].map(spanOf), this.selectedState.value, step);
    if (id) this.selectWithCaret(id);
    return id !== null;
  }

  /** Selects the next (or previous) mention of the same entity, or annotation of the same kind. */
  selectSimilar(step: 1 | -1): boolean {
    const current = this.selected;
    if (!current) return this.selectNeighbour(step);
    const alike = [...this.records.annotations()].filter((annotation) =>
      current.kind === 'entity'
        ? annotation.kind === 'entity' && annotation.entityId === current.entityId
        : annotation.kind === current.kind,
    );
    const id = neighbourInReadingOrder(alike.map(spanOf), current.id, step);
    if (id) this.selectWithCaret(id);
    return id !== null;
  }

  private selectWithCaret(id: string): void {
    this.select(id, { reveal: true });
    const annotation = this.records.annotation(id);
    if (annotation) this.drawing.reader?.placeCaret(annotation.target.start);
  }

  /** Selects an annotation from a list: scrolls its span to the middle of the view and flashes it. */
  showAnnotation(id: string): void {
    const annotation = this.records.annotation(id);
    if (!annotation) return;
    this.select(id);
    this.showSpan(annotation.target);
  }

  /** Shows an entity from the list: its first mention, or the entity alone when it has none. */
  showEntity(entityId: string): void {
    if (this.showMention(entityId, 1, true)) return;
    this.select(null);
    this.inspectEntity(entityId);
  }

  /** Goes to the next (or previous) mention of an entity after the selected one, wrapping round; `fromStart` goes to the first. */
  showMention(entityId: string, step: 1 | -1, fromStart = false): boolean {
    const mentions = [...this.records.annotations()]
      .filter((annotation) => annotation.kind === 'entity' && annotation.entityId === entityId)
      .sort((a, b) => a.target.start - b.target.start || b.target.end - a.target.end);
    if (mentions.length === 0) return false;
    const index = fromStart ? -1 : mentions.findIndex((mention) => mention.id === this.selectedState.value);
    const next = index < 0 ? (step === 1 ? mentions[0] : mentions.at(-1)) : mentions[(index + step + mentions.length) % mentions.length];
    if (next) this.showAnnotation(next.id);
    return next !== undefined;
  }

  /** The annotations covering a text offset, innermost first (for "at this spot"). */
  annotationsAt(offset: number): Annotation[] {
    const covering = [...this.records.annotations()].filter(
      (annotation) => annotation.target.start <= offset && offset < annotation.target.end,
    );
    const order = new Map(innermostFirst(covering.map(spanOf)).map((span, index) => [span.id, index]));
    return covering.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  /** Scrolls a span of the text to the middle of the view and flashes it. */
  showSpan(span: TextSpan): void {
    this.drawing.reader?.revealSpan(span);
    this.drawing.reader?.flashSpan(span);
  }

  /** Selects a span of the text in the article (say, a find match), ready for a marking key. */
  selectText(span: TextSpan): void {
    this.drawing.reader?.selectSpan(span);
  }

  /** The selected text, to search for when find opens: short, one-line selections only. */
  selectedTextForFind(): string {
    const span = this.textSelection();
    if (!span || span.end - span.start > 100) return '';
    const text = this.text.slice(span.start, span.end);
    return text.includes('\n') ? '' : text;
  }

  /** Draws find matches in the article and scrolls the current one into view. */
  showFindMatches(matches: readonly TextSpan[], current: number): void {
    this.drawing.reader?.showFindMatches(matches, current);
    const match = matches[current];
    if (match) this.drawing.reader?.revealSpan(match);
  }

  /** The words inside the quotation marks around the caret, if it is inside some. */
  quotationAtCaret(): TextSpan | null {
    const caret = this.drawing.reader?.caretOffset();
    return caret === null || caret === undefined ? null : quotationAround(this.text, caret);
  }

  /** ": selects the words inside the quotation marks around the caret. */
  selectQuotation(): boolean {
    const span = this.quotationAtCaret();
    if (!span) {
      this.report('info', SESSION_MESSAGES.caretOutsideQuotation);
      return false;
    }
    this.selectText(span);
    return true;
  }

  /** A new reader holds no caret yet. */
  forgetCaret(): void {
    this.caretState.value = null;
  }

  /** The reader reports that the caret or the text selection moved (null: no reader, no caret). */
  noteCaretMoved(): void {
    this.caretState.value = this.drawing.reader?.caretOffset() ?? null;
  }

  /** Gives the article keyboard focus. */
  focusReader(): void {
    this.drawing.reader?.focus();
  }
}
