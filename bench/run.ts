// `npm run bench`: every performance scenario of the issues, medians of several runs, budgets as
// ratios measured side by side in the same run. Prints a table and writes bench/results.json.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { formatTable, type BenchRow } from './lib/report.ts';
import { anchoringScenario } from './scenarios/anchoring.ts';
import { annotateScenario } from './scenarios/annotate.ts';
import { exportScenario } from './scenarios/export.ts';
import { importScenario } from './scenarios/import.ts';
import { suggestScenario } from './scenarios/suggest.ts';
import { interactScenario } from './scenarios/interact.ts';
import { memoryScenario } from './scenarios/memory.ts';
import { openScenario } from './scenarios/open.ts';
import { startupScenario } from './scenarios/startup.ts';
import { storeScenario } from './scenarios/store.ts';

const SCENARIOS: Record<string, (runs: number) => Promise<BenchRow[]>> = {
  annotate: annotateScenario,
  anchoring: anchoringScenario,
  export: exportScenario,
  import: importScenario,
  suggest: suggestScenario,
  open: openScenario,
  interact: interactScenario,
  memory: memoryScenario,
  store: storeScenario,
  startup: startupScenario,
};

const { values } = parseArgs({ options: { only: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const names = values.only ? values.only.split(',') : Object.keys(SCENARIOS);
const rows: BenchRow[] = [];
const startedAt = performance.now();
/** Seconds each scenario took, generation of its data included. */
const scenarioSeconds: Record<string, number> = {};
for (const name of names) {
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  console.error(`running ${name}…`);
  const scenarioStart = performance.now();
  rows.push(...(await scenario(runs)));
  scenarioSeconds[name] = Math.round((performance.now() - scenarioStart) / 1000);
  console.error(`  ${name} took ${scenarioSeconds[name]} s`);
}
console.log(formatTable(rows));
const elapsedSeconds = Math.round((performance.now() - startedAt) / 1000);
const minutes = (seconds: number) => `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
console.log(`${names.length} scenario(s) in ${minutes(elapsedSeconds)} (${Object.entries(scenarioSeconds).map(([name, seconds]) => `${name} ${seconds} s`).join(', ')})`);
const results = { date: new Date().toISOString(), elapsedSeconds, scenarioSeconds, machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, rows };
await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results));
const failed = rows.filter((row) => row.pass === false);
if (failed.length > 0) {
  console.error(`${failed.length} budget(s) exceeded: ${failed.map((row) => `${row.scenario} / ${row.case}`).join('; ')}`);
  process.exitCode = 1;
}
