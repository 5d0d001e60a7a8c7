// Lint rules, including the layering of docs/ARCHITECTURE.md (“Runtimes and layers”): each runtime folder may import only what its runtime has.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import layering from './scripts/eslint-layering.js';

const nodeBuiltins = {
  group: ['node:*', ...builtinModules.flatMap((name) => [name, `${name}/*`])],
  message: 'Node built-ins are not available in this runtime.',
};
const electronPackage = { regex: '^electron(/|$)', message: 'Only electron/main and electron/preload may import Electron.' };
// The suggesters' NLP model runs in the services (suggest.run); the renderer takes only their types and the accept ops.
const suggesters = {
  regex: '^compromise(/|$)|shared/suggest/(?!suggestion\\.ts$|suggestion-ops\\.ts$)',
  message: 'The renderer calls suggest.run; only shared/suggest/suggestion.ts and suggestion-ops.ts keep its bundle free of the NLP model.',
};

/** @param {...object} patterns @returns {import('eslint').Linter.RulesRecord} */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { scholia: layering },
    rules: {
      'scholia/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(nodeBuiltins, electronPackage),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: restrict(nodeBuiltins, electronPackage, suggesters),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(electronPackage),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: [
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'eval/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      'bin/**/*.js',
      '*.config.{js,ts}',
      '.dependency-cruiser.cjs',
      '**/*.test.ts',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
