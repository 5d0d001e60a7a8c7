import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { ScholiaDocument } from '../../shared/model/document.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/node/cli.js');
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/u;
const START_TIMEOUT_MS = 15_000;

type HostProcess = ChildProcessByStdio<null, Readable, Readable>;

/** `scholia serve` on a library folder of its own, which can be stopped (SIGTERM) and started again. */
export class ScholiaHost {
  private process: HostProcess | null = null;
  private output = '';
  /** The host's launch URL (it carries the token; opening it signs the page in). */
  url = '';

  private constructor(readonly libraryDir: string) {}

  /**
   * A host on a new, empty library folder. Its annotator profile is set ("Analyst"), so the page
   * does not ask for a name, unless `firstRun` leaves it as a new installation has it.
   */
  static async start(options: { firstRun?: boolean } = {}): Promise<ScholiaHost> {
    const host = new ScholiaHost(await mkdtemp(path.join(tmpdir(), 'scholia-e2e-')));
    await host.launch();
    if (!options.firstRun) await host.call('settings.set', { annotatorName: 'Analyst', profileSet: true });
    return host;
  }

  /**
   * A second host on this one's library folder. This one holds the library's lock, so the second
   * opens it read-only. Stop it with `stop()` (not `dispose()`, which would delete the shared folder).
   */
  async another(): Promise<ScholiaHost> {
    const other = new ScholiaHost(this.libraryDir);
    await other.launch();
    return other;
  }

  /** Calls the host's API directly (with the launch token), as a script would. */
  async call(channel: string, input: unknown): Promise<unknown> {
    const url = new URL(this.url);
    const token = url.searchParams.get('token') ?? '';
    const response = await fetch(`${url.origin}/api/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel} failed: ${body.error?.message ?? response.status}`);
    return body.value;
  }

  private launch(): Promise<void> {
    const child = spawn(process.execPath, [CLI, 'serve', '--library', this.libraryDir, '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    this.output = '';
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (!error) return resolve();
        child.kill('SIGKILL');
        reject(new Error(`${error.message}\n--- host output ---\n${this.output}`));
      };
      const timer = setTimeout(() => settle(new Error(`the host printed no URL within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        const match = URL_PATTERN.exec(this.output);
        if (match) {
          this.url = match[0];
          settle();
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
      child.once('exit', (code, signal) => settle(new Error(`the host exited early (code ${code}, signal ${signal})`)));
      child.once('error', (error) => settle(error));
    });
  }

  /** Stops the host the way the OS would (SIGTERM: it flushes pending writes) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`the host exited with code ${code}\n--- host output ---\n${this.output}`);
  }

  /** Stops the host and starts a new one on the same library folder (new port, new token). */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  /** The ids of the documents stored in the library folder. */
  async documentIds(): Promise<string[]> {
    const files = await readdir(path.join(this.libraryDir, 'documents'));
    return files.filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
  }

  /** Reads `<library>/documents/<id>.json` as the store wrote it. */
  async readDocumentFile(id: string): Promise<ScholiaDocument> {
    const raw = JSON.parse(await readFile(path.join(this.libraryDir, 'documents', `${id}.json`), 'utf8')) as {
      format: string;
      version: number;
      document: ScholiaDocument;
    };
    if (raw.format !== 'scholia-document' || raw.version !== 1)
      throw new Error(`unexpected document file format ${raw.format} v${raw.version}`);
    return raw.document;
  }

  /** Stops the host and deletes its library folder. */
  async dispose(): Promise<void> {
    try {
      await this.stop();
    } finally {
      await rm(this.libraryDir, { recursive: true, force: true });
    }
  }
}
