import createDOMPurify from 'dompurify';
import type { JSDOM } from 'jsdom';
import { assertNestingDepth } from './nesting-depth.ts';

/** The markup the reader schema can show; everything else is dropped (its text kept where it is text). */
const READER_TAGS = [
  'p',
  'div',
  'section',
  'article',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'code',
  'br',
  'hr',
  'em',
  'i',
  'cite',
  'strong',
  'b',
  'a',
  'span',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'q',
  'time',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'details',
  'summary',
];
const READER_ATTRIBUTES = ['href', 'start'];

/**
 * Sanitises HTML with DOMPurify in the page's own jsdom window and returns the clean body: only the
 * tags the reader schema maps, only `href` and `start` attributes, no script, handler, style, frame,
 * SVG, MathML or form, and no link but http(s) and mailto. It runs before any mapping, so what the
 * mapping sees is already inert. Markup nested deeper than `MAX_NESTING_DEPTH` is refused first.
 */
export function sanitizedBody(dom: JSDOM, html: string): Node {
  assertNestingDepth(html);
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  return purify.sanitize(html, {
    ALLOWED_TAGS: READER_TAGS,
    ALLOWED_ATTR: READER_ATTRIBUTES,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/iu,
    ALLOW_DATA_ATTR: false,
    KEEP_CONTENT: true,
    ADD_FORBID_CONTENTS: ['iframe', 'object', 'embed', 'select', 'textarea', 'button', 'form', 'nav', 'aside', 'footer'],
    RETURN_DOM: true,
  });
}
