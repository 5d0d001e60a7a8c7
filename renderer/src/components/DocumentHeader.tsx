import type { DocumentMeta } from '../../../shared/model/document.ts';

/** The article's title, source, author and publication date. */
export function DocumentHeader({ meta }: { meta: DocumentMeta }) {
  const details = [meta.source, meta.author].filter((part): part is string => Boolean(part));
  return (
    <header class="doc-header">
      <h1 class="doc-heading">{meta.title}</h1>
      <p class="doc-byline">
        {details.map((detail) => (
          <span key={detail} class="byline-part">
            {detail}
          </span>
        ))}
        {meta.published ? (
          <span class="byline-part">
            Published <time dateTime={meta.published}>{meta.published}</time>
          </span>
        ) : (
          <span class="byline-part">No publication date</span>
        )}
        {meta.url ? (
          <span class="byline-part">
            <a href={meta.url} class="source-link" title={`${meta.url} (opens in your browser)`} onClick={openOutside}>
              Original article
            </a>
          </span>
        ) : null}
      </p>
    </header>
  );
}

/** The source link never navigates the app window; it opens outside it. */
function openOutside(event: MouseEvent): void {
  event.preventDefault();
  const href = (event.currentTarget as HTMLAnchorElement).href;
  if (/^https?:/iu.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
}
