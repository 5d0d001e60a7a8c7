import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEY_MAP } from '../renderer/src/commands/key-map.ts';
import { KEYS_END, KEYS_START, keyTableMarkdown, withKeyTable } from './key-table.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe("the README's key table", () => {
  it('is the key map as it stands (run `npm run keys` after changing the map)', () => {
    expect(withKeyTable(readme)).toBe(readme);
  });

  it('has a heading row per group and a row per line of the map', () => {
    const table = keyTableMarkdown();
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength(KEY_MAP.length + KEY_MAP.reduce((sum, group) => sum + group.rows.length, 0));
    expect(rows).toContain('| **Everywhere** | *anywhere in the window* |');
    expect(rows).toContain('| `Ctrl+Shift+Z` `Ctrl+Y` | Redo |');
  });

  it('replaces only what lies between the markers, and refuses a README without them', () => {
    const page = `# Title\n\n${KEYS_START}\nold table\n${KEYS_END}\n\nAfter.\n`;
    expect(withKeyTable(page, '| new |')).toBe(`# Title\n\n${KEYS_START}\n| new |\n${KEYS_END}\n\nAfter.\n`);
    expect(() => withKeyTable('# Title\n', '| new |')).toThrow(/markers/);
  });
});
