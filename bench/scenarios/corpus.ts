import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import type { CorpusQuery } from '../../shared/corpus/corpus-query.ts';
import { parseQueryString } from '../../shared/corpus/query-string.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { openScholia, type Scholia } from '../../electron/services/open-scholia.ts';
import { PROFILED_ENTITY, writeCorpusLibrary, type CorpusLibraryFigures } from '../lib/corpus-library.ts';
import { withBudget, withRatio, type BenchRow } from '../lib/report.ts';
import { median, timed } from '../lib/stats.ts';

const SCENARIO = 'corpus';
const MB = 1_000_000;
const SIZES = [
  { articles: 100, perArticle: 100 },
  { articles: 10_000, perArticle: 100 },
] as const;

/** Faceted searches an analyst runs: each answers totals, every facet's counts and the first page of 50 articles. */
const QUERIES: CorpusQuery[] = [
  'kind:claim verdict:false',
  'speaker:"Roberta Metsola"',
  'kind:quote annotator:Ana from:2024-01-01',
  'checkworthy:yes label:statistic source:"Publication C"',
  'kind:claim energy prices',
  'tag:energy tag:climate',
].map(parseQueryString);

/** The collector, reached without starting Node with `--expose-gc` (the bench's child processes are started by `bench/run.ts`). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function heapAfterCollecting(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Wall time and this process's CPU time (user and system) of one call: on a shared machine the two part ways. */
async function timedWithCpu(work: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const ms = await timed(work);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

function loadNote(): string {
  return `load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')} on ${os.cpus().length} cores`;
}

async function call(scholia: Scholia, channel: string, input: unknown): Promise<unknown> {
  const result = await scholia.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Opening the library as the app starts: the store's open (lock, `library.json` read and checked) and the first `library.list`. */
async function openOnce(dir: string): Promise<number> {
  let scholia: Scholia | undefined;
  const ms = await timed(async () => {
    scholia = await openScholia({ libraryDir: dir, debounceMs: 60_000 });
    await call(scholia, 'library.list', {});
  });
  await scholia?.close();
  return ms;
}

function noteOp(document: ScholiaDocument, run: number): AnnotationOp {
  const start = (run * 7919) % Math.max(1, document.text.length - 40);
  return {
    op: 'annotation.add',
    annotation: {
      id: `bench-note-${run}-${Date.now()}`,
      kind: 'note',
      target: makeTarget(document.text, start, start + 30),
      note: 'Round trip.',
      author: 'Bench',
      created: new Date().toISOString(),
      modified: new Date().toISOString(),
    },
  };
}

/** `runs` adds of one note to the document through `annotations.apply`, each timed; the save each schedules is written afterwards, untimed. */
async function addTimes(scholia: Scholia, documentId: string, runs: number, from: number): Promise<number[]> {
  const { document } = (await call(scholia, 'library.get', { id: documentId })) as { document: ScholiaDocument };
  const times: number[] = [];
  for (let run = -2; run < runs; run += 1) {
    const op = noteOp(document, from + run + 2);
    const ms = await timed(() => call(scholia, 'annotations.apply', { documentId, ops: [op] }));
    await scholia.flush();
    if (run >= 0) times.push(ms);
  }
  return times;
}

interface Opened {
  figures: CorpusLibraryFigures;
  dir: string;
  scholia: Scholia;
}

/**
 * The corpus index (issue 17) over generated libraries of 100 and 10,000 articles (10,000 and
 * 1,000,000 annotations), written straight to disk: opening each library (the index is not built
 * then), the first corpus call that builds the index from the files, the index's heap against
 * the JSON size of the annotation records, faceted searches (totals, every facet, first page),
 * the profile of an entity with 10,000 mentions, and one annotation added with and without the
 * index following the library.
 */
export async function corpusScenario(runs: number): Promise<BenchRow[]> {
  const gc = collector();
  const opened: Opened[] = [];
  const rows: BenchRow[] = [];
  try {
    for (const size of SIZES) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-corpus-'));
      const figures = await writeCorpusLibrary(dir, size.articles, size.perArticle);
      opened.push({ figures, dir, scholia: undefined as unknown as Scholia });
    }
    const large = opened[1] as Opened;
    const label = (entry: Opened) =>
      `${entry.figures.documents.toLocaleString('en')} articles, ${entry.figures.annotations.toLocaleString('en')} annotations`;

    // Opening, the two libraries in turn.
    const openTimes: number[][] = [[], []];
    for (let run = -1; run < runs; run += 1) {
      for (const [i, entry] of opened.entries()) {
        const ms = await openOnce(entry.dir);
        if (run >= 0) openTimes[i]?.push(ms);
      }
    }
    const [openSmall, openLarge] = opened.map((entry, i): BenchRow => ({
      scenario: SCENARIO,
      case: `open the library (${label(entry)})`,
      medianMs: median(openTimes[i] as number[]),
      runs,
      note: 'store open and first library.list; the index is built on first corpus use',
    })) as [BenchRow, BenchRow];
    rows.push(openSmall, withBudget(openLarge, openSmall, 2));

    for (const entry of opened) entry.scholia = await openScholia({ libraryDir: entry.dir, debounceMs: 60_000 });

    // One annotation added before the index exists: nothing follows the library yet.
    const addRuns = runs * 4;
    const without = await addTimes(large.scholia, large.figures.editableId, addRuns, 0);

    // The first corpus call builds the index from the document files; its heap is measured around it.
    for (const entry of opened) {
      const before = heapAfterCollecting(gc);
      const buildMs = await timed(() => call(entry.scholia, 'corpus.search', { query: {}, limit: 1 }));
      const after = heapAfterCollecting(gc);
      const build = entry.scholia.services.corpus.lastBuild;
      rows.push({
        scenario: SCENARIO,
        case: `first corpus call, index built (${label(entry)})`,
        medianMs: buildMs,
        runs: 1,
        ...(build ? { note: `${build.documents} documents, ${build.annotations} annotations read` } : {}),
      });
      const json: BenchRow = {
        scenario: SCENARIO,
        case: `JSON of the annotation records (${label(entry)})`,
        medianMs: entry.figures.annotationJsonBytes / MB,
        unit: 'MB',
        runs: 1,
      };
      const heap: BenchRow = {
        scenario: SCENARIO,
        case: `index heap (${label(entry)})`,
        medianMs: (after - before) / MB,
        unit: 'MB',
        runs: 1,
        note: 'heapUsed after the build minus before, each after two collections',
      };
      rows.push(json, entry === large ? withBudget(heap, json, 2) : withRatio(heap, json));
    }

    // One annotation added with the index following the library.
    const withIndex = await addTimes(large.scholia, large.figures.editableId, addRuns, 1000);
    const addWithout: BenchRow = {
      scenario: SCENARIO,
      case: `add one annotation, no index (${label(large)})`,
      medianMs: median(without),
      runs: addRuns,
      note: 'annotations.apply in process; the save is flushed after, untimed',
    };
    const addWith: BenchRow = {
      ...addWithout,
      case: `add one annotation, index kept current (${label(large)})`,
      medianMs: median(withIndex),
    };
    rows.push(addWithout, withBudget(addWith, addWithout, 2));

    // Faceted searches, the two libraries in turn.
    const searchTimes: number[][] = [[], []];
    const searchCpu: number[][] = [[], []];
    for (let run = -1; run < runs * 2; run += 1) {
      for (const query of QUERIES) {
        for (const [i, entry] of opened.entries()) {
          const { ms, cpuMs } = await timedWithCpu(() => call(entry.scholia, 'corpus.search', { query }));
          if (run < 0) continue;
          searchTimes[i]?.push(ms);
          searchCpu[i]?.push(cpuMs);
        }
      }
    }
    const [searchSmall, searchLarge] = opened.map((entry, i): BenchRow => ({
      scenario: SCENARIO,
      case: `faceted search (${label(entry)})`,
      medianMs: median(searchTimes[i] as number[]),
      runs: (searchTimes[i] as number[]).length,
      note: `${QUERIES.length} queries: totals, 11 facets, first 50 articles; CPU median ${median(searchCpu[i] as number[]).toFixed(1)} ms; ${loadNote()}`,
    })) as [BenchRow, BenchRow];
    const searchBudget: BenchRow = { scenario: SCENARIO, case: 'faceted search budget', medianMs: 100, runs: 0 };
    rows.push(searchSmall, withBudget(searchLarge, searchSmall, 3), searchBudget, withBudget(searchLarge, searchBudget, 1));

    // The profile of the entity every article mentions.
    const profileTimes: number[] = [];
    const profileCpu: number[] = [];
    let mentions = 0;
    for (let run = -1; run < runs * 2; run += 1) {
      const { ms, cpuMs } = await timedWithCpu(async () => {
        const profile = (await call(large.scholia, 'entities.profile', { entityId: PROFILED_ENTITY.id })) as { mentions: number };
        mentions = profile.mentions;
      });
      if (run < 0) continue;
      profileTimes.push(ms);
      profileCpu.push(cpuMs);
    }
    const profileBudget: BenchRow = { scenario: SCENARIO, case: 'entity profile budget', medianMs: 200, runs: 0 };
    const profile: BenchRow = {
      scenario: SCENARIO,
      case: `entity profile, ${mentions.toLocaleString('en')} mentions (${label(large)})`,
      medianMs: median(profileTimes),
      runs: profileTimes.length,
      note: `CPU median ${median(profileCpu).toFixed(1)} ms; ${loadNote()}`,
    };
    rows.push(profileBudget, withBudget(profile, profileBudget, 1));
    return rows;
  } finally {
    for (const entry of opened) {
      await entry.scholia?.close().catch(() => undefined);
      await rm(entry.dir, { recursive: true, force: true });
    }
  }
}
