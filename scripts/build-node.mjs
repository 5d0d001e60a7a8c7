// Bundles the Node side: the CLI (which also runs the browser host) and the Electron main and preload scripts.
import { copyFile } from 'node:fs/promises';
import { build } from 'esbuild';

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/node/cli.js',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    // playwright-core finds its own files at run time and cannot be bundled; it is loaded only when a PDF is printed with Chromium.
    // jsdom only resolves (never loads, as sync XHR is never used) its XHR worker file: a copy sits next to the bundle.
    external: ['electron', 'playwright-core', './xhr-sync-worker.js'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
await copyFile('node_modules/jsdom/lib/jsdom/living/xhr/xhr-sync-worker.js', 'dist/electron/xhr-sync-worker.js');
