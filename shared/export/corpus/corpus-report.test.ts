import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { corpusSampleDocuments, corpusSampleSelection } from '../../testing/corpus-sample.ts';
import { renderCorpusHtmlReport } from './corpus-html-report.ts';
import { renderCorpusMarkdownReport } from './corpus-markdown-report.ts';
import { buildCorpusReport } from './corpus-report-model.ts';

const documents = corpusSampleDocuments();

/** "Every claim rated false": the selection a search for `kind:claim verdict:false` gives. */
function falseClaims() {
  const selection = corpusSampleSelection(documents);
  selection.documents = selection.documents.map((entry) => ({
    ...entry,
    annotations: entry.annotations.filter((a) => a.kind === 'claim' && a.status === 'false'),
  }));
  return selection;
}

describe('buildCorpusReport', () => {
  it('counts the selection by kind and verdict, and keeps the articles that hold an annotation', () => {
    const model = buildCorpusReport(corpusSampleSelection(documents));
    expect(model.counts).toMatchObject({
      articles: 3,
      annotations: 15,
      claims: 3,
      quotes: 4,
      speakers: 2,
      mentions: 6,
      entities: 4,
      notes: 2,
    });
    expect(model.counts.claimsByVerdict.map(({ verdict, count }) => [verdict.label, count])).toEqual([
      ['Unverified', 1],
      ['False', 2],
    ]);
    const onlyFalse = buildCorpusReport(falseClaims(), { scope: 'Search: kind:claim verdict:false' });
    expect(onlyFalse.articles.map((a) => a.documentId)).toEqual(['doc-summit', 'doc-kyiv']);
    expect(onlyFalse.articles.map((a) => a.report.sections)).toEqual([['claims'], ['claims']]);
  });

  it('gives entries anchors numbered on across articles, so each is unique, and numbers each kind anew in every article', () => {
    const model = buildCorpusReport(corpusSampleSelection(documents));
    const orders = model.articles.flatMap((a) => a.report.marks.map((m) => m.order));
    expect(orders).toEqual(orders.map((_, i) => i + 1));
    for (const article of model.articles) {
      const claims = article.report.marks.filter((m) => m.kind === 'claim').map((m) => m.tag);
      expect(claims).toEqual(claims.map((_, i) => `C${i + 1}`));
    }
  });
});

describe('renderCorpusHtmlReport', () => {
  const html = renderCorpusHtmlReport(buildCorpusReport(falseClaims(), { scope: 'Search: kind:claim verdict:false' }));
  const page = new JSDOM(html).window.document;

  it('heads each article with its title, source, date and link, then its claims with verdict, claimant, evidence and note', () => {
    expect([...page.querySelectorAll('section.corpus-article h2')].map((h) => h.textContent)).toEqual([
      'Summit in Brussels: “a turning point” 🇪🇺',
      'Визит в Київ — Metsola in Kyiv',
    ]);
    const first = page.querySelector('#d1');
    expect(first?.querySelector('.meta')?.textContent).toContain('Le Soir');
    expect(first?.querySelector('.meta')?.textContent).toContain('12 January 2026');
    expect(first?.querySelector('.meta a')?.getAttribute('href')).toBe('https://example.org/le-soir/summit');
    const claim = first?.querySelector('li.entry');
    expect(claim?.textContent).toContain('90 % of Europeans back the plan');
    expect(claim?.querySelector('.badge')?.textContent).toBe('False');
    expect(claim?.textContent).toContain('Claimant: Roberta Metsola');
    expect(claim?.querySelector('.evidence a')?.getAttribute('href')).toBe('https://example.org/eurobarometer');
    expect(claim?.querySelector('.note')?.textContent).toContain('No poll says 90 %');
    expect(page.querySelector('#d2')?.textContent).toContain('Claimant: Ana Ñúñez');
  });

  it('opens with a summary: the selection, counts, verdicts and a linked list of the articles', () => {
    expect(page.querySelector('header')?.textContent).toContain('Search: kind:claim verdict:false');
    expect(page.querySelector('.figures')?.textContent).toContain('2 articles');
    expect(page.querySelector('.verdicts')?.textContent).toBe('False 2');
    expect([...page.querySelectorAll('.contents a')].map((a) => a.getAttribute('href'))).toEqual(['#d1', '#d2']);
    const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is self-contained: its only style admitted by hash, no script', () => {
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(
      /^default-src 'none'; style-src 'sha256-/u,
    );
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('renderCorpusMarkdownReport', () => {
  it('has the summary, then a heading per article with its sections, every text escaped', () => {
    const markdown = renderCorpusMarkdownReport(buildCorpusReport(corpusSampleSelection(documents)));
    const tokens = new MarkdownIt().parse(markdown, {});
    const headings = tokens
      .map((token, i) => (token.type === 'heading_open' ? `${token.tag} ${tokens[i + 1]?.content}` : undefined))
      .filter(Boolean);
    expect(headings.filter((h) => h?.startsWith('h2 '))).toEqual([
      'h2 Summary',
      'h2 1. Summit in Brussels: “a turning point” 🇪🇺',
      'h2 2. Визит в Київ — Metsola in Kyiv',
      'h2 3. Budget talks stall',
    ]);
    expect(markdown).toContain('Verdict: **False**');
    expect(markdown).toContain('#### Roberta Metsola (1 quote)');
    expect(markdown).toContain('> No poll says 90 %;\n> the latest has 61 %, "support" as asked.');
    expect(markdown).not.toContain('<script');
  });
});

describe('the corpus report and accepted annotations', () => {
  it('names the colleagues whose annotations were accepted, with how many, across the articles', () => {
    const selection = corpusSampleSelection(documents);
    let taken = 0;
    selection.documents = selection.documents.map((entry) => ({
      ...entry,
      annotations: entry.annotations.map((a) =>
        a.kind === 'claim' && taken++ < 2 ? { ...a, acceptedFrom: { annotator: 'Bob', at: '2026-12-03T10:00:00.000Z' } } : a,
      ),
    }));
    const model = buildCorpusReport(selection);
    expect(model.acceptedFrom).toEqual([{ annotator: 'Bob', count: 2 }]);
    expect(renderCorpusHtmlReport(model)).toContain('Bob (2 annotations)');
    expect(renderCorpusMarkdownReport(model)).toContain('- **Accepted from:** Bob (2 annotations)');
    expect(buildCorpusReport(corpusSampleSelection(documents)).acceptedFrom).toEqual([]);
  });
});
