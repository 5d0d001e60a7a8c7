import MarkdownIt from 'markdown-it';
import { safeHttpUrl } from './html-escape.ts';

// A claim's rationale is Markdown-lite: paragraphs, emphasis, links and lists, nothing more. It is
// rendered by markdown-it from its "zero" preset with only those rules on and HTML off, so a tag
// typed into a rationale is shown as text, never run; links keep to http(s).

const markdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'list',
  'emphasis',
  'link',
  'linkify',
  'newline',
  'escape',
  'entity',
]);
markdown.validateLink = (url) => safeHttpUrl(url) !== undefined;
const defaultLinkOpen = markdown.renderer.rules.link_open;
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index]?.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen ? defaultLinkOpen(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
};

/** A rationale as safe HTML: its paragraphs, emphasis, http(s) links and lists; any HTML in it escaped. */
export function rationaleHtml(source: string): string {
  return markdown.render(source).trim();
}

/** A rationale as plain text for formats without markup (DOCX, ClaimReview's `reviewBody`): emphasis marks dropped, links as "text (url)". */
export function rationaleText(source: string): string {
  const paragraphs: string[] = [];
  let line = '';
  for (const block of markdown.parse(source, {})) {
    if (block.type === 'inline') {
      let href: string | undefined;
      for (const token of block.children ?? []) {
        if (token.type === 'text') line += token.content;
        else if (token.type === 'softbreak' || token.type === 'hardbreak') line += '\n';
        else if (token.type === 'link_open') href = String(token.attrGet('href') ?? '') || undefined;
        else if (token.type === 'link_close' && href) {
          if (!line.endsWith(href)) line += ` (${href})`;
          href = undefined;
        }
      }
    } else if (block.type === 'list_item_open') {
      line += block.info ? `${block.info}. ` : '• ';
    } else if (block.type === 'paragraph_close' && line) {
      paragraphs.push(line);
      line = '';
    }
  }
  return paragraphs.join('\n').trim();
}
