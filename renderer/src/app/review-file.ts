/** The id of the hidden file input behind "Review tag file…" (drawn by the ReviewImport component). */
export const REVIEW_FILE_INPUT_ID = 'review-file-input';

/** Opens the system's file chooser for a colleague's tag file. */
export function chooseReviewFile(): void {
  document.getElementById(REVIEW_FILE_INPUT_ID)?.click();
}
