import { ACCEPTED_FILE_TYPES, type ImportFormat } from './import-formats.ts';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<meta[\s>])/iu;
const XHTML_START = /^\s*<\?xml[^>]*>\s*(?:<!doctype\s+html|<html[\s>])/iu;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/u.exec(name);
  return match?.[1]?.toLowerCase() ?? '';
}

/** The format its name claims, if it names an accepted one. */
export function formatOfName(name: string): ImportFormat | undefined {
  const extension = extensionOf(name);
  return ACCEPTED_FILE_TYPES.find((type) => type.extensions.includes(extension))?.format;
}

/** Whether the bytes carry the ZIP entry name Word documents always hold. */
function looksLikeDocx(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  return head.includes('word/') || head.includes('[Content_Types].xml');
}

export type Detected = { format: ImportFormat } | { refused: string };

/**
 * The file's format, by its content first and its name second: a PDF or a Word document is known by
 * its first bytes whatever its name; text is HTML when it starts like a page, Markdown when its name
 * says so, plain text otherwise. Other binary files (and a ZIP that is not a Word document) are refused.
 */
export function detectFormat(bytes: Uint8Array, name: string): Detected {
  const named = formatOfName(name);
  if (startsWith(bytes, PDF_MAGIC)) return { format: 'pdf' };
  if (startsWith(bytes, ZIP_MAGIC)) {
    return looksLikeDocx(bytes) ? { format: 'docx' } : { refused: `${name} is a ZIP archive, not a Word document.` };
  }
  if (named === 'pdf') return { refused: `${name} is not a PDF: it does not start with %PDF. It may be damaged or cut short.` };
  if (named === 'docx') return { refused: `${name} is not a Word document: it is not a ZIP package. It may be damaged or cut short.` };
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/u, '');
  if (HTML_START.test(head) || XHTML_START.test(head)) return { format: 'html' };
  if (named === 'html') return { format: 'html' };
  return { format: named === 'markdown' ? 'markdown' : 'text' };
}

/**
 * The parsed JSON of a Scholia tag file (`"format": "scholia-tags"`), which imports with its
 * annotations rather than as text; undefined for anything else, which imports as its format says.
 */
export function tagFileJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, '');
  if (!/^\s*\{/u.test(text) || !text.includes('scholia-tags')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === 'scholia-tags' ? parsed : undefined;
}
