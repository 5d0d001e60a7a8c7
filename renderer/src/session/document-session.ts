import { batch, type ReadonlySignal } from '@preact/signals';
import type { LayerChange } from '../../../shared/layer/layer-change.ts';
import type { Authoring } from '../../../shared/layer/new-annotation.ts';
import type { Annotation, AnnotationKind, Evidence, QuoteForm, WorkflowStage } from '../../../shared/model/annotation.ts';
import type { DocumentMeta, ScholiaDocument } from '../../../shared/model/document.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { ApiClient } from '../../../shared/contract/api-client.ts';
import { AnnotationCommands, type ChangeCause, type SaveState } from '../commands/annotation-commands.ts';
import { UndoHistory, type DecisionEntry } from '../commands/undo-history.ts';
import { DocumentRecords } from '../model/document-records.ts';
import type { SpanHighlight, SuggestionSpan, TheirSpan } from '../reader/reader-layers.ts';
import type { ReaderView } from '../reader/reader-view.ts';
import type { TextSpan } from '../reader/selection-span.ts';
import { AnnotationEditor } from './annotation-editor.ts';
import { DocumentSaving } from './document-saving.ts';
import { EntityEditor } from './entity-editor.ts';
import { SessionDrawing } from './session-drawing.ts';
import type { Report } from './session-messages.ts';
import { SessionSelection } from './session-selection.ts';
import { SpeakerAttribution } from './speaker-attribution.ts';

/** What a session needs besides its document: who annotates, where messages go, and the document's history. */
export interface SessionOptions {
  /** The name new annotations are signed with. */
  author: () => string;
  report: Report;
  /** The document's undo history, kept across sessions of it; a new one when left out. */
  history?: UndoHistory;
  /** Why the document cannot be changed (null or left out when it can). */
  readOnly?: string | null;
  /** Undoes or redoes a review decision in the services; resolves false when it could not. */
  replayDecision?: (entry: DecisionEntry, direction: 'undo' | 'redo') => Promise<boolean>;
}

/**
 * One open document, composed of parts with one job each: its records and the commands that change
 * them (`AnnotationCommands`, with the document's history), the link to the store
 * (`DocumentSaving`), what is drawn (`SessionDrawing`), what is selected (`SessionSelection`), and
 * the editors (`AnnotationEditor`, `SpeakerAttribution`, `EntityEditor`). This façade wires them
 * and passes the UI's calls through. See docs/architecture/session.md.
 */
export class DocumentSession {
  readonly id: string;
  readonly meta: DocumentMeta;
  readonly text: string;
  readonly content: ScholiaDocument['content'];
  readonly records: DocumentRecords;
  readonly commands: AnnotationCommands;
  /** The document's undo history: edits, suggestion accepts and review decisions. */
  readonly history: UndoHistory;
  private readonly saving: DocumentSaving;
  private readonly drawing: SessionDrawing;
  private readonly selection: SessionSelection;
  private readonly annotations: AnnotationEditor;
  private readonly speakers: SpeakerAttribution;
  private readonly entities: EntityEditor;
  /** An annotation to show once a reader attaches (see `revealWhenDrawn`). */
  private pendingReveal: string | null = null;

  constructor(document: ScholiaDocument, tagset: Tagset, api: ApiClient, options: SessionOptions) {
    const { report } = options;
    this.id = document.id;
    this.meta = document.meta;
    this.text = document.text;
    this.content = document.content;
    this.history = options.history ?? new UndoHistory();
    this.records = new DocumentRecords(document.annotations, document.entities, () => ({ text: this.text, tagset: this.tagset }));
    this.saving = new DocumentSaving(api, document.id, document.revision, options.readOnly ?? null, report);
    this.drawing = new SessionDrawing(this.records, tagset, () => this.selection.selectedId.value);
    this.selection = new SessionSelection(this.records, this.text, this.drawing, report);
    this.commands = new AnnotationCommands(
      this.records,
      this.saving.send,
      {
        onRecordsChange: (change, cause) => this.followChange(change, cause),
        onStateChange: (state) => this.saving.noteState(state),
        onReadOnly: (message) => report('error', message),
        ...(options.replayDecision ? { onDecisionReplay: options.replayDecision } : {}),
      },
      { history: this.history, readOnly: () => this.saving.readOnly },
    );
    const authoring = (): Authoring => ({ author: options.author(), now: new Date().toISOString(), newId: () => crypto.randomUUID() });
    const context = {
      text: this.text,
      records: this.records,
      commands: this.commands,
      selection: this.selection,
      tagset: () => this.tagset,
      reader: () => this.drawing.reader,
      authoring,
      report,
    };
    this.annotations = new AnnotationEditor(context);
    this.speakers = new SpeakerAttribution(context);
    this.entities = new EntityEditor(context);
  }

  /** Redraws just what a change touched, selecting in the same transaction what it asks; an undo or redo selects what it brought back. */
  private followChange(change: LayerChange, cause: ChangeCause): void {
    const touched = this.drawing.touchedBy(change);
    batch(() => {
      this.selection.followChange(cause, touched);
      this.drawing.noteChanged();
    });
    this.drawing.redraw(touched, change.annotations.removed);
    if (cause.by === 'undo' || cause.by === 'redo') this.selection.focusReplayed(change);
  }

  // ---- store link -----------------------------------------------------------------------------

  /** The revision the store holds as far as this session knows (moved on by every save). */
  get revision(): number {
    return this.saving.revision;
  }
  get saveState(): ReadonlySignal<SaveState> {
    return this.saving.saveState;
  }
  /** The store moved to `revision` through a change made outside the save queue (a review decision); call only when idle. */
  noteRevision(revision: number): void {
    this.saving.noteRevision(revision);
  }

  // ---- drawing --------------------------------------------------------------------------------

  /** The library's codebook (a signal: views that read it follow a change). */
  get tagset(): Tagset {
    return this.drawing.tagset;
  }
  get version(): ReadonlySignal<number> {
    return this.drawing.version;
  }
  get listVersion(): ReadonlySignal<number> {
    return this.drawing.listVersion;
  }
  replaceTagset(tagset: Tagset): void {
    this.drawing.replaceTagset(tagset);
  }
  initialHighlights(): SpanHighlight[] {
    return this.drawing.initialHighlights();
  }
  setTheirLayer(items: readonly TheirSpan[]): void {
    this.drawing.setTheirLayer(items);
  }
  setSuggestionLayer(items: readonly SuggestionSpan[]): void {
    this.drawing.setSuggestionLayer(items);
  }
  /** Whether a reader draws this session now. */
  get hasReader(): boolean {
    return this.drawing.reader !== null;
  }
  attachReader(reader: ReaderView | null): void {
    this.drawing.attach(reader);
    this.selection.forgetCaret();
    const pending = this.pendingReveal;
    if (reader && pending) {
      this.pendingReveal = null;
      this.selection.showAnnotation(pending);
    }
  }

  /**
   * Selects an annotation and shows it in the article, now if the article is drawn, else as soon as
   * a reader attaches (a view that replaced the reader, such as the corpus search, is going back to it).
   */
  revealWhenDrawn(id: string): void {
    if (this.drawing.reader) {
      this.pendingReveal = null;
      this.selection.showAnnotation(id);
    } else {
      this.pendingReveal = id;
    }
  }

  // ---- selection and navigation ---------------------------------------------------------------

  get selectedId(): ReadonlySignal<string | null> {
    return this.selection.selectedId;
  }
  get inspectedEntityId(): ReadonlySignal<string | null> {
    return this.selection.inspectedEntityId;
  }
  get caret(): ReadonlySignal<number | null> {
    return this.selection.caret;
  }
  get selected(): Annotation | undefined {
    return this.selection.selected;
  }
  select(id: string | null, options: { reveal?: boolean } = {}): void {
    this.selection.select(id, options);
  }
  clearSelection(): boolean {
    return this.selection.clearSelection();
  }
  pickFromClick(ids: readonly string[]): void {
    this.selection.pickFromClick(ids);
  }
  selectNeighbour(step: 1 | -1): boolean {
    return this.selection.selectNeighbour(step);
  }
  selectSimilar(step: 1 | -1): boolean {
    return this.selection.selectSimilar(step);
  }
  showAnnotation(id: string): void {
    this.selection.showAnnotation(id);
  }
  showEntity(entityId: string): void {
    this.selection.showEntity(entityId);
  }
  showMention(entityId: string, step: 1 | -1, fromStart = false): boolean {
    return this.selection.showMention(entityId, step, fromStart);
  }
  showSpan(span: TextSpan): void {
    this.selection.showSpan(span);
  }
  selectText(span: TextSpan): void {
    this.selection.selectText(span);
  }
  selectQuotation(): boolean {
    return this.selection.selectQuotation();
  }
  selectedTextForFind(): string {
    return this.selection.selectedTextForFind();
  }
  showFindMatches(matches: readonly TextSpan[], current: number): void {
    this.selection.showFindMatches(matches, current);
  }
  hasTextSelection(): boolean {
    return this.selection.textSelection() !== null;
  }
  annotationsAt(offset: number): Annotation[] {
    return this.selection.annotationsAt(offset);
  }
  noteCaretMoved(): void {
    this.selection.noteCaretMoved();
  }
  focusReader(): void {
    this.selection.focusReader();
  }

  // ---- history --------------------------------------------------------------------------------

  /** Takes back the document's last change (an edit or a review decision) and selects what it brought back. */
  undo(): boolean {
    return this.commands.undo();
  }
  /** Makes the last undone change again and selects what it changed. */
  redo(): boolean {
    return this.commands.redo();
  }

  // ---- annotations ----------------------------------------------------------------------------

  markSelection(kind: AnnotationKind): boolean {
    return this.annotations.markSelection(kind);
  }
  deleteSelected(): boolean {
    return this.annotations.deleteSelected();
  }
  setVerdict(id: string, status: string): boolean {
    return this.annotations.setVerdict(id, status);
  }
  setRationale(id: string, rationale: string): boolean {
    return this.annotations.setRationale(id, rationale);
  }
  setCheckedBy(id: string, name: string): boolean {
    return this.annotations.setCheckedBy(id, name);
  }
  setCheckedOn(id: string, day: string): boolean {
    return this.annotations.setCheckedOn(id, day);
  }
  setStage(id: string, stage: WorkflowStage): boolean {
    return this.annotations.setStage(id, stage);
  }
  setClaimLabel(id: string, label: string | undefined): boolean {
    return this.annotations.setClaimLabel(id, label);
  }
  setCheckworthy(id: string, checkworthy: boolean): boolean {
    return this.annotations.setCheckworthy(id, checkworthy);
  }
  toggleCheckworthy(): boolean {
    return this.annotations.toggleCheckworthy();
  }
  setQuoteForm(id: string, form: QuoteForm): boolean {
    return this.annotations.setQuoteForm(id, form);
  }
  addEvidence(id: string, evidence: Evidence): boolean {
    return this.annotations.addEvidence(id, evidence);
  }
  updateEvidence(id: string, index: number, evidence: Evidence): boolean {
    return this.annotations.updateEvidence(id, index, evidence);
  }
  removeEvidence(id: string, index: number): boolean {
    return this.annotations.removeEvidence(id, index);
  }
  setCueFromSelection(): boolean {
    return this.annotations.setCueFromSelection();
  }
  clearCue(id: string): boolean {
    return this.annotations.clearCue(id);
  }
  setNote(id: string, note: string): boolean {
    return this.annotations.setNote(id, note);
  }
  moveSelectedEdge(edge: 'start' | 'end', direction: 1 | -1): boolean {
    return this.annotations.moveSelectedEdge(edge, direction);
  }
  setSpanToSelection(): boolean {
    return this.annotations.setSpanToSelection();
  }
  changeKind(kind: AnnotationKind): boolean {
    return this.annotations.changeKind(kind);
  }

  // ---- speakers and claimants -----------------------------------------------------------------

  get lastSpeakerId(): ReadonlySignal<string | null> {
    return this.speakers.lastSpeakerId;
  }
  setSpeaker(id: string, speakerId: string | undefined): boolean {
    return this.speakers.setSpeaker(id, speakerId);
  }
  setClaimant(id: string, claimantId: string | undefined): boolean {
    return this.speakers.setClaimant(id, claimantId);
  }
  attributeToEntity(id: string, entity: Entity): boolean {
    return this.speakers.attributeToEntity(id, entity);
  }
  setSpeakerByName(id: string, name: string): boolean {
    return this.speakers.setSpeakerByName(id, name);
  }
  attributeFromSelection(): boolean {
    return this.speakers.attributeFromSelection();
  }
  lastSpeakerFor(quoteId: string): Entity | undefined {
    return this.speakers.lastSpeakerFor(quoteId);
  }
  attributeToLastSpeaker(): boolean {
    return this.speakers.attributeToLastSpeaker();
  }

  // ---- entities -------------------------------------------------------------------------------

  renameEntity(entityId: string, name: string): boolean {
    return this.entities.renameEntity(entityId, name);
  }
  setAliases(entityId: string, aliases: readonly string[]): boolean {
    return this.entities.setAliases(entityId, aliases);
  }
  setWikidata(entityId: string, input: string): boolean {
    return this.entities.setWikidata(entityId, input);
  }
  setEntityDescription(entityId: string, description: string): boolean {
    return this.entities.setEntityDescription(entityId, description);
  }
  setEntityType(entityId: string, type: string): boolean {
    return this.entities.setEntityType(entityId, type);
  }
  untaggedMentionCount(entityId: string): number {
    return this.entities.untaggedMentionCount(entityId);
  }
  tagAllMentions(entityId: string): boolean {
    return this.entities.tagAllMentions(entityId);
  }
  tagAllFromKey(): boolean {
    return this.entities.tagAllFromKey();
  }
  mergeEntity(fromId: string, intoId: string): boolean {
    return this.entities.mergeEntity(fromId, intoId);
  }
  deleteEntity(entityId: string): boolean {
    return this.entities.deleteEntity(entityId);
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
