import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../electron/services/import/testing/fixture-server.ts';
import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';
import { shoot } from './support/screenshots.ts';

const SOURCE_PAGE = `<!doctype html><html lang="en"><head><title>Designation of state sponsors of terrorism</title></head><body>
<article><h1>Designation of state sponsors of terrorism</h1>
<p>The European Parliament adopted the resolution on 23 November 2022, by 494 votes to 58, with 44 abstentions.</p>
<p>The resolution recognises Russia as a state sponsor of terrorism.</p><script>document.title = 'changed'</script></article></body></html>`;

let site: FixtureServer;
test.beforeAll(async () => {
  site = await startFixtureServer({ '/resolution': { body: SOURCE_PAGE } });
});
test.afterAll(async () => {
  await site.close();
});

test('archives a source with one key, opens the snapshot read-only, shows a tampered one as changed, and the report cites it', async ({
  reader,
  page,
  host,
}) => {
  // The page is served from this computer, so private addresses are allowed, as an analyst would for an intranet.
  await host.call('settings.set', { allowPrivateNetwork: true });
  const url = `${site.origin}/resolution`;
  await reader.mark(SAMPLE.claim, 'c');
  await reader.inspector.getByLabel('Source link').fill(url);
  await reader.inspector.getByLabel('Source title').fill('Parliament’s resolution');
  await reader.inspector.getByRole('button', { name: 'Add source' }).click();
  await reader.inspector.getByLabel('Type of source 1').selectOption('primary-source');
  await reader.expectSaved();
  const state = reader.inspector.getByTestId('evidence-archive-state');
  await expect(state).toHaveText('Not archived');

  // One key on the focused source archives it.
  await reader.inspector.locator('.evidence-item').first().focus();
  await page.keyboard.press('a');
  // The page is read in the import worker, which starts on first use: seconds on a busy machine.
  await expect(reader.statusMessage).toContainText('Archived 127.0.0.1', { timeout: 20_000 });
  await expect(state).toHaveText(/^Archived \d{4}-\d{2}-\d{2} · SHA-256 [0-9a-f]{8}$/u);
  await expect(reader.inspector.getByLabel('Type of source 1')).toHaveValue('primary-source');
  await expect(reader.inspector.getByLabel('Date source 1 was accessed')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/u);
  await shoot(page, 'evidence-list');

  // O opens the snapshot, read-only, under its banner.
  await reader.inspector.locator('.evidence-item').first().focus();
  await page.keyboard.press('o');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('snapshot-banner')).toContainText(`Archived snapshot of ${url}, fetched`);
  await expect(dialog.getByTestId('snapshot-banner')).toContainText('SHA-256');
  await expect(dialog.locator('.reader-text')).toContainText('by 494 votes to 58');
  await expect(dialog.locator('.reader-text')).not.toContainText('document.title');
  await shoot(page, 'evidence-snapshot');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The report cites the snapshot beside the live link.
  const [documentId] = await host.documentIds();
  const { document } = (await host.call('library.get', { id: documentId })) as {
    document: { annotations: { evidence?: { archive?: { sha256: string; fetched: string; id: string } }[] }[] };
  };
  const archive = document.annotations.flatMap((a) => a.evidence ?? []).find((item) => item.archive)?.archive;
  expect(archive).toBeDefined();
  const rendered = (await host.call('export.render', { documentId, format: 'html' })) as { base64: string };
  const html = Buffer.from(rendered.base64, 'base64').toString('utf8');
  expect(html).toContain(`archived ${archive?.fetched.slice(0, 10)}, SHA-256 ${archive?.sha256.slice(0, 8)}`);

  // A snapshot changed on disk is not shown: the mismatch is.
  const folder = path.join(host.libraryDir, 'evidence');
  const [file] = await readdir(folder);
  const stored = path.join(folder, file ?? '');
  await writeFile(stored, (await readFile(stored, 'utf8')).replace('494 votes', '999 votes'));
  await reader.inspector.getByRole('button', { name: 'Open snapshot' }).click();
  await expect(dialog.getByTestId('snapshot-problem')).toContainText(
    'This snapshot was changed on disk (its SHA-256 no longer matches); it is not shown.',
  );
  await expect(dialog.locator('.reader-text')).toHaveCount(0);
  await shoot(page, 'evidence-snapshot-changed');
});

test('attaches a local file to a source by its full path in the browser host: a partial path is refused, a missing file said', async ({
  reader,
  page,
  host,
}) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'scholia-attach-'));
  const scan = path.join(folder, 'minutes.pdf');
  const bytes = Buffer.from('%PDF-1.4\n% minutes of the committee, 23 November 2022\n%%EOF\n');
  await writeFile(scan, bytes);
  await reader.mark(SAMPLE.claim, 'c');
  await reader.inspector.getByLabel('Source link').fill('https://www.europarl.europa.eu/news/en/press-room');
  await reader.inspector.getByRole('button', { name: 'Add source' }).click();
  await reader.expectSaved();

  await reader.inspector.getByRole('button', { name: 'Attach a file to source 1' }).focus();
  await page.keyboard.press('Enter');
  const form = reader.inspector.getByRole('group', { name: 'Attach a file to source 1' });
  const field = form.getByLabel('Full path of the file on this computer');
  await expect(field).toBeFocused();
  await page.keyboard.type('scans/minutes.pdf');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Give the file’s full path, from / (or a drive letter such as C:\\ on Windows).');

  const missing = path.join(folder, 'gone.pdf');
  await field.fill(missing);
  await page.keyboard.press('Enter');
  await expect(reader.statusMessage).toContainText(`Could not attach the file: There is no file at ${missing}.`);
  await expect(form.getByRole('alert')).toHaveText('The file was not attached; the status line says why.');

  await field.fill(scan);
  await shoot(page, 'evidence-attach-file');
  await page.keyboard.press('Enter');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await expect(reader.statusMessage).toContainText(`Attached minutes.pdf: SHA-256 ${sha256.slice(0, 8)}…, ${bytes.length} bytes.`);
  await expect(reader.inspector.locator('.evidence-file')).toHaveText('File: minutes.pdf');
  await expect(reader.inspector.getByRole('button', { name: 'Replace the file of source 1' })).toBeVisible();
  const [documentId] = await host.documentIds();
  const { document } = (await host.call('library.get', { id: documentId })) as {
    document: { annotations: { evidence?: { file?: { path: string; sha256: string; size: number } }[] }[] };
  };
  expect(document.annotations.flatMap((a) => a.evidence ?? []).find((item) => item.file)?.file).toMatchObject({
    path: scan,
    sha256,
    size: bytes.length,
  });
});
