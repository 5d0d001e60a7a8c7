import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import type { AnnotationOp } from '../../shared/contract/ops.ts';
import { callHost, startServe, type ServeProcess } from './testing/serve-process.ts';
import { DocumentFile } from '../services/store/store-files.ts';
import { noteAt } from '../services/testing/library-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';

const tempDir = useTempDirs();
const CLIENTS = 20;
const BATCHES_PER_CLIENT = Number(process.env.SCHOLIA_LOAD_BATCHES ?? 250);
const ADDS_PER_BATCH = 3;
/** Clients stop starting batches after this long; with the host's start and stop the test stays under 60 s. */
const SEND_FOR_MS = 40_000;

let serve: ServeProcess | undefined;
afterEach(async () => {
  if (serve && serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL');
  await serve?.exited;
  serve = undefined;
});

interface ClientLog {
  acknowledged: number[];
  failed: string[];
}

/** One client: batches one after another, each adding notes and updating the client's own counter note. */
async function client(host: ServeProcess, documentId: string, text: string, index: number, deadline: number): Promise<ClientLog> {
  const log: ClientLog = { acknowledged: [], failed: [] };
  for (let batch = 0; batch < BATCHES_PER_CLIENT && Date.now() < deadline; batch += 1) {
    const ops: AnnotationOp[] = [];
    for (let k = 0; k < ADDS_PER_BATCH; k += 1) {
      ops.push({
        op: 'annotation.add',
        annotation: noteAt(
          text,
          `c${index}-b${batch}-${k}`,
          (index * 7919 + batch * 104729 + k * 31) % text.length,
          `client ${index} batch ${batch}`,
        ),
      });
    }
    const counter = noteAt(text, `c${index}-counter`, index * 13, `batch ${batch}`);
    ops.push(batch === 0 ? { op: 'annotation.add', annotation: counter } : { op: 'annotation.update', annotation: counter });
    const result = await callHost(host, 'annotations.apply', { documentId, ops });
    if (result.ok) log.acknowledged.push(batch);
    else log.failed.push(`${batch}: ${result.error?.code} ${result.error?.message}`);
    if (!result.ok) break;
  }
  return log;
}

describe('the browser host under load', () => {
  it(`keeps every acknowledged batch of ${CLIENTS} concurrent clients, in order, once`, async () => {
    const started = Date.now();
    const library = await tempDir();
    serve = await startServe(library);
    const host = serve;
    const listed = (await callHost(host, 'library.list', {})).value as ChannelOutput<'library.list'>;
    const documentId = String(listed.documents[0]?.id);
    const { document } = (await callHost(host, 'library.get', { id: documentId })).value as ChannelOutput<'library.get'>;

    const deadline = Date.now() + SEND_FOR_MS;
    const logs = await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(host, documentId, document.text, index, deadline)));
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);

    const saved = DocumentFile.parse(JSON.parse(await readFile(path.join(library, 'documents', `${documentId}.json`), 'utf8'))).document;
    const ids = saved.annotations.map((a) => a.id);
    const acknowledgedBatches = logs.reduce((sum, log) => sum + log.acknowledged.length, 0);
    const operations = acknowledgedBatches * (ADDS_PER_BATCH + 1);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `load test: ${CLIENTS} clients, ${acknowledgedBatches} batches (${operations} operations) acknowledged in ${seconds.toFixed(1)} s; ${ids.length} annotations on disk`,
    );

    expect(logs.flatMap((log) => log.failed)).toEqual([]);
    // Nothing duplicated, nothing extra.
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(acknowledgedBatches * ADDS_PER_BATCH + CLIENTS);
    // One revision per acknowledged batch: none applied twice, none lost.
    expect(saved.revision).toBe(acknowledgedBatches);
    logs.forEach((log, index) => {
      const mine = ids.filter((id) => id.startsWith(`c${index}-b`));
      const expected = log.acknowledged.flatMap((batch) => Array.from({ length: ADDS_PER_BATCH }, (_, k) => `c${index}-b${batch}-${k}`));
      // Every acknowledged operation on disk, in the order the client sent it.
      expect(mine).toEqual(expected);
      const counter = saved.annotations.find((a) => a.id === `c${index}-counter`);
      expect(counter?.note).toBe(`batch ${log.acknowledged.at(-1)}`);
    });
    expect(seconds).toBeLessThan(60);
  }, 70_000);
});
