import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openScholia } from '../open-scholia.ts';
import { LockOwner } from '../store/library-lock.ts';
import { DocumentFile, LibraryFile } from '../store/store-files.ts';
import { stateHash } from './crash-state.ts';
import { importArticle } from './library-fixtures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface CrashTestOptions {
  libraryDir: string;
  kills: number;
  seed?: number;
  /** The longest a writer runs after it is ready before it is killed. */
  maxRunMs?: number;
  onKill?: (kill: number, result: CrashTestResult) => void;
}

export interface CrashTestResult {
  kills: number;
  /** Store files parsed and validated after the kills, counted once per check. */
  filesChecked: number;
  /** States the writers announced before applying them. */
  statesAnnounced: number;
  /** Flushes the writers saw resolve before they were killed. */
  flushesCompleted: number;
  /** Kills that landed before the writer had even opened the library. */
  killsDuringOpen: number;
  problems: string[];
}

/**
 * Bundles the writer, so each run starts as fast as plain Node can. What the services load only
 * when asked (the import pipeline, the suggesters) goes into chunks of its own that the writer never
 * loads: in one file, Node compiled all 28 MB of it at every start.
 */
async function bundleWriter(outDir: string): Promise<string> {
  await build({
    entryPoints: { 'crash-writer': path.join(here, 'crash-writer.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return path.join(outDir, 'crash-writer.mjs');
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const ARTICLES = [
  'The minister said on Tuesday that prices rose by twelve per cent.\n\nThe opposition called the figure misleading and asked for the data.',
  'Flooding closed three bridges in the city overnight, officials said.\n\nResidents were told to stay away from the river banks until Friday.',
  'A court in the capital ruled that the contract was void.\n\nThe company said it would appeal, calling the judgement "deeply flawed". Shares fell 4 %.',
];

interface Seen {
  /** For each document, the states announced at each revision (two writers may announce different ones for one revision). */
  states: Map<string, Map<number, Set<string>>>;
  /** For each document, the highest revision a completed flush covered. */
  durable: Map<string, number>;
}

function record(seen: Seen, line: string): 'intent' | 'durable' | 'other' {
  const [kind, id, revision, hash] = line.split(' ');
  if (kind === 'intent' && id && revision && hash) {
    const byRevision = seen.states.get(id) ?? new Map<number, Set<string>>();
    seen.states.set(id, byRevision);
    const hashes = byRevision.get(Number(revision)) ?? new Set<string>();
    byRevision.set(Number(revision), hashes);
    hashes.add(hash);
    return 'intent';
  }
  if (kind === 'durable' && id && revision) {
    seen.durable.set(id, Math.max(seen.durable.get(id) ?? 0, Number(revision)));
    return 'durable';
  }
  return 'other';
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Checks every file of the library: each parses and validates; each document holds a state a writer
 * announced, no older than the last flush that resolved; each backup holds an announced state; the
 * index lists every document. Temporary files (`.name.<random>.tmp`) are not store files and are skipped.
 */
async function checkLibrary(dir: string, ids: readonly string[], seen: Seen): Promise<{ checked: number; problems: string[] }> {
  const problems: string[] = [];
  let checked = 0;
  for (const file of await filesUnder(dir)) {
    const relative = path.relative(dir, file);
    const name = path.basename(file);
    if (name.startsWith('.')) continue;
    if (name.includes('.corrupt-')) {
      problems.push(`${relative}: a file was found damaged and moved aside`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push(`${relative}: does not parse (${String(error)})`);
      continue;
    }
    checked += 1;
    if (name === 'scholia.lock') {
      if (!LockOwner.safeParse(json).success) problems.push(`${relative}: not a valid lock`);
      continue;
    }
    if (relative === 'library.json') {
      const index = LibraryFile.safeParse(json);
      if (!index.success) problems.push(`library.json: does not validate`);
      else if (ids.some((id) => !index.data.documents.some((d) => d.id === id)))
        problems.push('library.json: a document is missing from the index');
      continue;
    }
    const parsed = DocumentFile.safeParse(json);
    if (!parsed.success) {
      problems.push(`${relative}: does not validate`);
      continue;
    }
    const { document } = parsed.data;
    const hash = stateHash(document);
    if (!seen.states.get(document.id)?.get(document.revision)?.has(hash)) {
      problems.push(`${relative}: revision ${document.revision} (${hash}) is a state no writer announced`);
    }
    if (relative.startsWith('documents') && document.revision < (seen.durable.get(document.id) ?? 0)) {
      problems.push(
        `${relative}: revision ${document.revision} is older than revision ${seen.durable.get(document.id)}, which a completed flush had saved`,
      );
    }
  }
  return { checked, problems };
}

/**
 * The crash test: a writer process saves documents in a loop through the real store and is killed
 * with SIGKILL at a random moment, `kills` times; after each kill every file of the library is checked.
 */
export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestResult> {
  const { libraryDir, kills } = options;
  const next = seeded(options.seed ?? 7);
  const writerDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-crash-writer-'));
  try {
    return await killRepeatedly(libraryDir, kills, await bundleWriter(writerDir), next, options);
  } finally {
    await rm(writerDir, { recursive: true, force: true });
  }
}

async function killRepeatedly(
  libraryDir: string,
  kills: number,
  writer: string,
  next: () => number,
  options: CrashTestOptions,
): Promise<CrashTestResult> {
  const maxRunMs = options.maxRunMs ?? 150;

  const setup = await openScholia({ libraryDir });
  const seen: Seen = { states: new Map(), durable: new Map() };
  const ids: string[] = [];
  for (const text of ARTICLES) {
    const { id } = await importArticle(setup, text);
    ids.push(id);
    record(seen, `intent ${id} 0 ${stateHash((await setup.services.documents.get(id)).document)}`);
  }
  await setup.close();

  const result: CrashTestResult = { kills: 0, filesChecked: 0, statesAnnounced: 0, flushesCompleted: 0, killsDuringOpen: 0, problems: [] };
  for (let kill = 1; kill <= kills; kill += 1) {
    const child = spawn(process.execPath, [writer, libraryDir, String(kill)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let ready = false;
    const killNow = () => child.kill('SIGKILL');
    // One kill in ten is aimed at the start, while the writer opens the library and takes the lock.
    const early = next() < 0.1;
    const timer = early ? setTimeout(killNow, next() * 80) : undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!ready && !early && stdout.includes('ready\n')) {
        ready = true;
        setTimeout(killNow, next() * maxRunMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const signal = await new Promise<string | null>((resolve) => child.once('exit', (_code, exitSignal) => resolve(exitSignal)));
    clearTimeout(timer);
    if (signal !== 'SIGKILL') result.problems.push(`kill ${kill}: the writer ended by itself: ${stderr.trim()}`);
    if (!stdout.includes('ready\n')) result.killsDuringOpen += 1;
    for (const line of stdout.split('\n').slice(0, -1)) {
      const kind = record(seen, line);
      if (kind === 'intent') result.statesAnnounced += 1;
      if (kind === 'durable') result.flushesCompleted += 1;
    }
    const check = await checkLibrary(libraryDir, ids, seen);
    result.kills = kill;
    result.filesChecked += check.checked;
    result.problems.push(...check.problems.map((problem) => `kill ${kill}: ${problem}`));
    options.onKill?.(kill, result);
  }

  // After all that, the library opens cleanly: no notices, every document readable.
  const after = await openScholia({ libraryDir });
  const { notices, readOnly } = after.services.documents.list();
  for (const notice of notices) result.problems.push(`after the kills: ${notice.message}`);
  if (readOnly) result.problems.push(`after the kills: read-only: ${readOnly.message}`);
  for (const id of ids)
    await after.services.documents.get(id).catch((error: unknown) => result.problems.push(`after the kills: ${id}: ${String(error)}`));
  await after.close();
  return result;
}
