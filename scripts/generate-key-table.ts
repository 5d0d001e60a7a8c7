// Rewrites the README's key table from the key map (renderer/src/commands/key-map.ts): `npm run keys`.
import { readFileSync, writeFileSync } from 'node:fs';
import { withKeyTable } from './key-table.ts';

const readme = new URL('../README.md', import.meta.url);
const before = readFileSync(readme, 'utf8');
const after = withKeyTable(before);
if (after === before) {
  console.log('README.md: the key table is up to date');
} else {
  writeFileSync(readme, after);
  console.log(`wrote the key table into ${readme.pathname}`);
}
