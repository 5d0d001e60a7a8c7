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
