// ESLint rule: relative imports may only reach the layers docs/ARCHITECTURE.md (“Runtimes and layers”) allows for the importing file's layer.
import path from 'node:path';

/** Layer of each folder, most specific first, and the layers each may import. */
export const LAYERS = [
  { name: 'electron/main', allows: ['electron/main', 'electron/services', 'shared'] },
  { name: 'electron/preload', allows: ['electron/preload', 'shared'] },
  { name: 'electron/services', allows: ['electron/services', 'shared'] },
  { name: 'electron/host', allows: ['electron/host', 'electron/services', 'shared'] },
  { name: 'electron/cli', allows: ['electron/cli', 'electron/host', 'electron/services', 'shared'] },
  // Inside the renderer, one way: components → app → session → commands, reader and model → shared.
  {
    name: 'renderer/src/components',
    allows: [
      'renderer/src/components',
      'renderer/src/app',
      'renderer/src/session',
      'renderer/src/commands',
      'renderer/src/reader',
      'renderer/src/model',
      'shared',
    ],
  },
  {
    name: 'renderer/src/app',
    allows: ['renderer/src/app', 'renderer/src/session', 'renderer/src/commands', 'renderer/src/reader', 'renderer/src/model', 'shared'],
  },
  {
    name: 'renderer/src/session',
    allows: ['renderer/src/session', 'renderer/src/commands', 'renderer/src/reader', 'renderer/src/model', 'shared'],
  },
  { name: 'renderer/src/commands', allows: ['renderer/src/commands', 'renderer/src/model', 'renderer/src/reader', 'shared'] },
  { name: 'renderer/src/model', allows: ['renderer/src/model', 'renderer/src/reader', 'shared'] },
  { name: 'renderer/src/reader', allows: ['renderer/src/reader', 'shared'] },
  // The entry (main.tsx), styles and test support sit above them all.
  {
    name: 'renderer',
    allows: [
      'renderer',
      'renderer/src/components',
      'renderer/src/app',
      'renderer/src/session',
      'renderer/src/commands',
      'renderer/src/model',
      'renderer/src/reader',
      'shared',
    ],
  },
  { name: 'shared', allows: ['shared'] },
];

/** @param {string} relativePath */
function layerOf(relativePath) {
  const posix = relativePath.split(path.sep).join('/');
  return LAYERS.find((layer) => posix === layer.name || posix.startsWith(`${layer.name}/`));
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the runtime layering of docs/ARCHITECTURE.md (Runtimes and layers) for relative imports.' },
    schema: [],
    messages: { forbidden: '{{from}} may not import from {{to}} (allowed: {{allowed}}).' },
  },
  create(context) {
    const root = context.cwd;
    const fromLayer = layerOf(path.relative(root, context.filename));
    if (!fromLayer) return {};
    const from = fromLayer;
    const isTest = /\.test\.tsx?$/u.test(context.filename);
    /** @param {{ source?: import('estree').Node | null }} node */
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), source.value));
      const toLayer = layerOf(target);
      const toName = toLayer ? toLayer.name : target.split(path.sep)[0] || target;
      if (from.allows.includes(toName)) return;
      // A renderer test may reach any part of the renderer (its test support, the stores it drives).
      if (isTest && from.name.startsWith('renderer') && toName.startsWith('renderer')) return;
      context.report({ node: source, messageId: 'forbidden', data: { from: from.name, to: toName, allowed: from.allows.join(', ') } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { layering: layeringRule } };
