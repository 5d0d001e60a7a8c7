import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base64 } from './base64.ts';
import { escapeHtml } from './html-escape.ts';

/** The Content-Security-Policy of an exported report: nothing may load or run; only its own stylesheet applies. */
export function reportCsp(stylesheet: string): string {
  const hash = base64(sha256(utf8ToBytes(stylesheet)));
  return ["default-src 'none'", `style-src 'sha256-${hash}'`, 'img-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');
}

export interface StandalonePage {
  language: string;
  /** Plain text; escaped here. */
  title: string;
  stylesheet: string;
  /** Markup for inside `<main>`, already escaped by the caller. */
  body: string;
}

/** One self-contained HTML file: its stylesheet inline and allowed by hash, no script, nothing loaded from anywhere. */
export function standalonePage(page: StandalonePage): string {
  return `<!doctype html>
<html lang="${escapeHtml(page.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp(page.stylesheet))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Scholia">
<title>${escapeHtml(page.title)}</title>
<style>${page.stylesheet}</style>
</head>
<body>
<main>
${page.body}
</main>
</body>
</html>
`;
}
