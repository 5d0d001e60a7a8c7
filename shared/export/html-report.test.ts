import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/annotation.ts';
import type { ScholiaDocument } from '../model/document.ts';
import { DEFAULT_TAGSET } from '../model/tagset.ts';
import { annotatedSampleDocument, documentFromRawText } from '../testing/annotated-sample.ts';
import { makeTarget } from '../text/target.ts';
import { renderHtmlReport } from './html-report.ts';
import { buildReport, compareAnnotations } from './report-model.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));
const GENERATED = '2026-02-01T10:30:00.000Z';

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (current: Node) => {
    if ('tagName' in current) found.push(current);
    const children = 'childNodes' in current ? current.childNodes : [];
    // <template> content is a separate fragment.
    const content = 'content' in current ? [current.content as Node] : [];
    for (const child of [...children, ...content]) walk(child);
  };
  walk(node);
  return found;
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function byId(root: Node, id: string): Element | undefined {
  return elements(root).find((element) => attr(element, 'id') === id);
}

function highlightClassOf(annotation: Annotation, document: ScholiaDocument): string {
  switch (annotation.kind) {
    case 'claim':
      return `hl-claim c-${annotation.status}`;
    case 'quote':
      return `hl-quote q-${annotation.form}`;
    case 'entity':
      return `hl-entity t-${document.entities.find((e) => e.id === annotation.entityId)?.type}`;
    case 'note':
      return 'hl-note';
  }
}

/** For every character of the article as rendered, the sorted highlight classes around it. */
function renderedHighlights(article: Element): { text: string; classes: string[][] } {
  const blocks = article.childNodes.filter((node): node is Element => 'tagName' in node);
  let text = '';
  const classes: string[][] = [];
  blocks.forEach((block, index) => {
    if (index > 0) {
      text += '\n\n';
      classes.push([], []);
    }
    const walk = (node: Node, around: string[]) => {
      if (node.nodeName === '#text') {
        const value = (node as DefaultTreeAdapterMap['textNode']).value;
        text += value;
        for (let i = 0; i < value.length; i++) classes.push([...around].sort());
        return;
      }
      if (!('tagName' in node)) return;
      if (node.tagName === 'sup') return;
      const cls = attr(node, 'class');
      const next = node.tagName === 'span' && cls?.startsWith('hl-') ? [...around, cls] : around;
      for (const child of node.childNodes) walk(child, next);
    };
    walk(block, []);
  });
  return { text, classes };
}

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(buildReport(sample, DEFAULT_TAGSET, { annotator: 'A. Analyst', generatedAt: GENERATED }));
  const root = parse(html);
  const all = elements(root);

  it('highlights every annotation over exactly its span, overlaps included', () => {
    const article = all.find((e) => attr(e, 'class') === 'article');
    if (!article) throw new Error('no article');
    const rendered = renderedHighlights(article);
    expect(rendered.text).toBe(sample.text);
    const perUnit: string[][] = Array.from({ length: sample.text.length }, () => []);
    for (const annotation of sample.annotations) {
      for (let i = annotation.target.start; i < annotation.target.end; i++) {
        if (sample.text.slice(i, i + 2) === '\n\n' || sample.text.slice(i - 1, i + 1) === '\n\n') continue;
        perUnit[i]?.push(highlightClassOf(annotation, sample));
      }
    }
    expect(rendered.classes).toEqual(perUnit.map((list) => list.sort()));
    // The sample really nests: a mention inside a claim inside a quote.
    expect(rendered.classes.some((list) => list.length >= 3)).toBe(true);
  });

  it('numbers each kind in its own sequence in text order (C1, C2…, Q1…), each marker linking to its entry and back', () => {
    const ordered = [...sample.annotations].sort(compareAnnotations);
    const markers = all.filter((e) => e.tagName === 'sup' && attr(e, 'class')?.startsWith('marker'));
    expect(markers).toHaveLength(sample.annotations.length);
    const letters = { claim: 'C', quote: 'Q', entity: 'E', note: 'N' } as const;
    const seen = { claim: 0, quote: 0, entity: 0, note: 0 };
    const expected = ordered.map((annotation) => `${letters[annotation.kind]}${++seen[annotation.kind]}`);
    expect(markers.map((m) => textOf(m)).sort()).toEqual([...expected].sort());
    ordered.forEach((annotation, i) => {
      const n = i + 1;
      const entry = byId(root, `a${n}`);
      expect(entry, `entry ${n}`).toBeDefined();
      if (!entry) return;
      const marker = byId(root, `m${n}`);
      expect(marker && textOf(marker)).toBe(expected[i]);
      expect(marker && elements(marker).some((e) => attr(e, 'href') === `#a${n}`)).toBe(true);
      if (annotation.kind !== 'entity') {
        expect(textOf(entry)).toContain(annotation.target.exact.replace(/^"|"$/gu, ''));
        expect(elements(entry).some((e) => attr(e, 'href') === `#m${n}`)).toBe(true);
      } else {
        expect(attr(entry, 'href')).toBe(`#m${n}`);
      }
    });
    const claimsSection = byId(root, 'claims');
    const claimNumbers = claimsSection
      ? elements(claimsSection)
          .filter((e) => attr(e, 'class')?.startsWith('num'))
          .map(textOf)
      : [];
    expect(claimNumbers).toEqual(claimNumbers.map((_, i) => `C${i + 1}`));
  });

  it('lists the claims, quotes and notes sections in text order', () => {
    for (const section of ['claims', 'notes']) {
      const element = byId(root, section);
      if (!element) throw new Error(section);
      const ids = elements(element)
        .filter((e) => e.tagName === 'li' && attr(e, 'id'))
        .map((e) => Number(attr(e, 'id')?.slice(1)));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    const quotes = byId(root, 'quotes');
    if (!quotes) throw new Error('quotes');
    const speakers = elements(quotes)
      .filter((e) => e.tagName === 'h3')
      .map((e) => textOf(e));
    expect(speakers.map((s) => s.replace(/\s*\d+ quotes?$/u, ''))).toEqual(['Roberta Metsola', 'Jaume Duch', 'MEPs', 'No speaker named']);
  });

  it('shows the header, legend and summary counts', () => {
    const header = textOf(all.find((e) => e.tagName === 'header') as Element);
    expect(header).toContain('European Parliament website hit by cyberattack');
    expect(header).toContain('23 November 2022');
    expect(header).toContain('A. Analyst');
    expect(header).toContain('1 February 2026, 10:30 UTC');
    const legend = textOf(all.find((e) => attr(e, 'class') === 'legend') as Element);
    for (const label of ['True', 'Mixed', 'Unverified', 'Direct quote', 'Indirect quote', 'Person', 'Organisation', 'Note'])
      expect(legend).toContain(label);
    const summary = textOf(byId(root, 'summary') as Element);
    expect(summary).toMatch(/7\s*claims/u);
    expect(summary).toMatch(/2\s*notes/u);
  });

  it('is self-contained: a CSP meta that admits only its own stylesheet, by hash', () => {
    const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
    const policy = csp ? (attr(csp, 'content') ?? '') : '';
    expect(policy).toContain("default-src 'none'");
    const style = all.find((e) => e.tagName === 'style');
    const css = style ? textOf(style) : '';
    const hash = Buffer.from(sha256(new TextEncoder().encode(css))).toString('base64');
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
    expect(all.filter((e) => ['script', 'link', 'img', 'iframe'].includes(e.tagName))).toEqual([]);
    expect(all.filter((e) => attr(e, 'style') !== undefined)).toEqual([]);
  });

  it('leaves out what the options turn off and filters claims by verdict', () => {
    const report = buildReport(sample, DEFAULT_TAGSET, {
      sections: ['claims', 'notes'],
      verdicts: ['true'],
      includeArticle: false,
      generatedAt: GENERATED,
    });
    const filtered = parse(renderHtmlReport(report));
    expect(byId(filtered, 'article')).toBeUndefined();
    expect(byId(filtered, 'quotes')).toBeUndefined();
    expect(byId(filtered, 'summary')).toBeUndefined();
    const claims = elements(byId(filtered, 'claims') as Element).filter((e) => e.tagName === 'li' && attr(e, 'class') === 'entry');
    expect(claims).toHaveLength(2);
    expect(textOf(claims[0] as Element)).toContain('became temporarily unavailable');
    expect(textOf(filtered)).toContain('only those rated True');
  });
});

describe('renderHtmlReport on hostile text', () => {
  const raw = [
    'date 2024-05-01 Breaking: <script>alert("pwned")</script> was found in the feed.',
    'An image <img src=x onerror=alert(1)> and a link <a href="javascript:alert(2)">click</a> followed.',
    'Plain text javascript:alert(3) and onerror= and onload="x" and </p></main><script>document.write(1)</script>.',
  ].join('\n\n');
  const base = documentFromRawText(raw, 'Title </title><script>alert(4)</script>');
  const text = base.text;
  const at = (exact: string) => {
    const start = text.indexOf(exact);
    return makeTarget(text, start, start + exact.length);
  };
  const stamp = '2026-01-31T09:00:00.000Z';
  const common = { author: '<img src=x onerror=alert(5)>', created: stamp, modified: stamp };
  const document: ScholiaDocument = {
    ...base,
    meta: { ...base.meta, source: '<b onmouseover="alert(6)">Feed</b>', url: 'https://example.org/?q="><script>alert(7)</script>' },
    entities: [
      {
        id: 'e1',
        name: '<svg onload=alert(8)>',
        type: 'person',
        aliases: ['" onfocus="alert(9)'],
        description: '<iframe src="javascript:alert(10)">',
      },
    ],
    annotations: [
      {
        ...common,
        id: 'c1',
        kind: 'claim',
        target: at('<script>alert("pwned")</script>'),
        status: 'false',
        claimantId: 'e1',
        note: '<a href="javascript:alert(11)">see</a>',
        // Evidence is validated as http(s) on the way in; the renderer must not trust that.
        evidence: [{ url: 'javascript:alert(12)', title: 'evil' }, { url: 'https://example.org/"onmouseover="alert(13)' }],
      },
      {
        ...common,
        id: 'q1',
        kind: 'quote',
        target: at('<img src=x onerror=alert(1)>'),
        form: 'direct',
        speakerId: 'e1',
        tags: ['<style>*{}</style>'],
      },
      { ...common, id: 'm1', kind: 'entity', target: at('javascript:alert(3)'), entityId: 'e1' },
      {
        ...common,
        id: 'n1',
        kind: 'note',
        target: at('</p></main><script>document.write(1)</script>'),
        note: '<script>alert(14)</script>',
      },
    ],
  };
  const html = renderHtmlReport(buildReport(document, DEFAULT_TAGSET, { annotator: '<script>', generatedAt: stamp }));
  const root = parse(html);
  const all = elements(root);

  it('has no script elements, no event handler attributes and no javascript: URLs', () => {
    expect(all.filter((e) => e.tagName === 'script')).toEqual([]);
    expect(all.flatMap((e) => e.attrs.filter((a) => a.name.startsWith('on')))).toEqual([]);
    const urls = all.flatMap((e) =>
      e.attrs.filter((a) => ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)).map((a) => a.value),
    );
    expect(urls.filter((url) => !/^(#|https?:)/u.test(url.trim()))).toEqual([]);
    expect(all.filter((e) => ['iframe', 'img', 'svg', 'object', 'embed'].includes(e.tagName))).toEqual([]);
    expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1);
  });

  it('shows the hostile text as text', () => {
    const shown = textOf(root);
    expect(shown).toContain('<script>alert("pwned")</script>');
    expect(shown).toContain('<img src=x onerror=alert(1)>');
    expect(shown).toContain('javascript:alert(3)');
    expect(shown).toContain('<svg onload=alert(8)>');
    expect(shown).toContain('<script>alert(14)</script>');
    const title = all.find((e) => e.tagName === 'title');
    expect(title && textOf(title)).toContain('</title><script>alert(4)</script>');
  });

  it('turns a non-http evidence URL into plain text', () => {
    const links = all.filter((e) => e.tagName === 'a').map((e) => attr(e, 'href') ?? '');
    expect(links).not.toContain('javascript:alert(12)');
    expect(links.filter((href) => href.startsWith('https:'))).toContain('https://example.org/"onmouseover="alert(13)');
  });
});
