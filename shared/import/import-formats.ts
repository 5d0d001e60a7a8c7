/** The kinds of file an article can be imported from. */
export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/** What the import dialog and the native file chooser offer, one line per kind. */
export const ACCEPTED_FILE_TYPES: readonly { format: ImportFormat; label: string; extensions: readonly string[] }[] = [
  { format: 'html', label: 'Web page', extensions: ['html', 'htm', 'xhtml'] },
  { format: 'pdf', label: 'PDF with a text layer', extensions: ['pdf'] },
  { format: 'docx', label: 'Word document', extensions: ['docx'] },
  { format: 'markdown', label: 'Markdown', extensions: ['md', 'markdown'] },
  { format: 'text', label: 'Plain text', extensions: ['txt', 'text'] },
];

/** A Scholia tag file that embeds its article's text imports as that article with its annotations (one for an article in the library goes to Review). */
export const TAG_FILE_TYPE = { label: 'Scholia tag file', extensions: ['json'] } as const;

/** The `accept` attribute of a file input that offers every accepted type, tag files included. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_FILE_TYPES, TAG_FILE_TYPE]
  .flatMap((type) => type.extensions.map((extension) => `.${extension}`))
  .join(',');

/**
 * The largest file imported. Its bytes cross the API in base64 (a third more) within the host's
 * 48 MiB request limit; the page checks the size before it uploads anything.
 */
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024;

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The refusal of a file over the size limit, worded the same wherever it is checked. */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is ${formatSize(bytes)}; Scholia imports files of up to ${formatSize(MAX_IMPORT_FILE_BYTES)}.`;
}
