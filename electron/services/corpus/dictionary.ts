/**
 * Dictionary coding of a column's values: each distinct string gets a small number once, so a
 * column is a typed array and a filter is a lookup in a table of flags. Code 0 means "no value".
 */
export class Dictionary {
  private readonly codes = new Map<string, number>();
  private readonly values: string[] = [''];

  /** The value's code, given one on first sight. */
  code(value: string | undefined): number {
    if (value === undefined || value === '') return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The value's code if it was ever seen, else undefined. */
  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  value(code: number): string {
    return this.values[code] ?? '';
  }

  /** One more than the highest code: the length of a table indexed by code. */
  get size(): number {
    return this.values.length;
  }
}
