// Starts the import worker from its TypeScript sources, as vitest and tsx run them: tsx's loader, then the entry.
// Bundles start their built worker instead (extraction-worker.ts).
import { URL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

await tsImport(new URL('./extract-worker.ts', import.meta.url).href, import.meta.url);
