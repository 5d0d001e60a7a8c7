/** What a dropped `.json` file says of its article, read before anything is sent (the services check the whole file). */
export interface TagFileHeader {
  fingerprint?: string;
  /** Whether the file embeds its article's text (it can then become a new article). */
  hasText: boolean;
}

/** The header of a Scholia tag file, or null when the text is not one. */
export function tagFileHeader(text: string): TagFileHeader | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== 'scholia-tags') return null;
  const document = (parsed as { document?: unknown }).document;
  if (typeof document !== 'object' || document === null) return { hasText: false };
  const { fingerprint, text: embedded } = document as { fingerprint?: unknown; text?: unknown };
  return { ...(typeof fingerprint === 'string' ? { fingerprint } : {}), hasText: typeof embedded === 'string' };
}

/**
 * Where a dropped `.json` file goes: to Review on the open article when it is about that article, or
 * when it neither embeds its text nor names an article of the library (Review re-anchors it on the
 * open text, as before); otherwise into the library, which makes it a new article or places it on
 * its own article as a review.
 */
export function tagFileRoute(
  header: TagFileHeader | null,
  openFingerprint: string | null,
  libraryFingerprints: ReadonlySet<string>,
): 'review' | 'library' {
  // Not a tag file: Review lists what is wrong with it.
  if (!header) return 'review';
  if (header.fingerprint !== undefined && header.fingerprint === openFingerprint) return 'review';
  if (header.hasText || (header.fingerprint !== undefined && libraryFingerprints.has(header.fingerprint))) return 'library';
  return openFingerprint ? 'review' : 'library';
}
