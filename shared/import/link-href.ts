/** Schemes a link in an imported article may keep: the web and mail, nothing that runs or reads local files. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link target an imported article may keep: an absolute http(s) or mailto URL (a relative one
 * resolved against `base`), or null for anything else (`javascript:`, `data:`, `file:`, fragments).
 */
export function safeLinkHref(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return null;
  const text = url.href;
  return text.length <= 4000 ? text : null;
}
