import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/contract/api-client.ts';
import { httpTransport, inProcessTransport, type Transport } from '../../shared/contract/transports.ts';
import { startHost, type Host } from '../host/server.ts';
import { openScholia, type Scholia } from '../services/open-scholia.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { clientOf, withLibrary } from './library-client.ts';

const tempDir = useTempDirs();
const TOKEN = 'door-test-token-0123456789';
let running: { host: Host; scholia: Scholia } | undefined;

afterEach(async () => {
  await running?.host.close();
  await running?.scholia.close();
  running = undefined;
});

/** One library behind both doors: the browser host's HTTP (with its token) and the in-process transport. */
async function bothDoors(): Promise<{ http: Transport; inProcess: Transport; scholia: Scholia }> {
  const rendererDir = await tempDir();
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Scholia</title>');
  const scholia = await openScholia({ libraryDir: await tempDir() });
  const host = await startHost({ scholia, rendererDir, token: TOKEN });
  running = { host, scholia };
  const origin = new URL(host.url).origin;
  const http = httpTransport((url, init) =>
    fetch(`${origin}${url}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${TOKEN}` } }),
  );
  return { http, inProcess: inProcessTransport(scholia), scholia };
}

describe('the in-process transport', () => {
  it('refuses input the contract refuses with bad-request, exactly as the browser host does', async () => {
    const { http, inProcess } = await bothDoors();
    const refusals: [Parameters<Transport>[0], unknown][] = [
      ['library.get', { id: '../etc/passwd' }],
      ['library.importText', { text: 'An article.', colour: 'red' }],
      ['annotations.apply', { documentId: 'd1', ops: [] }],
      ['library.importBatch', { sources: [{ kind: 'ftp', url: 'ftp://example.org/' }] }],
    ];
    for (const [channel, input] of refusals) {
      const overHttp = await http(channel, input);
      expect(overHttp, channel).toMatchObject({
        ok: false,
        error: { code: 'bad-request', message: expect.stringContaining(`Invalid input for ${channel}:`) },
      });
      expect(await inProcess(channel, input), channel).toEqual(overHttp);
    }
  });

  it('answers a valid call through the same dispatch: what one door stores, the other reads', async () => {
    const { http, inProcess } = await bothDoors();
    const cli = createApiClient(inProcess);
    const page = createApiClient(http);
    const { id } = await cli.call('library.importText', {
      text: 'The harbour board met on Monday.\n\nIt approved the budget.',
      title: 'Harbour board',
    });
    expect((await page.call('library.list', {})).documents.map((summary) => [summary.id, summary.title])).toEqual([[id, 'Harbour board']]);
    expect(await cli.call('library.get', { id })).toEqual(await page.call('library.get', { id }));
    await expect(cli.call('library.get', { id: 'no-such-document' })).rejects.toMatchObject({ code: 'not-found', channel: 'library.get' });
  });

  it('is refused as forbidden once the services are closed, and withLibrary closes them however the work ends', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir });
    await scholia.close();
    await expect(clientOf(scholia).call('settings.get', {})).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Scholia is shutting down.',
    });
    await expect(withLibrary({ libraryDir, whenLocked: 'fail' }, () => Promise.reject(new Error('stopped')))).rejects.toThrow('stopped');
    // The lock was given up: a second writer opens.
    expect(await withLibrary({ libraryDir, whenLocked: 'fail' }, (api) => api.call('library.list', {}))).toMatchObject({ documents: [] });
  });
});
