// Bundles the Node side: the CLI (which also runs the browser host) and the Electron main and preload scripts,
// each with the import worker that reads articles off its main thread (extraction-worker.ts looks for it next to them).
import { build } from 'esbuild';
import { jsdomBundling } from './jsdom-bundling.mjs';

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };

/**
 * The Electron main process and its import worker: CommonJS bundles that hold their dependencies
 * (the app ships without node_modules).
 * @type {import('esbuild').BuildOptions}
 */
const electronMain = {
  format: 'cjs',
  // playwright-core finds its own files at run time and cannot be bundled; it is loaded only when a PDF is printed with Chromium.
  external: ['electron', 'playwright-core'],
  plugins: [jsdomBundling],
  // pdf.js, an ES module, finds Node's built-ins through createRequire(import.meta.url): give the bundle its own URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'electron/cli/main.ts', 'extract-worker': 'electron/services/import/extract-worker.ts' },
    outdir: 'dist/node',
    format: 'esm',
    packages: 'external',
    // The import readers (jsdom, pdf.js, mammoth, markdown-it) load on first use: chunks of their own, so `list` and `serve` start without them.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({
    ...common,
    ...electronMain,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
  }),
  build({
    ...common,
    ...electronMain,
    entryPoints: ['electron/services/import/extract-worker.ts'],
    outfile: 'dist/electron/extract-worker.cjs',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
