import { batch, signal, type Signal } from '@preact/signals';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation, AnnotationKind, Evidence, QuoteForm } from '../../../shared/model/annotation.ts';
import type { DocumentMeta, ScholiaDocument } from '../../../shared/model/document.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import { AnnotationCommands, type ChangeCause, type SaveState } from '../commands/annotation-commands.ts';
import { deleteAnnotationOps, editAnnotationOps } from '../../../shared/layer/annotation-edits.ts';
import * as fields from '../../../shared/layer/annotation-fields.ts';
import { deleteEntityOps, mergeEntityOps, parseWikidataId, tagAllMentionsOps, untaggedMentionSpans, type EntityRecordsView } from '../../../shared/layer/entity-edits.ts';
import * as entityFields from '../../../shared/layer/entity-fields.ts';
import { withKind } from '../../../shared/layer/kind-change.ts';
import { entityNameFrom, findEntityNamed, newAnnotationOps, speakerEntityType, type Authoring } from '../../../shared/layer/new-annotation.ts';
import type { LayerChange } from '../../../shared/layer/layer-change.ts';
import { DocumentRecords } from '../model/document-records.ts';
import { quotationAround } from '../model/quotations.ts';
import { moveSpanEdge } from '../model/span-steps.ts';
import { highlightLook, KIND_LABELS } from '../reader/annotation-appearance.ts';
import { innermostFirst, neighbourInReadingOrder, pickAnnotation, type AnnotationSpan } from '../reader/annotation-picking.ts';
import type { ReaderView, SpanHighlight, SuggestionSpan, TheirSpan } from '../reader/reader-view.ts';
import type { TextSpan } from '../reader/selection-span.ts';

/** Something to tell the analyst that is not a save state: a hint or a failure outside saving. */
export type Report = (tone: 'info' | 'error', message: string) => void;

const KIND_VERBS: Record<AnnotationKind, string> = {
  claim: 'Mark claim',
  quote: 'Mark quote',
  entity: 'Tag entity',
  note: 'Add note',
};

function spanOf(annotation: Annotation): AnnotationSpan {
  return { id: annotation.id, start: annotation.target.start, end: annotation.target.end };
}

/**
 * One open document: its records, the command layer that changes and saves them, the selected
 * annotation, and the reader that draws them. Every edit the UI offers is a method here.
 */
export class DocumentSession {
  readonly id: string;
  readonly meta: DocumentMeta;
  readonly text: string;
  readonly content: ScholiaDocument['content'];
  readonly records: DocumentRecords;
  readonly commands: AnnotationCommands;
  readonly selectedId = signal<string | null>(null);
  /** An entity shown in the inspector on its own (one without mentions, chosen in the entities list). */
  readonly inspectedEntityId = signal<string | null>(null);
  /** Bumps on every change of the records, for views that inspect them. */
  readonly version = signal(0);
  /**
   * Follows `version` a moment later (after the change is drawn), for the lists: they can be long,
   * and a change should reach the article and the inspector without waiting for them.
   */
  readonly listVersion = signal(0);
  /** The speaker given to a quote most recently, for A ("same speaker again"). */
  readonly lastSpeakerId = signal<string | null>(null);
  /** Where the caret is in the text (null when the article holds no selection); for "at this spot". */
  readonly caret = signal<number | null>(null);
  readonly saveState = signal<SaveState>({ pending: 0, error: null });
  private reader: ReaderView | null = null;
  /** A colleague's layer under review, drawn beside the annotations (empty when hidden). */
  private theirLayer: readonly TheirSpan[] = [];
  /** The machine suggestions shown (empty when hidden or none). */
  private suggestionLayer: readonly SuggestionSpan[] = [];
  private revision: number;
  private listUpdate: ReturnType<typeof setTimeout> | undefined;
  private readonly tagsetState: Signal<Tagset>;

  constructor(
    document: ScholiaDocument,
    tagset: Tagset,
    private readonly api: ApiClient,
    private readonly author: () => string,
    private readonly report: Report,
  ) {
    this.tagsetState = signal(tagset);
    this.id = document.id;
    this.meta = document.meta;
    this.text = document.text;
    this.content = document.content;
    this.revision = document.revision;
    this.records = new DocumentRecords(document.annotations, document.entities, () => ({ text: this.text, tagset: this.tagset }));
    this.commands = new AnnotationCommands(this.records, (ops) => this.save(ops), {
      onRecordsChange: (change, cause) => this.redraw(change, cause),
      onStateChange: (state) => {
        if (state.error && state.error !== this.saveState.value.error) this.report('error', `Not saved: ${state.error} The change was taken back.`);
        this.saveState.value = state;
      },
      onReadOnly: (message) => this.report('error', message),
    });
  }

  /** The library's codebook (a signal: views that read it follow a change). */
  get tagset(): Tagset {
    return this.tagsetState.value;
  }

  /** Takes a changed codebook: every highlight is redrawn in its new colours, in one transaction. */
  replaceTagset(tagset: Tagset): void {
    this.tagsetState.value = tagset;
    const all = [...this.records.annotations()];
    this.reader?.updateHighlights(
      all.map((annotation) => annotation.id),
      all.map((annotation) => this.highlightOf(annotation)),
    );
    this.version.value += 1;
    this.scheduleListUpdate();
  }

  private async save(ops: readonly AnnotationOp[]): Promise<void> {
    const result = await this.api.call('annotations.apply', { documentId: this.id, baseRevision: this.revision, ops: [...ops] });
    this.revision = result.revision;
  }

  private authoring(): Authoring {
    return { author: this.author(), now: new Date().toISOString(), newId: () => crypto.randomUUID() };
  }

  // ---- drawing -------------------------------------------------------------------------------

  /** How one annotation is drawn now. */
  private highlightOf(annotation: Annotation): SpanHighlight {
    const look = highlightLook(annotation, this.records, this.tagset, annotation.id === this.selectedId.value);
    return { ...spanOf(annotation), id: annotation.id, look };
  }

  /** The highlights of every annotation, for a reader that is just starting. */
  initialHighlights(): SpanHighlight[] {
    return [...this.records.annotations()].map((annotation) => this.highlightOf(annotation));
  }

  attachReader(reader: ReaderView | null): void {
    this.reader = reader;
    if (reader && this.theirLayer.length > 0) reader.setTheirLayer(this.theirLayer);
    if (reader && this.suggestionLayer.length > 0) reader.setSuggestionLayer(this.suggestionLayer);
    this.caret.value = null;
  }

  /** The reader reports that the caret or the text selection moved. */
  noteCaretMoved(): void {
    this.caret.value = this.reader?.caretOffset() ?? null;
  }

  /** Gives the article keyboard focus. */
  focusReader(): void {
    this.reader?.focus();
  }

  private redrawIds(ids: Iterable<string>, remove: readonly string[] = []): void {
    const draw: SpanHighlight[] = [];
    for (const id of new Set(ids)) {
      const annotation = this.records.annotation(id);
      if (annotation) draw.push(this.highlightOf(annotation));
    }
    this.reader?.updateHighlights(remove, draw);
  }

  /**
   * Redraws just what a change touched: its annotations, and the annotations that refer to entities
   * it changed. A new change's annotation comes selected; an undo or redo selects what it brought back.
   */
  private redraw(change: LayerChange, cause: ChangeCause): void {
    const touched = new Set([...change.annotations.added, ...change.annotations.updated]);
    for (const entityId of change.entities.updated) {
      for (const id of this.records.referrersOf(entityId)) touched.add(id);
    }
    const selectNow = cause.by === 'run' ? cause.select : undefined;
    batch(() => {
      // A new annotation comes selected in the same redraw (one transaction, not two).
      if (selectNow && this.records.annotation(selectNow) && this.selectedId.value !== selectNow) {
        const previous = this.selectedId.value;
        if (previous) touched.add(previous);
        this.selectedId.value = selectNow;
        this.inspectedEntityId.value = null;
      }
      const selected = this.selectedId.value;
      if (selected && !this.records.annotation(selected)) this.selectedId.value = null;
      const inspected = this.inspectedEntityId.value;
      if (inspected && !this.records.entity(inspected)) this.inspectedEntityId.value = null;
      this.version.value += 1;
    });
    this.redrawIds(touched, change.annotations.removed);
    this.scheduleListUpdate();
    if (cause.by === 'undo' || cause.by === 'redo') {
      const focus = change.annotations.added[0] ?? change.annotations.updated[0];
      if (focus) this.select(focus, { reveal: true });
    }
  }

  private scheduleListUpdate(): void {
    if (this.listUpdate !== undefined) return;
    this.listUpdate = setTimeout(() => {
      this.listUpdate = undefined;
      this.listVersion.value = this.version.value;
    }, 0);
  }

  // ---- selection -----------------------------------------------------------------------------

  select(id: string | null, options: { reveal?: boolean } = {}): void {
    const previous = this.selectedId.value;
    if (id !== null && !this.records.annotation(id)) id = null;
    if (id !== null) this.inspectedEntityId.value = null;
    if (previous === id) return;
    this.selectedId.value = id;
    this.redrawIds([previous, id].filter((value): value is string => value !== null));
    if (id && options.reveal) this.reader?.revealAnnotation(id);
  }

  /** Escape: drops the text selection if there is one, else the selected annotation. */
  clearSelection(): boolean {
    if (this.reader?.selectedSpan()) {
      this.reader.clearTextSelection();
      return true;
    }
    if (this.selectedId.value === null) return false;
    this.select(null);
    return true;
  }

  get selected(): Annotation | undefined {
    const id = this.selectedId.value;
    return id ? this.records.annotation(id) : undefined;
  }

  /** A click on highlights (ids outermost first): selects the innermost, or cycles on a repeated click. */
  pickFromClick(ids: readonly string[]): void {
    const spans = ids.map((id) => this.records.annotation(id)).filter((a): a is Annotation => a !== undefined).map(spanOf);
    this.select(pickAnnotation(innermostFirst(spans), this.selectedId.value));
  }

  /** Selects the next (or previous) annotation in reading order and puts the caret at its start. */
  selectNeighbour(step: 1 | -1): boolean {
    const spans = [...this.records.annotations()].map(spanOf);
    const id = neighbourInReadingOrder(spans, this.selectedId.value, step);
    if (id) this.selectWithCaret(id);
    return id !== null;
  }

  /** Selects the next (or previous) mention of the same entity, or annotation of the same kind. */
  selectSimilar(step: 1 | -1): boolean {
    const current = this.selected;
    if (!current) return this.selectNeighbour(step);
    const alike = [...this.records.annotations()].filter((annotation) =>
      current.kind === 'entity' ? annotation.kind === 'entity' && annotation.entityId === current.entityId : annotation.kind === current.kind,
    );
    const id = neighbourInReadingOrder(alike.map(spanOf), current.id, step);
    if (id) this.selectWithCaret(id);
    return id !== null;
  }

  private selectWithCaret(id: string): void {
    this.select(id, { reveal: true });
    const annotation = this.records.annotation(id);
    if (annotation) this.reader?.placeCaret(annotation.target.start);
  }

  /** Selects an annotation from a list: scrolls its span to the middle of the view and flashes it. */
  showAnnotation(id: string): void {
    const annotation = this.records.annotation(id);
    if (!annotation) return;
    this.select(id);
    this.reader?.revealSpan(annotation.target);
    this.reader?.flashSpan(annotation.target);
  }

  /** Draws a colleague's layer (review items) in the reader; an empty list hides it. */
  setTheirLayer(items: readonly TheirSpan[]): void {
    this.theirLayer = items;
    this.reader?.setTheirLayer(items);
  }

  /** Draws the machine suggestions in the reader, apart from the annotations; an empty list hides them. */
  setSuggestionLayer(items: readonly SuggestionSpan[]): void {
    this.suggestionLayer = items;
    this.reader?.setSuggestionLayer(items);
  }

  /** Scrolls a span of the text to the middle of the view and flashes it. */
  showSpan(span: TextSpan): void {
    this.reader?.revealSpan(span);
    this.reader?.flashSpan(span);
  }

  /** The selected text, to search for when find opens: short, one-line selections only. */
  selectedTextForFind(): string {
    const span = this.reader?.selectedSpan();
    if (!span || span.end - span.start > 100) return '';
    const text = this.text.slice(span.start, span.end);
    return text.includes('\n') ? '' : text;
  }

  /** Shows an entity from the list: its first mention, or the entity alone when it has none. */
  showEntity(entityId: string): void {
    if (!this.showMention(entityId, 1, true)) {
      this.select(null);
      this.inspectedEntityId.value = this.records.entity(entityId) ? entityId : null;
    }
  }

  /** Goes to the next (or previous) mention of an entity after the selected one, wrapping round; `fromStart` goes to the first. */
  showMention(entityId: string, step: 1 | -1, fromStart = false): boolean {
    const mentions = [...this.records.annotations()]
      .filter((annotation) => annotation.kind === 'entity' && annotation.entityId === entityId)
      .sort((a, b) => a.target.start - b.target.start || b.target.end - a.target.end);
    if (mentions.length === 0) return false;
    const index = fromStart ? -1 : mentions.findIndex((mention) => mention.id === this.selectedId.value);
    const next = index < 0 ? (step === 1 ? mentions[0] : mentions.at(-1)) : mentions[(index + step + mentions.length) % mentions.length];
    if (next) this.showAnnotation(next.id);
    return next !== undefined;
  }

  private quotationAtCaret(): TextSpan | null {
    const caret = this.reader?.caretOffset();
    return caret === null || caret === undefined ? null : quotationAround(this.text, caret);
  }

  /** ": selects the words inside the quotation marks around the caret. */
  selectQuotation(): boolean {
    const span = this.quotationAtCaret();
    if (!span) {
      this.report('info', 'The caret is not inside quotation marks.');
      return false;
    }
    this.reader?.selectSpan(span);
    return true;
  }

  /** Selects a span of the text in the article (say, a find match), ready for a marking key. */
  selectText(span: TextSpan): void {
    this.reader?.selectSpan(span);
  }

  /** Draws find matches in the article and scrolls the current one into view. */
  showFindMatches(matches: readonly TextSpan[], current: number): void {
    this.reader?.showFindMatches(matches, current);
    const match = matches[current];
    if (match) this.reader?.revealSpan(match);
  }

  // ---- changes -------------------------------------------------------------------------------

  /** Whether text is selected in the article. */
  hasTextSelection(): boolean {
    return (this.reader?.selectedSpan() ?? null) !== null;
  }

  /** Marks the selected text as a new annotation and selects it. False when no usable text is selected. */
  markSelection(kind: AnnotationKind): boolean {
    let span = this.reader?.selectedSpan() ?? null;
    // Q with the caret inside quotation marks marks the quotation.
    if (!span && kind === 'quote') span = this.quotationAtCaret();
    if (!span) {
      this.report('info', kind === 'quote' ? 'Select some text in the article first, or put the caret inside quotation marks.' : 'Select some text in the article first.');
      return false;
    }
    const target = makeTarget(this.text, span.start, span.end);
    const created = newAnnotationOps(kind, target, { tagset: this.tagset, entities: this.records.entities() }, this.authoring());
    if (!this.commands.run(KIND_VERBS[kind], created.ops, { select: created.annotationId })) return false;
    this.reader?.clearTextSelection();
    return true;
  }

  deleteSelected(): boolean {
    const id = this.selectedId.value;
    if (!id) return false;
    return this.commands.run('Delete annotation', deleteAnnotationOps(this.records, id));
  }

  /** Takes back the last change and selects what it brought back or changed. */
  undo(): boolean {
    return this.commands.undo();
  }

  /** Makes the last undone change again and selects what it changed. */
  redo(): boolean {
    return this.commands.redo();
  }

  /** Replaces an annotation with an edited copy (its `modified` time set now). */
  private edit(
    id: string,
    label: string,
    change: (annotation: Annotation) => Annotation | null,
    extraOps: AnnotationOp[] = [],
    options: { coalesceKey?: string } = {},
  ): boolean {
    const ops = editAnnotationOps(this.records, id, change, new Date().toISOString());
    return ops.length > 0 && this.commands.run(label, [...extraOps, ...ops], options);
  }

  /**
   * Moves one edge of the selected annotation's span by a word (or a punctuation mark): the end
   * forward extends, backward shrinks; the start backward extends, forward shrinks. Quick steps on
   * one annotation undo as one.
   */
  moveSelectedEdge(edge: 'start' | 'end', direction: 1 | -1): boolean {
    const annotation = this.selected;
    if (!annotation) return false;
    const span = moveSpanEdge(this.text, annotation.target, edge, direction);
    if (!span) {
      this.report('info', direction === 1 && edge === 'start' ? 'The span cannot shrink any further.' : 'The span cannot move that way.');
      return true;
    }
    const target = makeTarget(this.text, span.start, span.end);
    this.edit(annotation.id, 'Change span', (a) => fields.withTarget(a, target), [], { coalesceKey: `span:${annotation.id}` });
    this.reader?.revealSpan(edge === 'end' ? { start: span.end - 1, end: span.end } : { start: span.start, end: span.start + 1 });
    return true;
  }

  /** R: the selected annotation takes the text selected in the article as its span. */
  setSpanToSelection(): boolean {
    const annotation = this.selected;
    const span = this.reader?.selectedSpan() ?? null;
    if (!annotation) {
      this.report('info', 'Select an annotation first, then the text it should cover, and press R.');
      return false;
    }
    if (!span) {
      this.report('info', 'Select the text the annotation should cover, then press R.');
      return false;
    }
    if (span.start === annotation.target.start && span.end === annotation.target.end) return true;
    const target = makeTarget(this.text, span.start, span.end);
    if (!this.edit(annotation.id, 'Change span', (a) => fields.withTarget(a, target))) return false;
    this.reader?.clearTextSelection();
    return true;
  }

  /** Turns the selected annotation into another kind (Shift+C/Q/E/N), keeping what carries over. */
  changeKind(kind: AnnotationKind): boolean {
    const annotation = this.selected;
    if (!annotation) return false;
    const changed = withKind(annotation, kind, { tagset: this.tagset, entities: this.records.entities() }, this.authoring());
    if (!changed) return true;
    const done = this.edit(annotation.id, `Change to ${KIND_LABELS[kind].toLowerCase()}`, () => changed.annotation, changed.extraOps);
    if (done) this.report('info', `Changed the ${KIND_LABELS[annotation.kind].toLowerCase()} to a ${KIND_LABELS[kind].toLowerCase()}.`);
    return done;
  }

  /** The annotations covering a text offset, innermost first (for "at this spot"). */
  annotationsAt(offset: number): Annotation[] {
    const covering = [...this.records.annotations()].filter((annotation) => annotation.target.start <= offset && offset < annotation.target.end);
    const order = new Map(innermostFirst(covering.map(spanOf)).map((span, index) => [span.id, index]));
    return covering.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  setVerdict(id: string, status: string): boolean {
    return this.edit(id, 'Set verdict', (a) => fields.withVerdict(a, status));
  }

  /** Sets (or with undefined, clears) a claim's type from the tagset's claim labels. */
  setClaimLabel(id: string, label: string | undefined): boolean {
    return this.edit(id, 'Set claim type', (a) => fields.withClaimLabel(a, label));
  }

  setCheckworthy(id: string, checkworthy: boolean): boolean {
    return this.edit(id, 'Set worth checking', (a) => fields.withCheckworthy(a, checkworthy));
  }

  setQuoteForm(id: string, form: QuoteForm): boolean {
    return this.edit(id, 'Set quote form', (a) => fields.withQuoteForm(a, form));
  }

  /** Sets (or with undefined, clears) a quote's speaker or a claim's claimant. */
  private setAttribution(id: string, entityId: string | undefined, extraOps: AnnotationOp[] = [], label?: string): boolean {
    const done = this.edit(id, label ?? 'Set speaker', (a) => fields.withAttribution(a, entityId, extraOps.length > 0), extraOps);
    if (done && entityId && this.records.annotation(id)?.kind === 'quote') this.lastSpeakerId.value = entityId;
    return done;
  }

  /** Sets (or with undefined, clears) a quote's speaker. */
  setSpeaker(id: string, speakerId: string | undefined): boolean {
    return this.records.annotation(id)?.kind === 'quote' && this.setAttribution(id, speakerId);
  }

  /** Sets (or with undefined, clears) a claim's claimant. */
  setClaimant(id: string, claimantId: string | undefined): boolean {
    return this.records.annotation(id)?.kind === 'claim' && this.setAttribution(id, claimantId, [], 'Set claimant');
  }

  /** Makes a quote's speaker (a claim's claimant) the entity of that name, registering a new person if there is none. */
  setSpeakerByName(id: string, name: string): boolean {
    const clean = name.replace(/\s+/gu, ' ').trim();
    if (!clean) return false;
    const existing = findEntityNamed(this.records.entities(), clean);
    if (existing) return this.setAttribution(id, existing.id);
    const entity: Entity = { id: crypto.randomUUID(), name: clean, type: speakerEntityType(this.tagset), aliases: [] };
    return this.setAttribution(id, entity.id, [{ op: 'entity.add', entity }], 'Add speaker');
  }

  /**
   * S: the text selected in the article names the selected quote's speaker (or claim's claimant):
   * it is tagged as a mention of the entity of that name (a new person if there is none) and
   * becomes the speaker, in one step. False when no text is selected.
   */
  attributeFromSelection(): boolean {
    const annotation = this.selected;
    const span = this.reader?.selectedSpan() ?? null;
    if (!span || (annotation?.kind !== 'quote' && annotation?.kind !== 'claim')) return false;
    const target = makeTarget(this.text, span.start, span.end);
    const authoring = this.authoring();
    const existing = findEntityNamed(this.records.entities(), target.exact);
    const entity: Entity = existing ?? { id: authoring.newId(), name: entityNameFrom(target.exact), type: speakerEntityType(this.tagset), aliases: [] };
    const ops: AnnotationOp[] = existing ? [] : [{ op: 'entity.add', entity }];
    const alreadyTagged = [...this.records.annotations()].some(
      (other) => other.kind === 'entity' && other.entityId === entity.id && other.target.start === span.start && other.target.end === span.end,
    );
    if (!alreadyTagged) {
      ops.push({
        op: 'annotation.add',
        annotation: { id: authoring.newId(), kind: 'entity', entityId: entity.id, target, author: authoring.author, created: authoring.now, modified: authoring.now },
      });
    }
    if (!this.setAttribution(annotation.id, entity.id, ops, annotation.kind === 'quote' ? 'Set speaker from text' : 'Set claimant from text')) return false;
    this.reader?.clearTextSelection();
    this.report('info', `${annotation.kind === 'quote' ? 'Speaker' : 'Claimant'}: ${entity.name}.`);
    return true;
  }

  /** The speaker A gives a quote: the last one set in this session, else that of the nearest quote before it. */
  lastSpeakerFor(quoteId: string): Entity | undefined {
    const last = this.lastSpeakerId.value;
    if (last && this.records.entity(last)) return this.records.entity(last);
    const quote = this.records.annotation(quoteId);
    if (!quote) return undefined;
    let nearest: Annotation | undefined;
    for (const other of this.records.annotations()) {
      if (other.kind !== 'quote' || !other.speakerId || other.id === quoteId || other.target.start > quote.target.start) continue;
      if (!nearest || other.target.start > nearest.target.start) nearest = other;
    }
    return nearest?.kind === 'quote' && nearest.speakerId ? this.records.entity(nearest.speakerId) : undefined;
  }

  /** A: attributes the selected quote to the last speaker used. */
  attributeToLastSpeaker(): boolean {
    const quote = this.selected;
    if (quote?.kind !== 'quote') {
      this.report('info', 'Select a quote first; A gives it the last speaker used.');
      return false;
    }
    const speaker = this.lastSpeakerFor(quote.id);
    if (!speaker) {
      this.report('info', 'No speaker used yet: name one in the inspector (Enter), or select the name in the text and press S.');
      return false;
    }
    if (quote.speakerId !== speaker.id) this.setAttribution(quote.id, speaker.id);
    this.report('info', `Speaker: ${speaker.name}.`);
    return true;
  }

  /** W: turns the selected claim's "worth checking" flag on or off. */
  toggleCheckworthy(): boolean {
    const claim = this.selected;
    if (claim?.kind !== 'claim') return false;
    return this.setCheckworthy(claim.id, !(claim.checkworthy ?? false));
  }

  /** Adds a source to a claim's evidence; false (and a message) for a link that is not http(s). */
  addEvidence(id: string, evidence: Evidence): boolean {
    const clean = fields.cleanEvidence(evidence);
    if (!clean) {
      this.report('error', `“${evidence.url.trim()}” is not a web link: sources must start with http:// or https://.`);
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
    const quote = this.selected;
    const span = this.reader?.selectedSpan() ?? null;
    if (quote?.kind !== 'quote') {
      this.report('info', 'Select a quote first; U makes the selected text its cue.');
      return false;
    }
    if (!span) {
      this.report('info', 'Select the reporting verb (“said”) in the text, then press U.');
      return false;
    }
    const cue = makeTarget(this.text, span.start, span.end);
    if (!this.edit(quote.id, 'Set cue', (a) => fields.withCue(a, cue))) return false;
    this.reader?.clearTextSelection();
    return true;
  }

  clearCue(id: string): boolean {
    return this.edit(id, 'Clear cue', (a) => fields.withCue(a, undefined));
  }

  /** Sets an annotation's note; an empty note removes it. */
  setNote(id: string, note: string): boolean {
    return this.edit(id, 'Edit note', (a) => fields.withNote(a, note));
  }

  private editEntity(entityId: string, label: string, change: (entity: Entity) => Entity | null): boolean {
    const current = this.records.entity(entityId);
    const next = current ? change(current) : null;
    return next ? this.commands.run(label, [{ op: 'entity.update', entity: next }]) : false;
  }

  /** Renames an entity; a former name that occurs in the article is kept as an alias, so later mentions still match. */
  renameEntity(entityId: string, name: string): boolean {
    if (!name.trim()) {
      this.report('error', 'An entity needs a name.');
      return false;
    }
    return this.editEntity(entityId, 'Rename entity', (entity) => entityFields.renamedEntity(entity, name, this.text));
  }

  /** Replaces an entity's aliases (blank and duplicate ones and the name itself dropped). */
  setAliases(entityId: string, aliases: readonly string[]): boolean {
    return this.editEntity(entityId, 'Edit aliases', (entity) => entityFields.withAliases(entity, aliases));
  }

  /** Sets an entity's Wikidata item from an id or a wikidata.org link; empty clears it. */
  setWikidata(entityId: string, input: string): boolean {
    const wikidata = input.trim() ? parseWikidataId(input) : undefined;
    if (wikidata === null) {
      this.report('error', `“${input.trim()}” is not a Wikidata item: use an id like Q42 or a wikidata.org link.`);
      return false;
    }
    return this.editEntity(entityId, 'Set Wikidata id', (entity) => entityFields.withWikidata(entity, wikidata));
  }

  setEntityDescription(entityId: string, description: string): boolean {
    return this.editEntity(entityId, 'Edit description', (entity) => entityFields.withDescription(entity, description));
  }

  /** How many occurrences of an entity's names are not tagged yet. */
  untaggedMentionCount(entityId: string): number {
    const entity = this.records.entity(entityId);
    return entity ? untaggedMentionSpans(this.text, entity, this.records).length : 0;
  }

  /** Tags every untagged occurrence of an entity's name and aliases, in one undoable step. */
  tagAllMentions(entityId: string): boolean {
    const entity = this.records.entity(entityId);
    if (!entity) return false;
    const ops = tagAllMentionsOps(this.text, entity, this.records, this.authoring());
    if (ops.length === 0) {
      this.report('info', `Every mention of “${entity.name}” is already tagged.`);
      return true;
    }
    if (!this.commands.run('Tag all mentions', ops)) return false;
    this.report('info', `Tagged ${ops.length} more ${ops.length === 1 ? 'mention' : 'mentions'} of “${entity.name}”.`);
    return true;
  }

  /**
   * T: with text selected, tags it and every other mention of the same entity in one step; with an
   * entity mention selected, tags all mentions of its entity.
   */
  tagAllFromKey(): boolean {
    const span = this.reader?.selectedSpan() ?? null;
    if (span) return this.markAndTagAll(span);
    const selected = this.selected;
    if (selected?.kind === 'entity') return this.tagAllMentions(selected.entityId);
    this.report('info', 'Select a name in the article, or an entity mention, then press T to tag all its mentions.');
    return false;
  }

  private markAndTagAll(span: TextSpan): boolean {
    const authoring = this.authoring();
    const target = makeTarget(this.text, span.start, span.end);
    const created = newAnnotationOps('entity', target, { tagset: this.tagset, entities: this.records.entities() }, authoring);
    const mention = created.ops.find((op) => op.op === 'annotation.add');
    const added = created.ops.find((op) => op.op === 'entity.add');
    if (mention?.op !== 'annotation.add' || mention.annotation.kind !== 'entity') return false;
    const entityId = mention.annotation.entityId;
    const entity = added?.op === 'entity.add' ? added.entity : this.records.entity(entityId);
    if (!entity) return false;
    const withMention: EntityRecordsView = {
      annotations: () => [...this.records.annotations(), mention.annotation],
      entity: (id) => (id === entity.id ? entity : this.records.entity(id)),
    };
    const more = tagAllMentionsOps(this.text, entity, withMention, authoring);
    if (!this.commands.run('Tag all mentions', [...created.ops, ...more], { select: created.annotationId })) return false;
    this.reader?.clearTextSelection();
    this.report('info', `Tagged “${entity.name}” and ${more.length} more ${more.length === 1 ? 'mention' : 'mentions'}.`);
    return true;
  }

  /** Merges one entity into another: mentions, speakers and claimants follow, in one undoable step. */
  mergeEntity(fromId: string, intoId: string): boolean {
    const from = this.records.entity(fromId);
    const into = this.records.entity(intoId);
    if (!from || !into || fromId === intoId) return false;
    const { ops, summary } = mergeEntityOps(this.records, fromId, intoId, new Date().toISOString());
    const selected = this.selectedId.value;
    if (!this.commands.run('Merge entities', ops)) return false;
    if (!selected && this.inspectedEntityId.value === fromId) this.inspectedEntityId.value = intoId;
    const moved = [
      summary.mentions ? `${summary.mentions} ${summary.mentions === 1 ? 'mention' : 'mentions'}` : '',
      summary.quotes ? `${summary.quotes} ${summary.quotes === 1 ? 'quote' : 'quotes'}` : '',
      summary.claims ? `${summary.claims} ${summary.claims === 1 ? 'claim' : 'claims'}` : '',
    ].filter(Boolean);
    this.report('info', `Merged “${from.name}” into “${into.name}”${moved.length ? ` (${moved.join(', ')})` : ''}.`);
    return true;
  }

  /** Removes an entity from the registry with all its mentions (its quotes and claims keep their text, without it). */
  deleteEntity(entityId: string): boolean {
    const entity = this.records.entity(entityId);
    if (!entity || !this.commands.run('Delete entity', deleteEntityOps(this.records, entityId, new Date().toISOString()))) return false;
    this.report('info', `Deleted “${entity.name}” and its mentions.`);
    return true;
  }

  setEntityType(entityId: string, type: string): boolean {
    return this.editEntity(entityId, 'Set entity type', (entity) => entityFields.withEntityType(entity, type));
  }

  /** A tagset shortcut key on the selected annotation: a verdict for a claim, a type for an entity mention. */
  applyTagsetKey(key: string): boolean {
    const annotation = this.selected;
    if (annotation?.kind === 'claim') {
      const verdict = this.tagset.verdicts.find((entry) => entry.key === key);
      return verdict ? this.setVerdict(annotation.id, verdict.id) || true : false;
    }
    if (annotation?.kind === 'entity') {
      const type = this.tagset.entityTypes.find((entry) => entry.key === key);
      return type ? this.setEntityType(annotation.entityId, type.id) || true : false;
    }
    return false;
  }
}
