import type { TextSpan } from './selection-span.ts';

const MATCH = 'scholia-find-match';
const CURRENT = 'scholia-find-current';

/**
 * Find-in-article matches drawn with the CSS Custom Highlight API: no element is added to the
 * article, so ProseMirror's DOM and the annotation highlights are left alone. Where the API is
 * missing, nothing is drawn (the find bar still moves the selection from match to match).
 */
export class FindHighlights {
  constructor(private readonly rangeFor: (span: TextSpan) => Range | null) {}

  private get registry(): HighlightRegistry | null {
    return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  }

  show(matches: readonly TextSpan[], current: number): void {
    const registry = this.registry;
    if (!registry) return;
    const others: Range[] = [];
    let currentRange: Range | null = null;
    matches.forEach((span, index) => {
      const range = this.rangeFor(span);
      if (!range) return;
      if (index === current) currentRange = range;
      else others.push(range);
    });
    registry.set(MATCH, new Highlight(...others));
    if (currentRange) registry.set(CURRENT, new Highlight(currentRange));
    else registry.delete(CURRENT);
  }

  clear(): void {
    this.registry?.delete(MATCH);
    this.registry?.delete(CURRENT);
  }
}
