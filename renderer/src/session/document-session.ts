import { batch, signal } from '@preact/signals';
import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import type { Annotation, AnnotationKind, QuoteForm } from '../../../shared/model/annotation.ts';
import type { DocumentMeta, ScholiaDocument } from '../../../shared/model/document.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { makeTarget } from '../../../shared/text/target.ts';
import type { ApiClient } from '../api/api-client.ts';
import { AnnotationCommands, type SaveState } from '../commands/annotation-commands.ts';
import { deleteAnnotationOps, replaceAnnotationOps } from '../model/annotation-edits.ts';
import { findEntityNamed, newAnnotationOps, speakerEntityType, type Authoring } from '../model/annotation-factory.ts';
import { DocumentRecords, type RecordChange } from '../model/document-records.ts';
import { highlightLook } from '../reader/annotation-appearance.ts';
import { innermostFirst, neighbourInReadingOrder, pickAnnotation, type AnnotationSpan } from '../reader/annotation-picking.ts';
import type { ReaderView, SpanHighlight } from '../reader/reader-view.ts';
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
  /** Where the caret is in the text (null when the article holds no selection); for "at this spot". */
  readonly caret = signal<number | null>(null);
  readonly saveState = signal<SaveState>({ pending: 0, error: null });
  private reader: ReaderView | null = null;
  private revision: number;
  private lastChange: RecordChange | null = null;
  private listUpdate: ReturnType<typeof setTimeout> | undefined;

  constructor(
    document: ScholiaDocument,
    readonly tagset: Tagset,
    private readonly api: ApiClient,
    private readonly author: () => string,
    private readonly report: Report,
  ) {
    this.id = document.id;
    this.meta = document.meta;
    this.text = document.text;
    this.content = document.content;
    this.revision = document.revision;
    this.records = new DocumentRecords(document.annotations, document.entities);
    this.commands = new AnnotationCommands(this.records, (ops) => this.save(ops), {
      onRecordsChange: (change) => this.redraw(change),
      onStateChange: (state) => {
        if (state.error && state.error !== this.saveState.value.error) this.report('error', `Not saved: ${state.error} The change was taken back.`);
        this.saveState.value = state;
      },
    });
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

  /** Redraws just what a change touched: its annotations, and the annotations of entities it changed. */
  private redraw(change: RecordChange): void {
    this.lastChange = change;
    const touched = new Set([...change.annotations.added, ...change.annotations.updated]);
    if (change.entities.updated.length > 0) {
      const entityIds = new Set(change.entities.updated);
      for (const annotation of this.records.annotations()) {
        const refs = annotation.kind === 'entity' ? [annotation.entityId] : annotation.kind === 'quote' ? [annotation.speakerId] : [];
        if (refs.some((ref) => ref !== undefined && entityIds.has(ref))) touched.add(annotation.id);
      }
    }
    batch(() => {
      const selected = this.selectedId.value;
      if (selected && !this.records.annotation(selected)) this.selectedId.value = null;
      const inspected = this.inspectedEntityId.value;
      if (inspected && !this.records.entity(inspected)) this.inspectedEntityId.value = null;
      this.version.value += 1;
    });
    this.redrawIds(touched, change.annotations.removed);
    this.scheduleListUpdate();
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

  /** Marks the selected text as a new annotation and selects it. False when no usable text is selected. */
  markSelection(kind: AnnotationKind): boolean {
    const span = this.reader?.selectedSpan() ?? null;
    if (!span) {
      this.report('info', 'Select some text in the article first.');
      return false;
    }
    const target = makeTarget(this.text, span.start, span.end);
    const created = newAnnotationOps(kind, target, { tagset: this.tagset, entities: this.records.entities() }, this.authoring());
    if (!this.commands.run(KIND_VERBS[kind], created.ops)) return false;
    this.reader?.clearTextSelection();
    this.select(created.annotationId);
    return true;
  }

  deleteSelected(): boolean {
    const id = this.selectedId.value;
    if (!id) return false;
    return this.commands.run('Delete annotation', deleteAnnotationOps(this.records, id));
  }

  undo(): boolean {
    return this.replay(() => this.commands.undo());
  }

  redo(): boolean {
    return this.replay(() => this.commands.redo());
  }

  /** Runs an undo or redo and selects what it brought back or changed. */
  private replay(step: () => boolean): boolean {
    this.lastChange = null;
    if (!step()) return false;
    const change = this.lastChange as RecordChange | null;
    const focus = change?.annotations.added[0] ?? change?.annotations.updated[0];
    if (focus) this.select(focus, { reveal: true });
    return true;
  }

  /** Replaces an annotation with an edited copy (its `modified` time set now). */
  private edit(id: string, label: string, change: (annotation: Annotation) => Annotation | null, extraOps: AnnotationOp[] = []): boolean {
    const current = this.records.annotation(id);
    if (!current) return false;
    const next = change(current);
    if (!next) return false;
    const updated = { ...next, modified: new Date().toISOString() } as Annotation;
    return this.commands.run(label, [...extraOps, ...replaceAnnotationOps(this.records, updated)]);
  }

  setVerdict(id: string, status: string): boolean {
    return this.edit(id, 'Set verdict', (a) => (a.kind === 'claim' && a.status !== status ? { ...a, status } : null));
  }

  /** Sets (or with undefined, clears) a claim's type from the tagset's claim labels. */
  setClaimLabel(id: string, label: string | undefined): boolean {
    return this.edit(id, 'Set claim type', (a) => {
      if (a.kind !== 'claim' || a.label === label) return null;
      const { label: _previous, ...rest } = a;
      return label ? { ...rest, label } : rest;
    });
  }

  setCheckworthy(id: string, checkworthy: boolean): boolean {
    return this.edit(id, 'Set worth checking', (a) => (a.kind === 'claim' && (a.checkworthy ?? false) !== checkworthy ? { ...a, checkworthy } : null));
  }

  setQuoteForm(id: string, form: QuoteForm): boolean {
    return this.edit(id, 'Set quote form', (a) => (a.kind === 'quote' && a.form !== form ? { ...a, form } : null));
  }

  /** Sets (or with undefined, clears) a quote's speaker. */
  setSpeaker(id: string, speakerId: string | undefined): boolean {
    return this.edit(id, 'Set speaker', (a) => {
      if (a.kind !== 'quote' || a.speakerId === speakerId) return null;
      const { speakerId: _previous, ...rest } = a;
      return speakerId ? { ...rest, speakerId } : rest;
    });
  }

  /** Makes a quote's speaker the entity of that name, registering a new person if there is none. */
  setSpeakerByName(id: string, name: string): boolean {
    const clean = name.replace(/\s+/gu, ' ').trim();
    if (!clean) return false;
    const existing = findEntityNamed(this.records.entities(), clean);
    if (existing) return this.setSpeaker(id, existing.id);
    const entity: Entity = { id: crypto.randomUUID(), name: clean, type: speakerEntityType(this.tagset), aliases: [] };
    return this.edit(
      id,
      'Add speaker',
      (a) => {
        if (a.kind !== 'quote') return null;
        return { ...a, speakerId: entity.id };
      },
      [{ op: 'entity.add', entity }],
    );
  }

  /** Sets an annotation's note; an empty note removes it. */
  setNote(id: string, note: string): boolean {
    const value = note.trim() ? note : undefined;
    return this.edit(id, 'Edit note', (a) => {
      if (a.note === value) return null;
      const { note: _previous, ...rest } = a;
      return (value === undefined ? rest : { ...rest, note: value }) as Annotation;
    });
  }

  private editEntity(entityId: string, label: string, change: (entity: Entity) => Entity | null): boolean {
    const current = this.records.entity(entityId);
    const next = current ? change(current) : null;
    return next ? this.commands.run(label, [{ op: 'entity.update', entity: next }]) : false;
  }

  /** Renames an entity; a former name that occurs in the article is kept as an alias, so later mentions still match. */
  renameEntity(entityId: string, name: string): boolean {
    const clean = name.replace(/\s+/gu, ' ').trim();
    if (!clean) {
      this.report('error', 'An entity needs a name.');
      return false;
    }
    return this.editEntity(entityId, 'Rename entity', (entity) => {
      if (entity.name === clean) return null;
      const keepOld = this.text.includes(entity.name) && !entity.aliases.includes(entity.name);
      const aliases = [...entity.aliases, ...(keepOld ? [entity.name] : [])].filter((alias) => alias !== clean);
      return { ...entity, name: clean, aliases };
    });
  }

  setEntityType(entityId: string, type: string): boolean {
    return this.editEntity(entityId, 'Set entity type', (entity) => (entity.type !== type ? { ...entity, type } : null));
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
