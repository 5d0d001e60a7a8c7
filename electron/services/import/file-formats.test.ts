import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { ReaderNode } from '../../../shared/model/content.ts';
import { documentFromSource } from './import-article.ts';
import { articlePdf, HYPHENATED_WORD } from './testing/pdf-fixtures.ts';

function nodesOf(node: ReaderNode): ReaderNode[] {
  return [node, ...('content' in node && node.content ? node.content.flatMap(nodesOf) : [])];
}

const fromFile = (name: string, bytes: Uint8Array | string) =>
  documentFromSource({ kind: 'file', name, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes });

describe('plain text and Markdown', () => {
  it('splits plain text at blank lines and takes a leading date line as the published date', async () => {
    const { document, format } = await fromFile(
      'ceasefire_talks.txt',
      'date 2024-03-02\nTalks resumed in Cairo\non Saturday.\n\nBoth sides said little.',
    );
    expect(format).toBe('text');
    expect(document.meta).toEqual({ title: 'ceasefire talks', published: '2024-03-02' });
    expect(document.text).toBe('Talks resumed in Cairo on Saturday.\n\nBoth sides said little.');
  });

  it('maps Markdown headings, lists, quotes, emphasis and links; raw HTML stays text, never markup', async () => {
    const markdown =
      'date 2023-05-01\n# Water bills to rise\n\nThe regulator said bills would rise by *8%* on average, [its statement](https://regulator.example/statement) shows.\n\n## Why\n\n> Costs have gone up, said the regulator.\n\n1. Energy\n2. Chemicals\n\n<script>alert(1)</script> and [bad](javascript:alert(1)) links.\n';
    const { document, format } = await fromFile('bills.md', markdown);
    expect(format).toBe('markdown');
    expect(document.meta).toEqual({ title: 'Water bills to rise', published: '2023-05-01' });
    expect(document.text.split('\n\n')).toEqual([
      'The regulator said bills would rise by 8% on average, its statement shows.',
      'Why',
      'Costs have gone up, said the regulator.',
      'Energy',
      'Chemicals',
      '<script>alert(1)</script> and [bad](javascript:alert(1)) links.',
    ]);
    const types = nodesOf(document.content).map((node) => node.type);
    expect(types).toEqual(expect.arrayContaining(['heading', 'blockquote', 'ordered_list', 'list_item']));
    const links = nodesOf(document.content)
      .flatMap((node) => (node.type === 'text' ? (node.marks ?? []) : []))
      .filter((mark) => mark.type === 'link');
    expect(links).toEqual([{ type: 'link', attrs: { href: 'https://regulator.example/statement' } }]);
  });
});

describe('Word documents', () => {
  it('reads headings, paragraphs, emphasis, links and lists by their styles, and the title and author from the properties', async () => {
    const docx = new Document({
      title: 'Hospital waiting lists fall for a third month',
      creator: 'Priya Natarajan',
      sections: [
        {
          children: [
            new Paragraph({ text: 'Hospital waiting lists fall for a third month', heading: HeadingLevel.TITLE }),
            new Paragraph({
              children: [
                new TextRun('Waiting lists in the region fell by '),
                new TextRun({ text: '4,100', bold: true }),
                new TextRun(' in March, the health board said.'),
              ],
            }),
            new Paragraph({ text: 'What changed', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [
                new TextRun('Two new theatres opened, '),
                new TextRun({ text: 'and', italics: true }),
                new TextRun(' weekend clinics were added. '),
                new ExternalHyperlink({ link: 'https://health.example/march', children: [new TextRun('The figures')] }),
                new TextRun(' are published monthly.'),
              ],
              alignment: AlignmentType.JUSTIFIED,
            }),
            new Paragraph({ text: 'Orthopaedics fell most.', bullet: { level: 0 } }),
            new Paragraph({ text: 'Eye surgery rose slightly.', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const { document, format } = await fromFile('waiting-lists.docx', new Uint8Array(await Packer.toBuffer(docx)));
    expect(format).toBe('docx');
    expect(document.meta.title).toBe('Hospital waiting lists fall for a third month');
    expect(document.meta.author).toBe('Priya Natarajan');
    expect(document.text.split('\n\n')).toEqual([
      'Waiting lists in the region fell by 4,100 in March, the health board said.',
      'What changed',
      'Two new theatres opened, and weekend clinics were added. The figures are published monthly.',
      'Orthopaedics fell most.',
      'Eye surgery rose slightly.',
    ]);
    const nodes = nodesOf(document.content);
    expect(nodes.find((node) => node.type === 'heading')).toMatchObject({ attrs: { level: 1 } });
    expect(nodes.filter((node) => node.type === 'list_item')).toHaveLength(2);
    const marks = nodes.flatMap((node) => (node.type === 'text' && node.marks ? node.marks.map((mark) => [node.text, mark.type]) : []));
    expect(marks).toEqual([
      ['4,100', 'strong'],
      ['and', 'em'],
      ['The figures', 'link'],
    ]);
  });
});

describe('PDF', () => {
  const expectedBlocks = (rounds: number) => {
    const paragraphs = [
      'The regional assembly approved the coastal flood plan on Tuesday after a debate that ran past midnight, with members from every party agreeing that the defences built in the 1970s were no longer enough.',
      `Under the plan, the ${HYPHENATED_WORD} board will spend £120m over ten years on new barriers, pumping stations and the restoration of salt marshes, which absorb the force of storm surges before they reach the sea walls.`,
      `Critics said the ${HYPHENATED_WORD} process had been slow and that the money would not reach the most exposed villages until the next decade. The board's chair replied that work on the first three sites would start this summer.`,
      'Residents of the harbour district, where 400 homes flooded in 2021, will be consulted on the route of the new wall in a series of public meetings in May and June.',
    ];
    return Array.from({ length: rounds }, (_, round) => [
      round === 0 ? 'What the plan pays for' : `Part ${round + 1} of the debate`,
      ...paragraphs,
    ]).flat();
  };

  it('rebuilds paragraphs and headings from the lines, rejoins hyphenated words and drops running headers, footers and page numbers', async () => {
    const pdf = await articlePdf({ repeat: 3 });
    const { document, format } = await fromFile('flood-plan.pdf', pdf);
    expect(format).toBe('pdf');
    expect(document.meta.title).toBe('Assembly approves coastal flood plan');
    expect(document.text.split('\n\n')).toEqual(expectedBlocks(3));
    expect(document.text).not.toMatch(/Estuary Gazette|page \d+ of \d+|\u2010/u);
    const headings = nodesOf(document.content).filter((node) => node.type === 'heading');
    expect(headings).toHaveLength(3);
  });

  it('reads a two-column page column by column', async () => {
    const { document } = await fromFile('flood-plan-columns.pdf', await articlePdf({ columns: 2, repeat: 6 }));
    expect(document.text.split('\n\n')).toEqual(expectedBlocks(6));
  });
});
