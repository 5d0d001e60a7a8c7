import type { Node as PmNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** One of a colleague's placed items, drawn in the reader: its ProseMirror range and a tooltip. */
export interface TheirHighlight {
  id: string;
  from: number;
  to: number;
  /** Extra classes, such as `ann-theirs-conflict`. */
  className: string;
  title?: string;
}

/** A change to their drawn layer: ids to take away, items to draw (replacing any with the same id). */
export interface TheirChange {
  remove?: readonly string[];
  draw?: readonly TheirHighlight[];
}

export interface TheirLayerState {
  decorations: DecorationSet;
  ranges: ReadonlyMap<string, { from: number; to: number }>;
}

export const theirLayerKey = new PluginKey<TheirLayerState>('scholiaTheirLayer');

interface TheirSpec {
  reviewItemId: string;
}

function decorationFor(item: TheirHighlight): Decoration {
  const attrs: Record<string, string> = { nodeName: 'span', class: `ann-theirs ${item.className}`.trim(), 'data-review-item-id': item.id };
  if (item.title) attrs['title'] = item.title;
  const spec: TheirSpec = { reviewItemId: item.id };
  return Decoration.inline(item.from, item.to, attrs, spec);
}

/** Applies a change incrementally: only the decorations of the ids named are removed and added. */
export function applyTheirChange(state: TheirLayerState, change: TheirChange, doc: PmNode): TheirLayerState {
  let decorations = state.decorations;
  const ranges = new Map(state.ranges);
  const removeIds = new Set([...(change.remove ?? []), ...(change.draw ?? []).map((item) => item.id)]);
  for (const id of removeIds) {
    const range = ranges.get(id);
    if (!range) continue;
    const found = decorations.find(range.from, range.to, (spec) => (spec as Partial<TheirSpec>).reviewItemId === id);
    if (found.length > 0) decorations = decorations.remove(found);
    ranges.delete(id);
  }
  const added: Decoration[] = [];
  for (const item of change.draw ?? []) {
    const from = Math.max(0, item.from);
    const to = Math.min(doc.content.size, item.to);
    if (to <= from) continue;
    added.push(decorationFor({ ...item, from, to }));
    ranges.set(item.id, { from, to });
  }
  if (added.length > 0) decorations = decorations.add(doc, added);
  return { decorations, ranges };
}

export function withTheirChange(tr: Transaction, change: TheirChange): Transaction {
  return tr.setMeta(theirLayerKey, change);
}

export function theirLayerState(state: EditorState): TheirLayerState {
  return theirLayerKey.getState(state) ?? { decorations: DecorationSet.empty, ranges: new Map() };
}

/** The colleague's layer under review: its own decoration set, changed by `{ remove, draw }` metas like the annotations'. */
export function theirLayerPlugin(): Plugin<TheirLayerState> {
  return new Plugin<TheirLayerState>({
    key: theirLayerKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, ranges: new Map() }),
      apply(tr, value, _old, newState) {
        const change = tr.getMeta(theirLayerKey) as TheirChange | undefined;
        const mapped = tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        return change ? applyTheirChange(mapped, change, newState.doc) : mapped;
      },
    },
    props: { decorations: (state) => theirLayerKey.getState(state)?.decorations ?? DecorationSet.empty },
  });
}
