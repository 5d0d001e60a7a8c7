import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReaderNode } from '../../../shared/model/content.ts';
import { documentOfArticle } from './import-article.ts';
import { articleFromHtml } from './html-article.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url));

function nodesOf(node: ReaderNode): ReaderNode[] {
  return [node, ...('content' in node && node.content ? node.content.flatMap(nodesOf) : [])];
}

describe('articleFromHtml on saved news pages', () => {
  it('keeps the article of a page with navigation, ads, share tools, related links, comments and a cookie banner, and nothing else', () => {
    const document = documentOfArticle(articleFromHtml(fixture('harbour-news.html')), { filename: 'harbour-news.html' });
    const blocks = document.text.split('\n\n');
    expect(blocks[0]).toBe(
      'Internal audit finds the harbour deepening project cost far more than announced, and that the board was told late.',
    );
    expect(blocks).toContain('What the audit found');
    expect(blocks).toContain('variations worth £18m were approved without a board vote;');
    expect(blocks).toContain('We accept the findings in full, and we have already changed how large contracts are overseen.');
    expect(blocks.at(-1)).toBe("Read the full audit report on the authority's website.");
    expect(blocks).toHaveLength(16);
    for (const clutter of [
      'cookies',
      'Subscribe',
      'Advertisement',
      'Share on',
      'Related stories',
      'Comments',
      'harbourwatcher',
      'Coastal Briefing',
      'Privacy policy',
      'By Inés',
      'Tue 5 Mar',
      'Ports\n',
    ]) {
      expect(document.text).not.toContain(clutter);
    }
  });

  it('takes title, authors, site, language, dates and the claimed address from JSON-LD, Open Graph and the canonical link', () => {
    const { meta } = articleFromHtml(fixture('harbour-news.html'));
    expect(meta).toEqual({
      title: 'Port authority admits dredging contract overran by £40m',
      author: 'Inés Álvarez, Tom Reddy',
      source: 'The Coastal Herald',
      published: '2024-03-05',
      updated: '2024-03-05',
      language: 'en-GB',
      canonicalUrl: 'https://www.coastalherald.example/news/2024/mar/05/port-dredging-overrun',
    });
  });

  it('maps headings, lists, the block quote, emphasis and links to the reader schema', () => {
    const { content } = documentOfArticle(articleFromHtml(fixture('harbour-news.html')));
    const nodes = nodesOf(content);
    expect(nodes.filter((node) => node.type === 'heading').map((node) => node.type === 'heading' && node.attrs.level)).toEqual([2, 2]);
    expect(nodes.filter((node) => node.type === 'bullet_list')).toHaveLength(1);
    expect(nodes.filter((node) => node.type === 'ordered_list')).toHaveLength(1);
    expect(nodes.filter((node) => node.type === 'blockquote')).toHaveLength(1);
    const marked = nodes.filter(
      (node): node is Extract<ReaderNode, { type: 'text' }> => node.type === 'text' && (node.marks?.length ?? 0) > 0,
    );
    expect(marked.map((node) => [node.text, node.marks?.[0]?.type])).toEqual([
      ['£40m more', 'strong'],
      ['Herald', 'em'],
      ['full audit report', 'link'],
    ]);
    expect(marked[2]?.marks?.[0]).toEqual({ type: 'link', attrs: { href: 'https://www.eastmouth-harbour.example/audit-2024.pdf' } });
  });

  it('reads a page of plain meta tags (author, Dublin Core date, og:site_name) in another language', () => {
    const article = articleFromHtml(fixture('city-desk.html'));
    const document = documentOfArticle(article);
    expect(document.meta).toEqual({
      title: 'Neue Straßenbahnlinie soll 2027 fahren',
      author: 'Jana Köhler',
      source: 'Stadtanzeiger Nord',
      published: '2023-09-18',
      language: 'de',
    });
    const blocks = document.text.split('\n\n');
    expect(blocks[0]).toMatch(/^Die geplante Straßenbahnlinie 7/u);
    expect(blocks).toContain('Bauarbeiten ab Frühjahr');
    expect(blocks.at(-1)).toMatch(/verkehr@stadt-nord\.example gestellt werden\.$/u);
    expect(blocks).toHaveLength(5);
    for (const clutter of [
      'Zustimmen',
      'Startseite',
      'Meistgelesen',
      'Anzeige',
      'Teilen',
      'Kommentare',
      'Endlich',
      'interessieren',
      'Impressum',
      'Von Jana',
    ]) {
      expect(document.text).not.toContain(clutter);
    }
  });

  it('reads a fragment with no article around it whole (a paste)', () => {
    const article = articleFromHtml('<p>One <b>short</b> note.</p><ul><li>first</li><li>second</li></ul>');
    expect(documentOfArticle(article).text).toBe('One short note.\n\nfirst\n\nsecond');
  });
});

/** A page of one article: `head` and `around` (markup before the article) vary, the prose is fixed. */
function newsPage(options: { htmlClass?: string; head?: string; before?: string; article?: string; after?: string } = {}): string {
  const prose = [
    'The regional transport board approved a plan on Monday to replace the oldest buses in its fleet with electric ones over the next four years, at a cost of about 90 million.',
    'Board members said the new buses would cut fuel costs and noise on the busiest routes, and that drivers had been consulted on the design of the cabins.',
    'The first twenty vehicles are expected to arrive in the spring, and the depot in the east of the city will be fitted with chargers over the winter months.',
  ];
  const article = options.article ?? prose.map((text) => `<p>${text}</p>`).join('');
  return `<!doctype html><html lang="en"${options.htmlClass ? ` class="${options.htmlClass}"` : ''}><head><title>Board approves electric buses</title>${options.head ?? ''}</head><body>${options.before ?? ''}<article><h1>Board approves electric buses</h1>${article}</article>${options.after ?? ''}</body></html>`;
}

describe('articleFromHtml on the structures of real news pages (findings of the outside review)', () => {
  it('imports a page whose <html> classes contain "byline" (a New York Times flag) instead of removing the whole document', () => {
    const html = newsPage({
      htmlClass: 'story nytapp-vi-article flag-limitFabrikSave-on flag-simpleExtendedByline-on',
      before: '<p class="c-byline__name">By Ana Ruiz</p>',
    });
    const document = documentOfArticle(articleFromHtml(html));
    expect(document.text).toMatch(/^The regional transport board approved a plan/u);
    expect(document.text).not.toContain('By Ana Ruiz');
  });

  it('never removes a container that holds the article because its class words say "meta" or "timestamp"', () => {
    const html = newsPage({ article: '', after: '' }).replace(
      '<article><h1>Board approves electric buses</h1></article>',
      `<div class="post-meta-container timestamp-aware"><article><h1>Board approves electric buses</h1>${'<p>The depot in the east of the city will be fitted with chargers over the winter months, the board said on Monday evening.</p>'.repeat(4)}</article></div>`,
    );
    expect(documentOfArticle(articleFromHtml(html)).text.split('\n\n')).toHaveLength(4);
  });

  it('takes the byline over a meta author that is a "Follow @handle" button (a Washington Post page)', () => {
    const html = newsPage({
      head: '<meta name="author" content="Follow @anaruiz">',
      before:
        '<div class="author-byline">By <span class="author-name">Ana Ruiz</span> <a class="author-follow" href="https://social.example/anaruiz">Follow @anaruiz</a></div>',
    });
    expect(articleFromHtml(html).meta.author).toBe('Ana Ruiz');
  });

  it('never takes the section name for the author (a CNET page whose meta author is "Tech Industry")', () => {
    const html = newsPage({
      head: '<meta name="author" content="Tech Industry"><meta property="article:section" content="Tech Industry">',
      before: '<div class="c-globalAuthor"><a href="/profiles/steven-musil/">Steven Musil</a></div>',
    });
    expect(articleFromHtml(html).meta.author).toBe('Steven Musil');
  });

  it('keeps a figure caption apart from the body as a caption block', () => {
    const html = newsPage({
      article:
        '<p>The regional transport board approved a plan on Monday to replace the oldest buses in its fleet with electric ones over the next four years.</p><figure><img src="bus.jpg" alt=""><figcaption>One of the new buses on a trial run in June.</figcaption></figure><p>Board members said the new buses would cut fuel costs and noise on the busiest routes, and that drivers had been consulted.</p><p>The first twenty vehicles are expected to arrive in the spring, and the depot will be fitted with chargers over the winter.</p>',
    });
    const { content } = documentOfArticle(articleFromHtml(html));
    const captions = nodesOf(content).filter((node) => node.type === 'caption');
    expect(captions).toEqual([{ type: 'caption', content: [{ type: 'text', text: 'One of the new buses on a trial run in June.' }] }]);
    expect(content.content.filter((node) => node.type === 'paragraph')).toHaveLength(3);
  });

  it('drops a "More on this story" list of links, inside the article or beside it', () => {
    const related =
      '<section><h2>More on this story</h2><ul><li><a href="/a">Bus fares to rise in April</a></li><li><a href="/b">Depot plans approved</a></li></ul></section>';
    const html = newsPage({ article: `${newsPage().match(/<p>.*<\/p>/u)?.[0] ?? ''}${related}` });
    const { text } = documentOfArticle(articleFromHtml(html));
    expect(text).not.toContain('More on this story');
    expect(text).not.toContain('Bus fares to rise');
    expect(text.split('\n\n')).toHaveLength(3);
  });

  it('strips the site or author a title carries ("… | Author", "… - The Site")', () => {
    const withAuthor = newsPage({
      head: '<meta property="og:title" content="Board approves electric buses | Eleanor Ainge Roy"><meta name="author" content="Eleanor Ainge Roy">',
    });
    expect(articleFromHtml(withAuthor).meta.title).toBe('Board approves electric buses');
    const withSite = newsPage({
      head: '<meta property="og:title" content="Board approves electric buses - The Capital Post"><meta property="og:site_name" content="Capital Post">',
    });
    expect(articleFromHtml(withSite).meta.title).toBe('Board approves electric buses');
    const repeated = newsPage({ head: '<meta property="og:title" content="Broadcast News · Broadcast News">' });
    expect(articleFromHtml(repeated).meta.title).toBe('Board approves electric buses');
  });

  it('stores the last-updated date beside the published one', () => {
    const html = newsPage({
      head: '<meta property="article:published_time" content="2024-03-05T06:00:00Z"><meta property="article:modified_time" content="2024-03-07T10:00:00Z">',
    });
    expect(documentOfArticle(articleFromHtml(html)).meta).toMatchObject({ published: '2024-03-05', updated: '2024-03-07' });
  });

  it('keeps the address a page was fetched from as its url, and the address it claims apart as canonicalUrl', () => {
    const html = newsPage({ head: '<link rel="canonical" href="https://claimed.example/story">' });
    const { meta } = articleFromHtml(html, { url: 'https://mirror.example/copy-of-story' });
    expect(meta.url).toBe('https://mirror.example/copy-of-story');
    expect(meta.canonicalUrl).toBe('https://claimed.example/story');
    expect(articleFromHtml(html).meta.url).toBeUndefined();
  });
});
