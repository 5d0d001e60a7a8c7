import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { writeAndSync } from '../../electron/services/store/durable-file.ts';
import os from 'node:os';
import path from 'node:path';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import { makeTarget } from '../../shared/text/target.ts';
import { AppUnderTest } from '../lib/app-under-test.ts';
import { generatedDocument, writeLibraryFolder } from '../lib/library-folder.ts';
import { withBudget, withRatio, type BenchRow } from '../lib/report.ts';
import { median, timed } from '../lib/stats.ts';

/** The document every round trip changes: a long article with many annotations. */
const EDITED = { words: 50_000, annotations: 5_000 };
/** The other documents of the 1,000-document library. */
const OTHER = { words: 1_000, annotations: 20 };

function noteOp(document: ScholiaDocument, run: number): AnnotationOp {
  const start = (run * 7919) % (document.text.length - 40);
  const stamp = new Date().toISOString();
  return {
    op: 'annotation.add',
    annotation: {
      id: `bench-note-${run}-${Date.now()}`,
      kind: 'note',
      target: makeTarget(document.text, start, start + 30),
      note: 'Round trip.',
      author: 'Bench',
      created: stamp,
      modified: stamp,
    },
  };
}

/**
 * A library of `count` documents (the edited one and `count - 1` others) served by a host. Its
 * store waits a minute before writing a change, so a save happens only when the bench flushes it.
 */
async function libraryOf(edited: ScholiaDocument, count: number): Promise<AppUnderTest> {
  const others = Array.from({ length: count - 1 }, (_, i) => generatedDocument(`other-${i}`, OTHER, 500 + i));
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-store-'));
  await writeLibraryFolder(libraryDir, [edited, ...others]);
  return AppUnderTest.start({ libraryDir, debounceMs: 60_000 });
}

/** Round trips are cheap (milliseconds), so they take more samples than the heavier scenarios. */
const TRIP_RUNS_FACTOR = 4;

/** One `annotations.apply` over HTTP through the host (one note added), timed; the save it schedules is flushed afterwards, untimed. */
async function roundTrip(
  app: AppUnderTest,
  edited: ScholiaDocument,
  revision: number,
  run: number,
): Promise<{ ms: number; revision: number }> {
  let next = revision;
  const ms = await timed(async () => {
    next = (
      (await app.call('annotations.apply', { documentId: edited.id, baseRevision: revision, ops: [noteOp(edited, run + 10)] })) as {
        revision: number;
      }
    ).revision;
  });
  await app.scholia.flush();
  return { ms, revision: next };
}

/**
 * Round trips through two hosts, one with a 1-document library and one with 1,000, taken in
 * turn so that both see the same moments of machine load.
 */
async function interleavedRoundTrips(apps: readonly AppUnderTest[], edited: ScholiaDocument, runs: number): Promise<number[][]> {
  const revisions = apps.map(() => edited.revision);
  const times = apps.map(() => [] as number[]);
  for (const app of apps) await app.call('library.get', { id: edited.id });
  for (let run = -1; run < runs; run++) {
    for (const [i, app] of apps.entries()) {
      const trip = await roundTrip(app, edited, revisions[i] as number, run);
      revisions[i] = trip.revision;
      if (run >= 0) times[i]?.push(trip.ms);
    }
  }
  return times;
}

/** Writes `text` to a file and, with `sync`, `fsync`s it before closing (the store's own `writeAndSync`). */
function plainWrite(file: string, text: string, sync: boolean): Promise<void> {
  return sync ? writeAndSync(file, text) : writeFile(file, text);
}

/**
 * The library's store: one `annotations.apply` round trip through the browser host with 1 and with
 * 1,000 documents in the library (budget: 1,000 ≤ 1.2× one); and one save of the edited document
 * (the store's durable write: serialise, fsynced temporary file, backup link, rename, fsynced
 * folder, and the library index) against writing the same bytes with a plain `writeFile`, and
 * with a `writeFile` followed by `fsync` (budget: ≤ 2× the fsynced write, which does the same to
 * the disk; the plain one is shown for the record).
 */
export async function storeScenario(runs: number): Promise<BenchRow[]> {
  const edited = generatedDocument('edited', EDITED, 61);
  const counts = [1, 1_000];
  const apps: AppUnderTest[] = [];
  try {
    for (const count of counts) apps.push(await libraryOf(edited, count));
    const tripRuns = runs * TRIP_RUNS_FACTOR;
    const times = await interleavedRoundTrips(apps, edited, tripRuns);
    const [one, thousand] = counts.map((count, i): BenchRow => ({
      scenario: 'store: annotations.apply round trip',
      case: `${count.toLocaleString('en')} document${count === 1 ? '' : 's'} in the library`,
      medianMs: median(times[i] as number[]),
      runs: tripRuns,
    })) as [BenchRow, BenchRow];
    return [one, withBudget(thousand, one, 1.2), ...(await saveRows(apps[0] as AppUnderTest, edited, runs))];
  } finally {
    for (const app of apps) await app.stop();
  }
}

/**
 * Saves of the edited document through the store, each followed by a plain `writeFile` and a
 * `writeFile` + `fsync` of the bytes the save wrote (the document file and the index), in turn,
 * so all three see the same moments of machine load.
 */
async function saveRows(app: AppUnderTest, edited: ScholiaDocument, runs: number): Promise<BenchRow[]> {
  const documentFile = path.join(app.libraryDir, 'documents', `${edited.id}.json`);
  const indexFile = path.join(app.libraryDir, 'library.json');
  let revision = ((await app.call('library.get', { id: edited.id })) as { document: ScholiaDocument }).document.revision;
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-write-'));
  const times = { save: [] as number[], plain: [] as number[], synced: [] as number[] };
  let bytes: string[] = [];
  const writeAll = (sync: boolean) =>
    timed(async () => {
      for (const [i, text] of bytes.entries()) await plainWrite(path.join(scratch, `file-${i}.json`), text, sync);
    });
  try {
    for (let run = -1; run < runs; run++) {
      revision = (await app.scholia.services.annotations.apply(edited.id, [noteOp(edited, 1_000 + run)], revision)).revision;
      const save = await timed(() => app.scholia.flush());
      bytes = [await readFile(documentFile, 'utf8'), await readFile(indexFile, 'utf8')];
      const plain = await writeAll(false);
      const synced = await writeAll(true);
      if (run < 0) continue;
      times.save.push(save);
      times.plain.push(plain);
      times.synced.push(synced);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const size = `${((bytes[0]?.length ?? 0) / 1_000_000).toFixed(1)} MB document + ${((bytes[1]?.length ?? 0) / 1_000).toFixed(0)} kB index`;
  const plainRow: BenchRow = {
    scenario: 'store: save',
    case: 'plain writeFile of the same bytes',
    medianMs: median(times.plain),
    runs,
    note: size,
  };
  const syncedRow: BenchRow = {
    scenario: 'store: save',
    case: 'writeFile + fsync of the same bytes',
    medianMs: median(times.synced),
    runs,
  };
  const save: BenchRow = { scenario: 'store: save', case: 'Scholia save (durable, with backup)', medianMs: median(times.save), runs };
  return [
    plainRow,
    syncedRow,
    withBudget(save, syncedRow, 2),
    withRatio({ ...save, case: 'Scholia save, against the plain writeFile' }, plainRow),
  ];
}
