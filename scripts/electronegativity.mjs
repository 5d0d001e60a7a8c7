// `npm run lint:electron`: Doyensec's Electronegativity over electron/ (main, preload, and the services they run),
// offline, failing on any HIGH-severity finding and on any file it could not parse (a file it cannot read is a file it did not check).
//
// Run as its command line, Electronegativity reaches for the internet twice: for updated translations of its
// messages (every run) and for Electron's release list (the AVAILABLE_SECURITY_FIXES global check). Neither is
// reachable here, and a lint must not depend on the network, so this script calls its runner with the bundled
// English messages and without that one check (docs/SECURITY.md, item 16, covers Electron's version instead).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromPackage = createRequire(path.join(packageDir, 'dist', 'index.js'));

// The messages, from the package's own files: registers the global `__` its checks use.
const i18n = fromPackage('i18n');
const localMessages = async () => {
  i18n.configure({
    locales: ['en-US'],
    defaultLocale: 'en-US',
    directory: path.join(packageDir, 'dist', 'locales'),
    updateFiles: false,
    objectNotation: true,
    register: globalThis,
  });
  i18n.setLocale('en-US');
};
const messagesModule = fromPackage.resolve('./locales/i18n.js');
fromPackage(messagesModule);
const cached = fromPackage.cache[messagesModule];
if (!cached) throw new Error('electronegativity: its messages module did not load');
// The runner takes this module's export as its messages loader: swap in the local one before the runner loads.
cached.exports = localMessages;

const runner = fromPackage('./runner.js');
const run = typeof runner === 'function' ? runner : runner.default;
const { severity } = fromPackage('./finder/index.js');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

/** @typedef {{ id: string, severity: { name: string, value: number }, file: string, location: { line: number }, description: string }} Finding */

/** The checks left out, and why. */
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

/** The folders scanned: the Electron layer and the code it runs (arguments replace it, for the script's own test). */
const targets = process.argv.length > 2 ? process.argv.slice(2) : ['electron'];
let failed = false;
for (const target of targets) {
  const input = path.resolve(repo, target);
  /** @type {{ issues: Finding[], errors: { file: string, message: string, tolerable: boolean }[], atomicChecks: number, globalChecks: number }} */
  const { issues, errors, atomicChecks, globalChecks } = await run(
    { input, customScan: [], excludeFromScan: EXCLUDED, electronVersionOverride: electronVersion, parserPlugins: [], isRelative: true },
    false,
  );
  const unparsed = errors.filter((error) => !error.tolerable);
  const high = issues.filter((issue) => issue.severity.value >= severity.HIGH.value);
  const others = issues.filter((issue) => issue.severity.value < severity.HIGH.value);
  console.log(
    `electronegativity ${target}: ${atomicChecks} checks per file and ${globalChecks} global checks (Electron ${electronVersion}); ${high.length} high, ${others.length} lower findings`,
  );
  for (const issue of others) {
    console.log(
      `  ${issue.severity.name.padEnd(13)} ${issue.id} ${path.relative(repo, issue.file) || issue.file}:${issue.location.line} ${issue.description}`,
    );
  }
  for (const issue of high) {
    console.error(
      `  HIGH          ${issue.id} ${path.relative(repo, issue.file) || issue.file}:${issue.location.line} ${issue.description}`,
    );
    failed = true;
  }
  for (const error of unparsed) {
    console.error(`  could not parse ${path.relative(repo, error.file)}: ${error.message}`);
    failed = true;
  }
}
if (failed) {
  console.error('electronegativity: high-severity findings or unparsed files (above).');
  process.exit(1);
}
