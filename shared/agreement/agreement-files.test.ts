import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { AnnotatorItems } from './agreement-items.ts';
import { agreementJson, renderAgreementHtml } from './agreement-files.ts';
import { computeAgreement } from './agreement-report.ts';
import { FIGURE_EXPLANATIONS } from './figure-explanations.ts';

const a: AnnotatorItems = { name: 'Ana <b>', items: [{ id: 'a1', kind: 'claim', start: 0, end: 10, label: 'true' }] };
const b: AnnotatorItems = { name: 'Bo & "co"', items: [{ id: 'b1', kind: 'claim', start: 0, end: 10, label: 'false' }] };
const c: AnnotatorItems = { name: 'Cy', items: [{ id: 'c1', kind: 'claim', start: 2, end: 10, label: 'true' }] };
const meta = {
  title: 'War <script>alert(1)</script> & peace',
  fingerprint: `sha256:${'0'.repeat(64)}`,
  generatedAt: '2026-02-01T10:30:00.000Z',
  placement: [{ annotator: 'Bo & "co"', exact: 1, moved: 0, fuzzy: 0, orphaned: 0 }],
};

describe('the agreement report files', () => {
  const report = computeAgreement([a, b, c], 100);

  it('writes HTML that escapes every text, runs nothing and admits only its own stylesheet', () => {
    const html = renderAgreementHtml(report, meta);
    expect(html).not.toMatch(/<script/iu);
    expect(html).toContain('War &lt;script&gt;alert(1)&lt;/script&gt; &amp; peace');
    expect(html).toContain('Ana &lt;b&gt;');
    expect(html).toContain('Bo &amp; &quot;co&quot;');
    const style = /<style>([\s\S]*?)<\/style>/u.exec(html)?.[1] ?? '';
    const hash = Buffer.from(sha256(utf8ToBytes(style))).toString('base64');
    expect(html).toContain(`style-src &#39;sha256-${hash}&#39;`);
    expect(html).not.toMatch(/ style="/u);
    for (const line of Object.values(FIGURE_EXPLANATIONS)) expect(html).toContain(line.replace(/&/gu, '&amp;'));
    expect(html).toContain('3 of 3 annotators');
  });

  it('writes JSON with the figures, the explanations and where they come from', () => {
    const data = JSON.parse(agreementJson(report, meta));
    expect(data).toMatchObject({
      format: 'scholia-agreement',
      version: 1,
      document: { title: meta.title, textLength: 100 },
      placement: meta.placement,
    });
    expect(data.pairs).toHaveLength(3);
    expect(data.explanations.kappa).toBe(FIGURE_EXPLANATIONS.kappa);
  });
});
