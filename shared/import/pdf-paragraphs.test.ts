import { describe, expect, it } from 'vitest';
import { joinLines, pdfBlocks, type PdfPage, type PdfTextRun } from './pdf-paragraphs.ts';
import type { LooseBlock } from './reader-content.ts';

const SIZE = 10;
const LEADING = 14;

/** A page of lines set at `x` from the top down; each line is one run a column wide. */
function page(
  columns: { x: number; width: number; top: number; lines: string[] }[],
  furniture: { header?: string; footer?: string } = {},
): PdfPage {
  const runs: PdfTextRun[] = [];
  for (const column of columns)
    column.lines.forEach((text, index) =>
      runs.push({ text, x: column.x, baseline: column.top + index * LEADING, width: text === '' ? 0 : column.width, size: SIZE }),
    );
  if (furniture.header) runs.push({ text: furniture.header, x: 200, baseline: 30, width: 120, size: 8 });
  if (furniture.footer) runs.push({ text: furniture.footer, x: 280, baseline: 820, width: 30, size: 8 });
  return { width: 595, height: 842, runs };
}

const textOf = (blocks: LooseBlock[]) =>
  blocks.map((block) =>
    block.type === 'paragraph' || block.type === 'heading' ? block.inline.map((run) => run.text).join('') : block.type,
  );

describe('pdfBlocks', () => {
  it('joins lines into paragraphs, splits at a wider gap, and drops a running header and page numbers', () => {
    const pages = [1, 2, 3].map((number) =>
      page(
        [
          {
            x: 60,
            width: 470,
            top: 100,
            lines: [`Page ${number} opens with a line that runs the full width of`, 'the column and ends here.'],
          },
        ],
        { header: 'The Gazette — Regional news', footer: String(number) },
      ),
    );
    expect(textOf(pdfBlocks(pages))).toEqual([
      'Page 1 opens with a line that runs the full width of the column and ends here.',
      'Page 2 opens with a line that runs the full width of the column and ends here.',
      'Page 3 opens with a line that runs the full width of the column and ends here.',
    ]);
  });

  it('reads two columns left then right, below a heading that spans both', () => {
    const heading: PdfTextRun = { text: 'Council approves budget', x: 60, baseline: 80, width: 400, size: 20 };
    const twoColumns = page([
      { x: 60, width: 220, top: 120, lines: ['Left column first line runs', 'on to its second line.', '', 'Left second paragraph.'] },
      { x: 320, width: 220, top: 120, lines: ['Right column first line', 'continues here.', '', 'Right second paragraph.'] },
    ]);
    twoColumns.runs.push(heading);
    expect(textOf(pdfBlocks([twoColumns]))).toEqual([
      'Council approves budget',
      'Left column first line runs on to its second line.',
      'Left second paragraph.',
      'Right column first line continues here.',
      'Right second paragraph.',
    ]);
    expect(pdfBlocks([twoColumns])[0]).toMatchObject({ type: 'heading', level: 1 });
  });
});

describe('joinLines', () => {
  it('rejoins words broken by a typesetter’s hyphen or a hyphen before lower case, and keeps other breaks a space', () => {
    expect(joinLines('the inter\u2010', 'governmental board')).toBe('the intergovernmental board');
    expect(joinLines('the inter\u00ad', 'governmental board')).toBe('the intergovernmental board');
    expect(joinLines('a well-', 'known fact')).toBe('a wellknown fact');
    expect(joinLines('the North-', 'East')).toBe('the North- East');
    expect(joinLines('one line', 'and the next')).toBe('one line and the next');
  });
});
