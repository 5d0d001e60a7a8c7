import type { LooseBlock } from '../../../shared/import/reader-content.ts';
import type { DocumentMeta } from '../../../shared/model/document.ts';

/** What an importer finds in a source: the article's blocks and what the source says about it. */
export interface ExtractedArticle {
  meta: Partial<DocumentMeta>;
  blocks: LooseBlock[];
}

function textOfBlock(block: LooseBlock | undefined): string {
  if (!block || (block.type !== 'heading' && block.type !== 'paragraph')) return '';
  return block.inline
    .map((run) => run.text)
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Takes a leading top-level heading as the title of a file that names none (Markdown, Word, PDF):
 * it becomes the title and leaves the body, which the reader shows under the title anyway.
 */
export function titleFromLeadingHeading(article: ExtractedArticle): ExtractedArticle {
  const [first, ...rest] = article.blocks;
  const heading = first?.type === 'heading' && first.level <= 1 ? textOfBlock(first) : '';
  if (article.meta.title || heading === '' || heading.length > 300 || rest.length === 0) return article;
  return { meta: { ...article.meta, title: heading }, blocks: rest };
}

/** Drops a leading heading that only repeats the title the page's metadata gave. */
export function withoutRepeatedTitle(article: ExtractedArticle): ExtractedArticle {
  const [first, ...rest] = article.blocks;
  const title = article.meta.title?.replace(/\s+/gu, ' ').trim().toLowerCase();
  if (first?.type !== 'heading' || !title || textOfBlock(first).toLowerCase() !== title || rest.length === 0) return article;
  return { ...article, blocks: rest };
}
