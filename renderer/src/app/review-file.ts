/** The id of the hidden file input behind "Review tag file…" (drawn by the ReviewImport component). */
export const REVIEW_FILE_INPUT_ID = 'review-file-input';

/** Opens the system's file chooser for a colleague's tag file. */
export function chooseReviewFile(): void {
  document.getElementById(REVIEW_FILE_INPUT_ID)?.click();
}

/** The fingerprint of the article a tag file declares, if its text is a JSON object that declares one. */
export function declaredFingerprint(json: string): string | undefined {
  try {
    const parsed = JSON.parse(json) as { document?: { fingerprint?: unknown } } | null;
    const fingerprint = parsed?.document?.fingerprint;
    return typeof fingerprint === 'string' ? fingerprint : undefined;
  } catch {
    return undefined;
  }
}
