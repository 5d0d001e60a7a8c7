import { Document, Packer, Paragraph } from 'docx';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** A page whose only paragraph sits inside `depth` nested `<div>`s: 2,000 of them froze the import for minutes. */
export function nestedPage(depth: number): string {
  return `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}<p>Some text here that is long enough.</p>${'</div>'.repeat(depth)}</body></html>`;
}

/**
 * A page within the nesting limit that still costs Readability seconds: 40 stacks of 20 nested
 * `<div>`s, each holding a short line, under 230 more (16 s on a 2-core machine).
 */
export function slowPage(): string {
  const stack = `${'<div>'.repeat(20)}<p>A short line of the council's minutes.</p>${'</div>'.repeat(20)}`;
  return `<!doctype html><html><body>${'<div>'.repeat(230)}${stack.repeat(40)}${'</div>'.repeat(230)}</body></html>`;
}

/** A real Word document of one paragraph, unzipped. */
async function wordFiles(): Promise<Record<string, Uint8Array>> {
  const document = new Document({
    title: 'Council minutes',
    sections: [{ children: [new Paragraph({ text: 'The council met on Thursday.' })] }],
  });
  return unzipSync(new Uint8Array(await Packer.toBuffer(document)));
}

/**
 * A Word document whose body holds a run of `bytes` of one repeated sentence: it packs hundreds of
 * times smaller than it unpacks (about 210 kB for 70 MB), as a compression bomb does.
 */
export async function docxBomb(bytes: number): Promise<Uint8Array> {
  const files = await wordFiles();
  const sentence = 'The council met again and said nothing new. ';
  const run = `<w:p><w:r><w:t>${sentence.repeat(Math.ceil(bytes / sentence.length))}</w:t></w:r></w:p>`;
  const xml = new TextDecoder().decode(files['word/document.xml']).replace('<w:sectPr', `${run}<w:sectPr`);
  return zipSync({ ...files, 'word/document.xml': strToU8(xml) }, { level: 9 });
}

/** A real Word document padded with `count` tiny extra files. */
export async function docxWithFiles(count: number): Promise<Uint8Array> {
  const files: Zippable = await wordFiles();
  for (let index = 0; index < count; index += 1) files[`customXml/item${index}.xml`] = strToU8('<a/>');
  return zipSync(files);
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

/**
 * The archive with every header of `entry` (local and central) declaring `size` unpacked bytes,
 * whatever the entry really holds: a central directory that lies about sizes.
 */
export function withDeclaredSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const name = strToU8(entry);
  const nameAt = (offset: number, length: number) => length === name.length && name.every((byte, index) => bytes[offset + index] === byte);
  let patched = 0;
  for (let offset = 0; offset + 46 <= bytes.length; offset += 1) {
    const signature = view.getUint32(offset, true);
    if (signature === LOCAL_HEADER && nameAt(offset + 30, view.getUint16(offset + 26, true))) {
      view.setUint32(offset + 22, size, true);
      patched += 1;
    } else if (signature === CENTRAL_HEADER && nameAt(offset + 46, view.getUint16(offset + 28, true))) {
      view.setUint32(offset + 24, size, true);
      patched += 1;
    }
  }
  if (patched !== 2) throw new Error(`expected one local and one central header for ${entry}, found ${patched}`);
  return bytes;
}
