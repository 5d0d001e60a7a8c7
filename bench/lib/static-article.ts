import type { Annotation } from '../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&quot;'));
}

function markOpen(annotation: Annotation): string {
  return `<mark class="ann ann-${annotation.kind}" data-annotation-id="${escapeHtml(annotation.id)}">`;
}

/**
 * The article as static HTML with every annotation as `<mark>` elements, split and nested where
 * annotations overlap exactly as the reader splits its highlights: each stretch of text between two
 * annotation edges is wrapped in one mark per annotation covering it, outermost first. One `<p>` per
 * block of the text (the generated articles are plain paragraphs).
 */
export function staticArticleHtml(document: ScholiaDocument): string {
  const sorted = [...document.annotations].sort((a, b) => a.target.start - b.target.start || b.target.end - a.target.end);
  const parts: string[] = ['<div class="reader-text">'];
  let next = 0;
  let active: Annotation[] = [];
  let blockStart = 0;
  for (const block of document.text.split('\n\n')) {
    const blockEnd = blockStart + block.length;
    active = active.filter((annotation) => annotation.target.end > blockStart);
    const inBlock: Annotation[] = [...active];
    while (next < sorted.length && (sorted[next] as Annotation).target.start < blockEnd) inBlock.push(sorted[next++] as Annotation);
    active = inBlock.filter((annotation) => annotation.target.end > blockEnd);
    const edges = new Set<number>([blockStart, blockEnd]);
    for (const { target } of inBlock) {
      if (target.start > blockStart) edges.add(target.start);
      if (target.end < blockEnd) edges.add(target.end);
    }
    const cuts = [...edges].sort((a, b) => a - b);
    parts.push('<p>');
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i] as number;
      const to = cuts[i + 1] as number;
      const covering = inBlock.filter((annotation) => annotation.target.start <= from && annotation.target.end >= to);
      parts.push(covering.map(markOpen).join(''), escapeHtml(document.text.slice(from, to)), '</mark>'.repeat(covering.length));
    }
    parts.push('</p>');
    blockStart = blockEnd + 2;
  }
  parts.push('</div>');
  return parts.join('');
}
