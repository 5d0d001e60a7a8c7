// The README's key table, written from the key map (renderer/src/commands/key-map.ts).
import { KEY_MAP, type KeyGroup } from '../renderer/src/commands/key-map.ts';

export const KEYS_START = '<!-- keys:start -->';
export const KEYS_END = '<!-- keys:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The key map as a Markdown table: a heading row per group (where its keys work), a row per line. */
export function keyTableMarkdown(groups: readonly KeyGroup[] = KEY_MAP): string {
  const lines = ['| Keys | What they do |', '|---|---|'];
  for (const group of groups) {
    lines.push(`| **${cell(group.title)}** | *${cell(group.where)}* |`);
    for (const row of group.rows) lines.push(`| ${row.keys.map((combo) => `\`${cell(combo)}\``).join(' ')} | ${cell(row.action)} |`);
  }
  return lines.join('\n');
}

/** The README with the table between its markers replaced by `table`; throws when the markers are missing. */
export function withKeyTable(readme: string, table = keyTableMarkdown()): string {
  const start = readme.indexOf(KEYS_START);
  const end = readme.indexOf(KEYS_END);
  if (start < 0 || end < start) throw new Error(`The README has no ${KEYS_START} … ${KEYS_END} markers.`);
  return `${readme.slice(0, start + KEYS_START.length)}\n${table}\n${readme.slice(end)}`;
}
