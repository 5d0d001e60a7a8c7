#!/usr/bin/env node
// The `scholia` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/node/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('scholia: the CLI is not built yet; run `npm run build` first.');
  process.exit(1);
}
await import(cli);
