import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import type { Extraction, ExtractionTask } from './extract-source.ts';
import type { WorkerReply, WorkerRequest } from './extraction-messages.ts';

/** How long the worker may spend on one source before it is stopped and the source refused. */
export const EXTRACTION_TIME_LIMIT_MS = 20_000;
/** An idle worker is stopped after this long, and its memory with it; the next import starts another. */
const IDLE_MS = 30_000;
/** The worker's heap: far above what a 32 MB source needs, and an end to one that runs away. */
const WORKER_HEAP_MB = 2048;

export interface ExtractionOptions {
  /** The time limit, in milliseconds (default `EXTRACTION_TIME_LIMIT_MS`). */
  timeLimitMs?: number;
}

/**
 * The worker's script. Bundles (the Electron main process, the CLI) have theirs built next to them
 * by scripts/build-node.mjs, the CLI's code split into `chunks/`; sources run by vitest or tsx start
 * the TypeScript entry through tsx's loader (extract-worker-from-sources.mjs).
 */
function workerScript(): string {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return fileURLToPath(new URL('./extract-worker-from-sources.mjs', here));
  const bundleDir = new URL(/\/chunks\/[^/]*$/u.test(here) ? '../' : './', here);
  const script = fileURLToPath(new URL(here.endsWith('.cjs') ? 'extract-worker.cjs' : 'extract-worker.js', bundleDir));
  if (!existsSync(script)) throw new Error(`The import worker is missing from this build (${script}); run \`npm run build\`.`);
  return script;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

interface Job {
  request: WorkerRequest;
  label: string;
  timeLimitMs: number;
  resolve: (extraction: Extraction) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread that reads sources one after another, so the thread that answers calls never
 * parses a page. A source that runs past its time limit has its worker terminated (the only way to
 * stop synchronous work) and is refused; a worker that dies (out of memory) refuses only its source;
 * either way the next source gets a new worker.
 */
class ExtractionWorker {
  private worker: Worker | undefined;
  private running: { job: Job; timer: NodeJS.Timeout } | undefined;
  private readonly queue: Job[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;

  extract(task: ExtractionTask, label: string, timeLimitMs: number): Promise<Extraction> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, task }, label, timeLimitMs, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    clearTimeout(this.idleTimer);
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
      this.startNext();
      return;
    }
    worker.ref();
    const timer = setTimeout(
      () =>
        this.stopRunning(
          new ScholiaError(
            'unsupported-file',
            `${job.label} took too long to read (more than ${seconds(job.timeLimitMs)}) and was stopped; it was not imported.`,
          ),
        ),
      job.timeLimitMs,
    );
    this.running = { job, timer };
    worker.postMessage(job.request);
  }

  private spawn(): Worker {
    const worker = new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: false, stderr: false });
    worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${this.running?.job.label ?? 'The source'} needs more memory than an import may use; it was not imported.`
          : `${this.running?.job.label ?? 'The source'} could not be read (${error.message}).`;
      this.stopRunning(new ScholiaError('unsupported-file', message));
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.stopRunning(new ScholiaError('internal', `The import worker stopped while reading ${this.running?.job.label ?? 'a source'}.`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const running = this.running;
    if (this.worker !== worker || !running || running.job.request.id !== reply.id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    if (reply.ok) running.job.resolve(reply.extraction);
    else running.job.reject(reply.error.code ? new ScholiaError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    if (this.queue.length === 0) this.idle(worker);
    this.startNext();
  }

  /** Refuses the running source and discards its worker. */
  private stopRunning(error: ScholiaError): void {
    const running = this.running;
    const worker = this.worker;
    this.running = undefined;
    this.worker = undefined;
    if (worker) void worker.terminate();
    if (running) {
      clearTimeout(running.timer);
      running.job.reject(error);
    }
    this.startNext();
  }

  /** Lets the process exit while the worker waits, and stops the worker after a while. */
  private idle(worker: Worker): void {
    worker.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker || this.running) return;
      this.worker = undefined;
      void worker.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }
}

const importWorker = new ExtractionWorker();

/**
 * Reads a source's article in the import worker (see `extractInThisThread`), within a time limit:
 * the calling thread stays free to answer other calls meanwhile. `label` names the source in a refusal.
 */
export function extractInWorker(task: ExtractionTask, label: string, options: ExtractionOptions = {}): Promise<Extraction> {
  return importWorker.extract(task, label, options.timeLimitMs ?? EXTRACTION_TIME_LIMIT_MS);
}
