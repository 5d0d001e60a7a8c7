/**
 * Serialises a store file to UTF-8 bytes, reusing the bytes of records it has serialised before:
 * the objects in arrays (annotations, entities, summaries, blocks) are replaced, never changed in
 * place, so a record that is the same object as last time has the same bytes. A save of a document
 * with 20,000 annotations after one change encodes one annotation, not 20,000.
 *
 * The text is compact JSON with each record of a record array on its own line, so a changed
 * annotation is a changed line for anyone diffing the file. `JSON.parse` of it gives back exactly
 * the data. Records whose bytes are kept are frozen: changing one in place would make the kept
 * bytes wrong, so it fails loudly instead.
 */
export class JsonBytesCache {
  private readonly records = new WeakMap<object, Buffer>();

  serialize(value: unknown): Buffer {
    return Buffer.concat(this.chunks(value));
  }

  /** The same bytes as `serialize`, as the pieces they are made of (for a vectored write, without copying them into one buffer). */
  chunks(value: unknown): Buffer[] {
    const chunks: Buffer[] = [];
    this.write(value, 0, chunks);
    return chunks;
  }

  private write(value: unknown, depth: number, chunks: Buffer[]): void {
    if (depth > MAX_WALK_DEPTH || !isPlainContainer(value)) {
      chunks.push(Buffer.from(JSON.stringify(value) ?? 'null'));
    } else if (Array.isArray(value)) {
      this.writeArray(value, chunks);
    } else {
      let first = true;
      chunks.push(OPEN_OBJECT);
      for (const [key, field] of Object.entries(value)) {
        if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
        chunks.push(Buffer.from(`${first ? '' : ','}${JSON.stringify(key)}:`));
        first = false;
        this.write(field, depth + 1, chunks);
      }
      chunks.push(CLOSE_OBJECT);
    }
  }

  private writeArray(items: readonly unknown[], chunks: Buffer[]): void {
    if (items.length === 0 || !items.every(isRecord)) {
      chunks.push(Buffer.from(JSON.stringify(items)));
      return;
    }
    chunks.push(OPEN_RECORDS);
    items.forEach((item, index) => {
      if (index > 0) chunks.push(RECORD_SEPARATOR);
      chunks.push(this.recordBytes(item));
    });
    chunks.push(CLOSE_RECORDS);
  }

  private recordBytes(record: object): Buffer {
    let bytes = this.records.get(record);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(record));
      this.records.set(record, bytes);
      deepFreeze(record);
    }
    return bytes;
  }
}

/** How deep the walk looks for record arrays: file → document → content → blocks. */
const MAX_WALK_DEPTH = 3;
const OPEN_OBJECT = Buffer.from('{');
const CLOSE_OBJECT = Buffer.from('}');
const OPEN_RECORDS = Buffer.from('[\n');
const RECORD_SEPARATOR = Buffer.from(',\n');
const CLOSE_RECORDS = Buffer.from('\n]');

/** Arrays and plain objects without a `toJSON`: what the walk goes into. */
function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}

/** An array element whose bytes are kept: any object that is not an array. */
function isRecord(item: unknown): item is object {
  return typeof item === 'object' && item !== null && !Array.isArray(item);
}

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const field of Object.values(value)) {
    if (typeof field === 'object' && field !== null) deepFreeze(field);
  }
}
