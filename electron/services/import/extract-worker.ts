// The import worker's entry: reads articles off the main thread, one task at a time (see extraction-worker.ts).
import { parentPort } from 'node:worker_threads';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { extractInThisThread } from './extract-source.ts';
import type { WorkerReply, WorkerRequest } from './extraction-messages.ts';

if (!parentPort) throw new Error('extract-worker runs only as a worker thread.');
const port = parentPort;

port.on('message', async ({ id, task }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, extraction: await extractInThisThread(task) };
  } catch (error) {
    reply =
      error instanceof ScholiaError
        ? { id, ok: false, error: { code: error.code, message: error.message } }
        : { id, ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
  port.postMessage(reply);
});
