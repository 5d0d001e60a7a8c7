import { wcagContrast } from 'culori';

/** The report's page and its ink (docs/FACT-CHECK.md, "The verdict palette"). */
export const PAGE_COLOUR = '#ffffff';
export const INK_COLOUR = '#1f2328';
/** WCAG 2 contrast for text (AA) and for marks: swatches, badges, underlines (non-text contrast). */
export const TEXT_CONTRAST = 4.5;
export const MARK_CONTRAST = 3;

/** The WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  return wcagContrast(a, b);
}

/** The text colour for words set on a colour (a verdict badge): white or ink, whichever stands out more. */
export function textOn(background: string): string {
  return contrastRatio(background, PAGE_COLOUR) >= contrastRatio(background, INK_COLOUR) ? PAGE_COLOUR : INK_COLOUR;
}

/** The colour to draw text in on the page (a marker, an entry number): the colour itself when it reads as text, else ink. */
export function textColourOnPage(colour: string): string {
  return contrastRatio(colour, PAGE_COLOUR) >= TEXT_CONTRAST ? colour : INK_COLOUR;
}

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `#rrggbb` mixed with white: `amount` 0 is white, 1 the colour itself. For highlights that must stay opaque (DOCX). */
export function tint(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => 255 - (255 - c) * amount));
}

/** `#rrggbbaa`: the colour at an opacity, so overlapping highlights deepen where they meet. */
export function withAlpha(hex: string, alpha: number): string {
  return `${hex.slice(0, 7)}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}
