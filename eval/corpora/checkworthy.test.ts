import { describe, expect, it } from 'vitest';
import { parseCheckworthyCsv } from './checkworthy.ts';

// A fixture in the CLEF 2019 Task 1 CSV layout, with a quoted comma and two documents out of order.
const CSV = [
  'line_number,speaker,text,label,file_name',
  '2,SMITH,"Unemployment fell to 4 percent, the lowest in a decade.",1,debate_a.tsv',
  '1,MODERATOR,Good evening.,0,debate_a.tsv',
  '1,JONES,We will build it.,0,speech_b.tsv',
  '',
].join('\n');

describe('check-worthiness CSV reader', () => {
  it('groups lines by document, in line order, with their labels', () => {
    const documents = parseCheckworthyCsv(CSV);
    expect(documents.map((d) => d.file)).toEqual(['debate_a.tsv', 'speech_b.tsv']);
    expect(documents[0]?.lines).toEqual([
      { line: 1, speaker: 'MODERATOR', text: 'Good evening.', checkworthy: false },
      { line: 2, speaker: 'SMITH', text: 'Unemployment fell to 4 percent, the lowest in a decade.', checkworthy: true },
    ]);
  });

  it('refuses a label other than 0 or 1, naming the row', () => {
    expect(() => parseCheckworthyCsv('line_number,speaker,text,label,file_name\n1,A,Hi.,yes,x.tsv\n')).toThrow(/row 2/u);
  });
});
