import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ScholiaDocument } from '../model/document.ts';
import { DEFAULT_TAGSET, type Tagset } from '../model/tagset.ts';
import { annotatedSampleDocument, documentFromRawText } from '../testing/annotated-sample.ts';
import { escapeMarkdown, renderMarkdownReport } from './markdown-report.ts';
import { buildReport } from './report-model.ts';

const sample = annotatedSampleDocument(readFileSync(new URL('../../assets/sample-article.txt', import.meta.url), 'utf8'));

describe('renderMarkdownReport', () => {
  const markdown = renderMarkdownReport(buildReport(sample, DEFAULT_TAGSET, { generatedAt: '2026-02-01T10:30:00.000Z' }));

  it('holds the same sections as the HTML report, in the same order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Summary', '## Article', '## Claims', '## Quotes, by speaker', '## Entities', '## Notes']);
  });

  it('marks every annotated span in the article with its number, and lists each entry once, in order', () => {
    const article = markdown.slice(markdown.indexOf('## Article'), markdown.indexOf('## Claims'));
    const markers = [...article.matchAll(/⟧\\\[([CQEN]\d+)\\\]/gu)].map((m) => m[1]);
    expect(markers).toHaveLength(sample.annotations.length);
    for (const [letter, kind] of [
      ['C', 'claim'],
      ['Q', 'quote'],
      ['E', 'entity'],
      ['N', 'note'],
    ] as const) {
      const count = sample.annotations.filter((a) => a.kind === kind).length;
      const numbers = markers.filter((m) => m?.startsWith(letter)).map((m) => Number(m?.slice(1)));
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
    expect((article.match(/⟦/gu) ?? []).length).toBe((article.match(/⟧/gu) ?? []).length);
    const claims = markdown.slice(markdown.indexOf('## Claims'), markdown.indexOf('## Quotes'));
    const claimNumbers = [...claims.matchAll(/^\*\*C(\d+)\.\*\*/gmu)].map((m) => Number(m[1]));
    expect(claimNumbers).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(claims).toContain('Verdict: **Mixed**');
    expect(claims).toContain('[Outage log](<https://example.org/status/ep-outage>)');
  });

  it('escapes text that would otherwise become Markdown or HTML', () => {
    expect(escapeMarkdown('<script>alert(1)</script> *bold* [x](javascript:y)')).toBe(
      '\\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](javascript:y)',
    );
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    const hostile = documentFromRawText('# Not a heading <img src=x onerror=alert(1)>', '<b>Title</b>');
    const out = renderMarkdownReport(buildReport(hostile, DEFAULT_TAGSET, {}));
    expect(out).toContain('# \\<b\\>Title\\</b\\>');
    expect(out).toContain('\\# Not a heading \\<img src=x onerror=alert(1)\\>');
  });

  describe('one-line fields with line breaks', () => {
    /** Every field that is one line in the report, set to `value(field)`; notes too, which are quoted line by line. */
    function withFields(value: (field: string) => string, note: (field: string) => string): { document: ScholiaDocument; tagset: Tagset } {
      const document: ScholiaDocument = {
        ...sample,
        meta: { ...sample.meta, title: value('Title'), source: value('Source'), author: value('Author') },
        entities: sample.entities.map((entity, i) => ({
          ...entity,
          name: value(`Name${i}`),
          aliases: [value(`Alias${i}`)],
          description: value(`Description${i}`),
        })),
        annotations: sample.annotations.map((annotation, i) => {
          const changed = { ...annotation, tags: [value(`Tag${i}`), value(`Other${i}`)], note: note(`Note${i}`) };
          return changed.kind === 'claim'
            ? {
                ...changed,
                evidence: [
                  { url: 'https://example.org/e', title: value(`Evidence${i}`), note: value(`EvidenceNote${i}`) },
                  { url: value(`Url${i}`) },
                ],
              }
            : changed;
        }),
      };
      const tagset: Tagset = {
        ...DEFAULT_TAGSET,
        verdicts: DEFAULT_TAGSET.verdicts.map((verdict) => ({ ...verdict, label: value(`Verdict-${verdict.id}`) })),
        entityTypes: DEFAULT_TAGSET.entityTypes.map((type) => ({ ...type, label: value(`Type-${type.id}`) })),
      };
      return { document, tagset };
    }

    /** The block structure markdown-it reads: every block token's type and nesting, without the inline text. */
    function blocks(markdown: string): string[] {
      return new MarkdownIt()
        .parse(markdown, {})
        .filter((token) => token.type !== 'inline')
        .map((token) => `${token.type}:${token.tag}:${token.level}`);
    }

    const render = ({ document, tagset }: { document: ScholiaDocument; tagset: Tagset }) =>
      renderMarkdownReport(buildReport(document, tagset, { generatedAt: '2026-02-01T10:30:00.000Z', annotator: 'Desk' }));
    const benign = render(
      withFields(
        (field) => `Plain ${field}`,
        (field) => `Plain ${field}`,
      ),
    );

    it.each([
      ['a heading', '\n# Forged heading'],
      ['a heading after a blank line', '\n\n# Forged heading'],
      ['a list item after a lone CR', '\r- Forged item'],
      ['an ordered list', '\n\n1. Forged item'],
      ['a setext heading', '\n=====\n'],
      ['a thematic break', '\n\n---\n\n'],
      ['an indented code block', '\n\n    Forged code'],
      ['a fenced code block', '\n```\nForged code\n```'],
      ['a block quote', '\n> Forged quote'],
      ['raw HTML', '\n<div>Forged</div>'],
      ['a Unicode line separator', '\u2028# Forged heading\u2029- Forged item'],
    ])('cannot inject %s into the report', (_name, hostile) => {
      const markdown = render(
        withFields(
          (field) => `Plain ${field}${hostile}`,
          (field) => `Plain ${field}${hostile.replace(/\n\n/gu, '\n')}`,
        ),
      );
      expect(blocks(markdown)).toEqual(blocks(benign));
      const tokens = new MarkdownIt().parse(markdown, {});
      // No heading of its own, and nothing starts a block but the report's own text.
      const headings = tokens
        .filter((token, i) => token.type === 'inline' && tokens[i - 1]?.type === 'heading_open')
        .map((token) => token.content);
      expect(headings.some((heading) => heading.startsWith('Forged'))).toBe(false);
      expect(tokens.some((token) => token.type === 'inline' && /^(Forged|=====|---)/u.test(token.content))).toBe(false);
      expect(tokens.some((token) => ['code_block', 'fence', 'hr', 'html_block'].includes(token.type))).toBe(false);
    });

    it('keeps the words: a name with a line break is joined by a space on one line', () => {
      const markdown = render(
        withFields(
          (field) => `Plain\n# ${field}`,
          (field) => `Plain ${field}`,
        ),
      );
      expect(markdown).toContain('### Plain \\# Name0');
      expect(markdown).toContain('Tags: Plain \\# Tag0, Plain \\# Other0');
    });
  });
});
