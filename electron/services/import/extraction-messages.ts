import type { ErrorCode } from '../../../shared/contract/errors.ts';
import type { Extraction, ExtractionTask } from './extract-source.ts';

/** A task sent to the import worker. */
export interface WorkerRequest {
  id: number;
  task: ExtractionTask;
}

/** The worker's answer to a task: the extraction, or why it was refused (a `ScholiaError`'s code, when it was one). */
export type WorkerReply =
  { id: number; ok: true; extraction: Extraction } | { id: number; ok: false; error: { code?: ErrorCode; message: string } };
