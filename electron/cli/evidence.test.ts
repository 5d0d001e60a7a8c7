import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../services/import/testing/fixture-server.ts';
import { openScholia } from '../services/open-scholia.ts';
import { articleWithSourcedClaim } from '../services/testing/library-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();
let site: FixtureServer;
beforeAll(async () => {
  site = await startFixtureServer({ '/stats': { body: '<!doctype html><title>Prices</title><p>Prices rose by 2.1 per cent.</p>' } });
});
afterAll(async () => {
  await site.close();
});

async function libraryWithSource(url: string) {
  const library = await tempDir();
  const open = await openScholia({ libraryDir: library, debounceMs: 5 });
  const id = await articleWithSourcedClaim(open, url);
  await open.close();
  return { library, id };
}

describe('scholia evidence', () => {
  it('archives a source only with --allow-private-network for a page on this computer, then lists it', async () => {
    const { library, id } = await libraryWithSource(`${site.origin}/stats`);
    const refused = await scholia('evidence', id, 'c1', '1', '--archive', '--library', library);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('It is on a private network');
    expect(await readdir(path.join(library, 'evidence')).catch(() => [])).toEqual([]);

    const archived = await scholia('evidence', id, 'c1', '1', '--archive', '--allow-private-network', '--library', library);
    expect(archived.code).toBe(0);
    expect(archived.stdout).toMatch(
      /^archived http:\/\/127\.0\.0\.1:\d+\/stats: evidence\/[0-9a-f]{32}\.json, \d+ bytes, sha256:[0-9a-f]{64}$/mu,
    );
    const listed = await scholia('evidence', id, 'c1', '--library', library);
    expect(listed.stdout).toMatch(
      /^1\thttp:\/\/127\.0\.0\.1:\d+\/stats\t\tofficial-data; accessed \d{4}-\d{2}-\d{2}; archived .* sha256:[0-9a-f]{64}$/mu,
    );
  });

  it('attaches a file by path and hash, and --check exits 1 once it changed', async () => {
    const { library, id } = await libraryWithSource(`${site.origin}/stats`);
    const file = path.join(await tempDir(), 'letter.pdf');
    await writeFile(file, '%PDF-1.4 letter');
    expect((await scholia('evidence', id, 'c1', '1', '--attach', file, '--library', library)).stdout).toContain(
      `attached ${file}: 15 bytes`,
    );
    expect(await scholia('evidence', id, 'c1', '1', '--check', '--library', library)).toMatchObject({ code: 0 });
    await writeFile(file, '%PDF-1.4 letter, changed');
    const changed = await scholia('evidence', id, 'c1', '1', '--check', '--library', library);
    expect(changed).toMatchObject({ code: 1 });
    expect(changed.stdout).toContain('changed since it was attached (its SHA-256 no longer matches)');
    expect((await scholia('evidence', id, 'c1', '1', '--check', '--attach', file, '--library', library)).code).toBe(2);
  });
});
