import { defineConfig } from 'vite';

// The renderer: one static build served by Electron's app:// scheme and by the browser host alike.
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
