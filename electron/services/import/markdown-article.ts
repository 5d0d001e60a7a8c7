import MarkdownIt from 'markdown-it';
import { splitLeadingDate } from '../../../shared/text/plain-text.ts';
import { blocksOfArticleHtml } from './html-article.ts';
import { titleFromLeadingHeading, type ExtractedArticle } from './extracted-article.ts';

/** CommonMark with tables and strikethrough; raw HTML in the source is shown as text, never parsed. */
const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false });

/** A Markdown article: rendered by markdown-it, sanitised and mapped; a leading `date YYYY-MM-DD` line is its date, a leading `# heading` its title. */
export function articleFromMarkdown(source: string): ExtractedArticle {
  const { body, published } = splitLeadingDate(source);
  const blocks = blocksOfArticleHtml(markdown.render(body));
  return titleFromLeadingHeading({ meta: published ? { published } : {}, blocks });
}
