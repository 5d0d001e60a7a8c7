import { plainParagraph } from '../../../shared/import/reader-content.ts';
import { parsePlainText } from '../../../shared/text/plain-text.ts';
import type { ExtractedArticle } from './extracted-article.ts';

/** A plain-text article: paragraphs at blank lines, a leading `date YYYY-MM-DD` line its date. */
export function articleFromText(source: string): ExtractedArticle {
  const { blocks, published } = parsePlainText(source);
  return { meta: published ? { published } : {}, blocks: blocks.map(plainParagraph) };
}
