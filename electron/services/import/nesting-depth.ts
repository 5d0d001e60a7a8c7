import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';
import { ScholiaError } from '../../../shared/contract/errors.ts';

/**
 * How deep elements may nest in what is imported. jsdom's parser walks every ancestor of each node it
 * inserts and Readability reads each ancestor's whole text, so both grow with the square of the depth
 * (500 levels cost Readability 12 s, 10,000 overflow jsdom's stack). News pages nest 20 to 60 levels;
 * Chromium's own parser stops nesting at 512.
 */
export const MAX_NESTING_DEPTH = 256;

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

class TooDeep extends Error {}

/** The depth of a node: its ancestors walked up (a template's content counts from its template), up to `limit + 1` of them. */
function walkedDepth(node: object, templateOf: WeakMap<object, ParentNode>, limit: number): number {
  let depth = -1;
  for (
    let current: object | null | undefined = node;
    current && depth <= limit;
    current = (current as { parentNode?: ParentNode | null }).parentNode ?? templateOf.get(current)
  )
    depth += 1;
  return depth;
}

/**
 * A parse5 tree adapter that stops the parse as soon as an element lands deeper than `limit`: each
 * node's depth is its parent's plus one, remembered, and walked exactly only past the limit (the
 * adoption agency can move a subtree after its depth was taken). So the check is linear in the size
 * of the page however it nests, and parse5's own scans of its stack of open elements stay short.
 */
function depthLimitedAdapter(limit: number): TreeAdapter<DefaultTreeAdapterMap> {
  const templateOf = new WeakMap<object, ParentNode>();
  const depths = new WeakMap<object, number>();
  const placed = (parent: ParentNode, node: ChildNode) => {
    if (!('tagName' in node)) return;
    let depth = (depths.get(parent) ?? depths.get(templateOf.get(parent) ?? parent) ?? 0) + 1;
    if (depth > limit) depth = walkedDepth(node, templateOf, limit);
    if (depth > limit) throw new TooDeep();
    depths.set(node, depth);
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    appendChild(parent, node) {
      defaultTreeAdapter.appendChild(parent, node);
      placed(parent, node);
    },
    insertBefore(parent, node, reference) {
      defaultTreeAdapter.insertBefore(parent, node, reference);
      placed(parent, node);
    },
    setTemplateContent(template, content) {
      defaultTreeAdapter.setTemplateContent(template, content);
      templateOf.set(content, template);
    },
  };
  return adapter;
}

/** The deepest element of a parsed tree, walked without recursion (a template's content counts from its template). */
function deepestElement(document: DefaultTreeAdapterTypes.Document): number {
  let deepest = 0;
  const stack: [DefaultTreeAdapterTypes.Node, number][] = [[document, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > deepest) deepest = depth;
    if ('childNodes' in node) for (const child of node.childNodes) if ('tagName' in child) stack.push([child, depth + 1]);
    if ('content' in node) stack.push([node.content, depth]);
  }
  return deepest;
}

/** Whether HTML, parsed as a browser (and jsdom) would, has an element nested deeper than `limit`. */
export function nestsDeeperThan(html: string, limit = MAX_NESTING_DEPTH): boolean {
  try {
    // Depths taken during the parse can be stale after the adoption agency moved a subtree: the finished tree is measured again.
    return deepestElement(parse(html, { treeAdapter: depthLimitedAdapter(limit), scriptingEnabled: false })) > limit;
  } catch (error) {
    if (error instanceof TooDeep) return true;
    throw error;
  }
}

/** The text of page bytes for measuring their nesting: markup is ASCII in UTF-8 and every legacy encoding, so only UTF-16 (by its BOM) needs decoding. */
function markupText(source: Uint8Array | string): string {
  if (typeof source === 'string') return source;
  if (source[0] === 0xff && source[1] === 0xfe) return new TextDecoder('utf-16le').decode(source);
  if (source[0] === 0xfe && source[1] === 0xff) return new TextDecoder('utf-16be').decode(source);
  return Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('latin1');
}

/** Refuses HTML nested deeper than `MAX_NESTING_DEPTH`, before jsdom or Readability spend minutes on it. */
export function assertNestingDepth(source: Uint8Array | string, what = 'This page'): void {
  if (nestsDeeperThan(markupText(source))) {
    throw new ScholiaError(
      'unsupported-file',
      `${what} is nested too deeply to import safely: its elements go more than ${MAX_NESTING_DEPTH} levels deep.`,
    );
  }
}
