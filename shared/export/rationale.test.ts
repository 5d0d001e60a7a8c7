import { describe, expect, it } from 'vitest';
import { rationaleHtml, rationaleText } from './rationale.ts';

describe('a rationale in a report', () => {
  it('renders paragraphs, emphasis, links and lists', () => {
    const html = rationaleHtml('The **ONS** says *3 per cent*: [series](https://www.ons.gov.uk/x).\n\n- not 12\n- see 2025');
    expect(html).toContain('<strong>ONS</strong>');
    expect(html).toContain('<em>3 per cent</em>');
    expect(html).toContain('<a href="https://www.ons.gov.uk/x" rel="noopener noreferrer">series</a>');
    expect(html).toContain('<ul>\n<li>not 12</li>');
  });

  it('keeps a script, raw HTML and a javascript: link as text', () => {
    const html = rationaleHtml('<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> [click](javascript:alert(3))');
    expect(html).not.toMatch(/<script|<img|href="javascript/iu);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('turns no headings, images or code into markup: only the Markdown-lite rules apply', () => {
    const html = rationaleHtml('# Title\n\n![x](https://e.org/a.png) `code`');
    expect(html).not.toMatch(/<h1|<img|<code/u);
  });

  it('reads as plain text for formats without markup', () => {
    expect(rationaleText('The **ONS** says [so](https://ons.gov.uk/).\n\n1. one\n2. two')).toBe(
      'The ONS says so (https://ons.gov.uk/).\n1. one\n2. two',
    );
    expect(rationaleText('<b>bold</b>')).toBe('<b>bold</b>');
  });
});
