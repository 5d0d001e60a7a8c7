const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ESCAPES[char] ?? char);
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const HTTP_URL = /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/iu;

/** The URL when it is an absolute http(s) URL without whitespace or control characters, the only kind a report links to. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  return url !== undefined && HTTP_URL.test(url) ? url : undefined;
}
