// An esbuild plugin for bundling jsdom into the Electron main process, which ships without node_modules.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `pattern` in `source` once, failing the build when it is not there (a jsdom upgrade moved it).
 * @param {string} source @param {RegExp} pattern @param {string} replacement @param {string} file
 */
function replaceOnce(source, pattern, replacement, file) {
  if (!pattern.test(source)) throw new Error(`jsdom bundling: ${file} no longer matches ${pattern}; update scripts/jsdom-bundling.mjs`);
  return source.replace(pattern, replacement);
}

/**
 * jsdom reads two neighbours of its sources when it loads: its default stylesheet (inlined here as a
 * string) and the path of its synchronous-XHR worker (set to null: Scholia never makes a synchronous
 * request, so the worker is never started). css-tree, which jsdom's selector engine imports, loads its
 * JSON data through createRequire in its ES build: its CommonJS build, whose plain requires bundle,
 * is used for every import instead.
 */
/** @type {import('esbuild').Plugin} */
export const jsdomBundling = {
  name: 'jsdom-bundling',
  setup(build) {
    build.onResolve({ filter: /^css-tree(\/.*)?$/ }, async (args) => {
      if (args.kind === 'require-call') return undefined;
      const resolved = await build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, importer: args.importer });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
    build.onLoad({ filter: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]css[\\/]helpers[\\/]computed-style\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const css = await readFile(path.resolve(path.dirname(args.path), '../../../browser/default-stylesheet.css'), 'utf8');
      return {
        contents: replaceOnce(
          source,
          /fs\.readFileSync\(\s*path\.resolve\(__dirname, "\.\.\/\.\.\/\.\.\/browser\/default-stylesheet\.css"\),\s*\{ encoding: "utf-8" \}\s*\)/u,
          JSON.stringify(css),
          args.path,
        ),
        loader: 'js',
      };
    });
    build.onLoad({ filter: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: replaceOnce(source, /require\.resolve\("\.\/xhr-sync-worker\.js"\)/u, 'null', args.path), loader: 'js' };
    });
  },
};
