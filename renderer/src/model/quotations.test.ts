import { describe, expect, it } from 'vitest';
import { quotationAround } from './quotations.ts';

const text =
  '"The (European Parliament) is under a sophisticated cyberattack. A pro-Kremlin group has claimed responsibility," said Roberta Metsola.\n\n' +
  '"My response: #SlavaUkraini," Metsola added, referring to the slogan that means "Glory to Ukraine!"\n\n' +
  'She called it «a hybrid attack». No quotation here.';

function inner(offset: number): string | null {
  const span = quotationAround(text, offset);
  return span ? text.slice(span.start, span.end) : null;
}

describe('quotationAround', () => {
  it('finds the quotation around the caret, without the marks or the comma before the closing mark', () => {
    const at = text.indexOf('sophisticated');
    expect(inner(at)).toBe(
      'The (European Parliament) is under a sophisticated cyberattack. A pro-Kremlin group has claimed responsibility',
    );
    expect(inner(0)).toBe(inner(at));
  });

  it('keeps to the caret’s paragraph and pairs marks in order', () => {
    expect(inner(text.indexOf('SlavaUkraini'))).toBe('My response: #SlavaUkraini');
    expect(inner(text.indexOf('Glory'))).toBe('Glory to Ukraine!');
    expect(inner(text.indexOf('referring'))).toBeNull();
  });

  it('knows guillemets, and finds nothing outside quotation marks', () => {
    expect(inner(text.indexOf('hybrid'))).toBe('a hybrid attack');
    expect(inner(text.indexOf('No quotation'))).toBeNull();
  });
});
