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
    expect(blocks[0]).toBe('Internal audit finds the harbour deepening project cost far more than announced, and that the board was told late.');
    expect(blocks).toContain('What the audit found');
    expect(blocks).toContain('variations worth £18m were approved without a board vote;');
    expect(blocks).toContain('We accept the findings in full, and we have already changed how large contracts are overseen.');
    expect(blocks.at(-1)).toBe("Read the full audit report on the authority's website.");
    expect(blocks).toHaveLength(16);
    for (const clutter of ['cookies', 'Subscribe', 'Advertisement', 'Share on', 'Related stories', 'Comments', 'harbourwatcher', 'Coastal Briefing', 'Privacy policy', 'By Inés', 'Tue 5 Mar', 'Ports\n']) {
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
    const marked = nodes.filter((node): node is Extract<ReaderNode, { type: 'text' }> => node.type === 'text' && (node.marks?.length ?? 0) > 0);
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
    for (const clutter of ['Zustimmen', 'Startseite', 'Meistgelesen', 'Anzeige', 'Teilen', 'Kommentare', 'Endlich', 'interessieren', 'Impressum', 'Von Jana']) {
      expect(document.text).not.toContain(clutter);
    }
  });

  it('reads a fragment with no article around it whole (a paste)', () => {
    const article = articleFromHtml('<p>One <b>short</b> note.</p><ul><li>first</li><li>second</li></ul>');
    expect(documentOfArticle(article).text).toBe('One short note.\n\nfirst\n\nsecond');
  });
});
