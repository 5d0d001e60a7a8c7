// `npm run bench`: every performance scenario of the issues, medians of several runs, budgets as
// ratios measured side by side in the same run. Prints a table and writes bench/results.json.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, type BenchRow } from './lib/report.ts';
import { anchoringScenario } from './scenarios/anchoring.ts';
import { corpusScenario } from './scenarios/corpus.ts';
import { claimsScenario } from './scenarios/claims.ts';
import { claimTrackerPassScenario } from './scenarios/claim-tracker-pass.ts';
import { annotateScenario } from './scenarios/annotate.ts';
import { exportScenario } from './scenarios/export.ts';
import { importScenario } from './scenarios/import.ts';
import { suggestScenario } from './scenarios/suggest.ts';
import { interactScenario } from './scenarios/interact.ts';
import { memoryScenario } from './scenarios/memory.ts';
import { openScenario } from './scenarios/open.ts';
import { startupScenario } from './scenarios/startup.ts';
import { storeScenario } from './scenarios/store.ts';
import { teamSyncScenario } from './scenarios/team-sync.ts';

const SCENARIOS: Record<string, (runs: number) => Promise<BenchRow[]>> = {
  annotate: annotateScenario,
  anchoring: anchoringScenario,
  claims: claimsScenario,
  'claim-tracker-pass': claimTrackerPassScenario,
  export: exportScenario,
  import: importScenario,
  suggest: suggestScenario,
  open: openScenario,
  interact: interactScenario,
  memory: memoryScenario,
  store: storeScenario,
  startup: startupScenario,
  corpus: corpusScenario,
  'team-sync': teamSyncScenario,
};

const { values } = parseArgs({
  options: { only: { type: 'string' }, runs: { type: 'string', default: '5' }, 'rows-to': { type: 'string' } },
});
const runs = Number(values.runs);
const names = values.only ? values.only.split(',') : Object.keys(SCENARIOS);
for (const name of names) {
  if (!SCENARIOS[name]) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
}

// A child run: one scenario in this process, its rows written to the file the parent named.
if (values['rows-to']) {
  const [name] = names;
  const scenario = name ? SCENARIOS[name] : undefined;
  if (!scenario || names.length !== 1) throw new Error('--rows-to runs exactly one scenario');
  await writeFile(values['rows-to'], JSON.stringify(await scenario(runs)));
  process.exit(0);
}

/**
 * Runs one scenario in a Node process of its own, so none inherits another's heap (a large heap
 * makes every collection slower) or its leftover browser and host processes.
 */
async function runScenarioInChild(name: string): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-rows-'));
  const rowsFile = path.join(dir, 'rows.json');
  try {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--only', name, '--runs', String(runs), '--rows-to', rowsFile],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`scenario ${name} failed (exit code ${code})`);
    return JSON.parse(await readFile(rowsFile, 'utf8')) as BenchRow[];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rows: BenchRow[] = [];
const startedAt = performance.now();
/** Seconds each scenario took, generation of its data and its process's start included. */
const scenarioSeconds: Record<string, number> = {};
for (const name of names) {
  console.error(`running ${name}…`);
  const scenarioStart = performance.now();
  rows.push(...(await runScenarioInChild(name)));
  scenarioSeconds[name] = Math.round((performance.now() - scenarioStart) / 1000);
  console.error(`  ${name} took ${scenarioSeconds[name]} s`);
}
console.log(formatTable(rows));
const elapsedSeconds = Math.round((performance.now() - startedAt) / 1000);
const minutes = (seconds: number) => `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
console.log(
  `${names.length} scenario(s) in ${minutes(elapsedSeconds)} (${Object.entries(scenarioSeconds)
    .map(([name, seconds]) => `${name} ${seconds} s`)
    .join(', ')})`,
);
const results = {
  date: new Date().toISOString(),
  elapsedSeconds,
  scenarioSeconds,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  rows,
};
await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results));
const failed = rows.filter((row) => row.pass === false);
if (failed.length > 0) {
  console.error(`${failed.length} budget(s) exceeded: ${failed.map((row) => `${row.scenario} / ${row.case}`).join('; ')}`);
  process.exitCode = 1;
}
