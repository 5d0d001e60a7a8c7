import { signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { LayerChange } from '../../../shared/layer/layer-change.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { DocumentRecords } from '../model/document-records.ts';
import { highlightLook } from '../reader/annotation-appearance.ts';
import type { SpanHighlight, SuggestionSpan, TheirSpan } from '../reader/reader-layers.ts';
import type { ReaderView } from '../reader/reader-view.ts';

/**
 * What a session draws in its reader: the annotations' highlights (redrawn per change, only what
 * it touched), a colleague's layer under review and the machine suggestions; and the version
 * signals views follow to re-read the records.
 */
export class SessionDrawing {
  private view: ReaderView | null = null;
  /** A colleague's layer under review, drawn beside the annotations (empty when hidden). */
  private theirLayer: readonly TheirSpan[] = [];
  /** The machine suggestions shown (empty when hidden or none). */
  private suggestionLayer: readonly SuggestionSpan[] = [];
  private readonly tagsetState: Signal<Tagset>;
  private readonly versionState = signal(0);
  private readonly listVersionState = signal(0);
  private listUpdate: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly records: DocumentRecords,
    tagset: Tagset,
    /** The selected annotation's id, drawn outlined. */
    private readonly selectedId: () => string | null,
  ) {
    this.tagsetState = signal(tagset);
  }

  /** The reader drawing this session, if one is attached. */
  get reader(): ReaderView | null {
    return this.view;
  }

  /** The library's codebook (a signal: views that read it follow a change). */
  get tagset(): Tagset {
    return this.tagsetState.value;
  }

  /** Bumps on every change of the records, for views that inspect them. */
  get version(): ReadonlySignal<number> {
    return this.versionState;
  }

  /**
   * Follows `version` a moment later (after the change is drawn), for the lists: they can be long,
   * and a change should reach the article and the inspector without waiting for them.
   */
  get listVersion(): ReadonlySignal<number> {
    return this.listVersionState;
  }

  /** Attaches (or with null, detaches) the reader; the layers shown so far are drawn in it. */
  attach(reader: ReaderView | null): void {
    this.view = reader;
    if (reader && this.theirLayer.length > 0) reader.setTheirLayer(this.theirLayer);
    if (reader && this.suggestionLayer.length > 0) reader.setSuggestionLayer(this.suggestionLayer);
  }

  /** How one annotation is drawn now. */
  highlightOf(annotation: Annotation): SpanHighlight {
    const look = highlightLook(annotation, this.records, this.tagset, annotation.id === this.selectedId());
    return { id: annotation.id, start: annotation.target.start, end: annotation.target.end, look };
  }

  /** The highlights of every annotation, for a reader that is just starting. */
  initialHighlights(): SpanHighlight[] {
    return [...this.records.annotations()].map((annotation) => this.highlightOf(annotation));
  }

  /** The annotations a change touched: its own, and those referring to entities it changed. */
  touchedBy(change: LayerChange): Set<string> {
    const touched = new Set([...change.annotations.added, ...change.annotations.updated]);
    for (const entityId of change.entities.updated) {
      for (const id of this.records.referrersOf(entityId)) touched.add(id);
    }
    return touched;
  }

  /** Redraws the given annotations (those gone are skipped) and removes the highlights of `remove`. */
  redraw(ids: Iterable<string>, remove: readonly string[] = []): void {
    const draw: SpanHighlight[] = [];
    for (const id of new Set(ids)) {
      const annotation = this.records.annotation(id);
      if (annotation) draw.push(this.highlightOf(annotation));
    }
    this.view?.updateHighlights(remove, draw);
  }

  /** The records changed: views follow now, the lists a moment later. */
  noteChanged(): void {
    this.versionState.value += 1;
    if (this.listUpdate !== undefined) return;
    this.listUpdate = setTimeout(() => {
      this.listUpdate = undefined;
      this.listVersionState.value = this.versionState.value;
    }, 0);
  }

  /** Takes a changed codebook: every highlight is redrawn in its new colours, in one transaction. */
  replaceTagset(tagset: Tagset): void {
    this.tagsetState.value = tagset;
    const all = [...this.records.annotations()];
    this.view?.updateHighlights(
      all.map((annotation) => annotation.id),
      all.map((annotation) => this.highlightOf(annotation)),
    );
    this.noteChanged();
  }

  /** Draws a colleague's layer (review items) in the reader; an empty list hides it. */
  setTheirLayer(items: readonly TheirSpan[]): void {
    this.theirLayer = items;
    this.view?.setTheirLayer(items);
  }

  /** Draws the machine suggestions in the reader, apart from the annotations; an empty list hides them. */
  setSuggestionLayer(items: readonly SuggestionSpan[]): void {
    this.suggestionLayer = items;
    this.view?.setSuggestionLayer(items);
  }
}
