import type { Node as PmNode } from 'prosemirror-model';

/** One textblock: where its text starts in the canonical text and where its content starts in the ProseMirror doc. */
interface BlockSpan {
  textStart: number;
  pmStart: number;
  length: number;
}

/** The two-way map between ProseMirror positions and offsets into a document's canonical text. */
export class TextMap {
  private constructor(
    private readonly blocks: readonly BlockSpan[],
    /** The canonical text the doc displays. */
    readonly text: string,
  ) {}

  /**
   * Builds the map by walking the doc's textblocks in order; they must carry exactly the blocks of
   * `text` (joined by `separator`), which is checked, so offsets and display can never drift apart.
   */
  static build(doc: PmNode, text: string, separator = '\n\n'): TextMap {
    const blocks: BlockSpan[] = [];
    let textStart = 0;
    let mismatch: string | null = null;
    doc.descendants((node, pos) => {
      if (mismatch !== null) return false;
      if (!node.isTextblock) return true;
      const blockText = node.textContent;
      if (blocks.length > 0) {
        if (text.slice(textStart, textStart + separator.length) !== separator) mismatch = `no block separator at ${textStart}`;
        textStart += separator.length;
      }
      if (text.slice(textStart, textStart + blockText.length) !== blockText) mismatch = `block ${blocks.length + 1} differs from the text`;
      blocks.push({ textStart, pmStart: pos + 1, length: blockText.length });
      textStart += blockText.length;
      return false;
    });
    if (mismatch === null && textStart !== text.length) mismatch = 'the text is longer than the displayed article';
    if (mismatch !== null) throw new TextMapError(`The article's display and its text disagree: ${mismatch}.`);
    return new TextMap(blocks, text);
  }

  /** The last block starting at or before `key` (by `field`), with the one after it. */
  private blockAt(key: number, field: 'textStart' | 'pmStart'): { block: BlockSpan; next: BlockSpan | undefined } | null {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let found: number | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const block = this.blocks[mid];
      if (block && block[field] <= key) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const block = found === null ? undefined : this.blocks[found];
    return found !== null && block ? { block, next: this.blocks[found + 1] } : null;
  }

  /**
   * The ProseMirror position of a text offset. An offset inside a block separator goes to the start
   * of the next block (`bias` 1, for span starts) or the end of the previous one (`bias` -1, for ends).
   */
  toPos(offset: number, bias: 1 | -1 = 1): number {
    const found = this.blockAt(offset, 'textStart');
    if (!found) return this.blocks[0]?.pmStart ?? 0;
    const { block, next } = found;
    const inside = offset - block.textStart;
    if (inside <= block.length) return block.pmStart + inside;
    return bias === 1 && next ? next.pmStart : block.pmStart + block.length;
  }

  /**
   * The text offset of a ProseMirror position. A position between blocks goes to the start of the
   * next block (`bias` 1) or the end of the previous one (`bias` -1).
   */
  toOffset(pos: number, bias: 1 | -1 = 1): number {
    const found = this.blockAt(pos, 'pmStart');
    if (!found) return 0;
    const { block, next } = found;
    const inside = pos - block.pmStart;
    if (inside <= block.length) return block.textStart + inside;
    return bias === 1 && next ? next.textStart : block.textStart + block.length;
  }
}

export class TextMapError extends Error {}
