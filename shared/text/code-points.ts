/**
 * Converts offsets between UTF-16 code units (how Scholia and JavaScript index text) and Unicode
 * code points (how W3C Web Annotation, brat and Python count). Built once per text; each
 * conversion is a binary search over the text's astral characters.
 */
export class CodePointIndex {
  /** UTF-16 offsets at which a surrogate pair (one astral code point) starts, ascending. */
  private readonly pairStarts: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairStarts.push(i);
          i++;
        }
      }
    }
  }

  /** The number of code points in the text. */
  get length(): number {
    return this.text.length - this.pairStarts.length;
  }

  /** The code-point offset of a UTF-16 offset. An offset inside a surrogate pair is refused. */
  toCodePoint(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) throw new RangeError(`offset ${utf16} is outside the text`);
    const pairsBefore = countBelow(this.pairStarts, utf16);
    const previous = this.pairStarts[pairsBefore - 1];
    if (previous !== undefined && previous === utf16 - 1) throw new RangeError(`offset ${utf16} splits a surrogate pair`);
    return utf16 - pairsBefore;
  }

  /** The UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.length)
      throw new RangeError(`code point ${codePoint} is outside the text`);
    // The k-th pair start p sits at code point p - k; pairs before `codePoint` are those with p - k < codePoint.
    let low = 0;
    let high = this.pairStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.pairStarts[middle] as number) - middle < codePoint) low = middle + 1;
      else high = middle;
    }
    return codePoint + low;
  }
}

/** How many entries of an ascending array are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `text.slice` by code-point offsets, as Python slices a `str`. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
