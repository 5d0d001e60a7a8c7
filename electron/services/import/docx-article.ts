import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { DocumentMeta } from '../../../shared/model/document.ts';
import { assertDocxWithinLimits } from './docx-archive.ts';
import { blocksOfArticleHtml } from './html-article.ts';
import { parseHtmlPage } from './html-dom.ts';
import { isoDay } from './html-metadata.ts';
import { titleFromLeadingHeading, type ExtractedArticle } from './extracted-article.ts';
import { assertNestingDepth } from './nesting-depth.ts';

const DC = 'http://purl.org/dc/elements/1.1/';
const DCTERMS = 'http://purl.org/dc/terms/';

/** Title, author and date from the package's `docProps/core.xml`, when it has them and they can be read (they are optional). */
function coreProperties(bytes: Uint8Array): Partial<DocumentMeta> {
  let document: Document;
  try {
    const core = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' })['docProps/core.xml'];
    if (!core) return {};
    document = parseHtmlPage(strFromU8(core), { contentType: 'application/xml' }).window.document;
  } catch {
    return {};
  }
  const value = (namespace: string, name: string) => document.getElementsByTagNameNS(namespace, name)[0]?.textContent?.trim() || undefined;
  const title = value(DC, 'title');
  const author = value(DC, 'creator');
  const published = isoDay(value(DCTERMS, 'created'));
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(published ? { published } : {}) };
}

/** Images are left out of the article: mammoth is not to read them (by default it inlines each as base64). */
const noImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * A Word document: refused first if it would unpack to more than an import can hold (see
 * `assertDocxWithinLimits`), then converted by mammoth (headings, paragraphs, lists, emphasis and
 * links by their Word styles), sanitised and mapped; its title, author and date from the package's
 * properties, or its title from a leading Heading 1 / Title paragraph.
 */
export async function articleFromDocx(bytes: Uint8Array, name: string): Promise<ExtractedArticle> {
  await assertDocxWithinLimits(bytes, name);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: [
          "p[style-name='Title'] => h1:fresh",
          "p[style-name='Subtitle'] => h2:fresh",
          "p[style-name='Quote'] => blockquote > p:fresh",
          "p[style-name='Intense Quote'] => blockquote > p:fresh",
        ],
        convertImage: noImage,
      },
    );
    html = result.value;
  } catch (error) {
    throw new ScholiaError(
      'unsupported-file',
      `${name} could not be read as a Word document (${error instanceof Error ? error.message : String(error)}). It may be damaged or cut short.`,
    );
  }
  assertNestingDepth(html, name);
  return titleFromLeadingHeading({ meta: coreProperties(bytes), blocks: blocksOfArticleHtml(html) });
}
