import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_TAGSET } from '../shared/model/tagset.ts';
import { expect, test } from './support/fixtures.ts';
import { ReaderPage } from './support/reader-page.ts';
import { SAMPLE } from './support/sample-annotations.ts';
import { ScholiaHost } from './support/scholia-host.ts';

test('asks who is annotating on first run, and signs annotations with that name', async ({ page }) => {
  const host = await ScholiaHost.start({ firstRun: true });
  try {
    const reader = new ReaderPage(page);
    await reader.open(host.url);
    const prompt = page.getByRole('dialog', { name: 'Who is annotating?' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByLabel('Your name')).toBeFocused();
    await page.keyboard.type('R. Fact-Checker');
    await page.keyboard.press('Enter');
    await expect(prompt).toHaveCount(0);
    await expect(reader.article).toBeFocused();
    await expect(page.getByRole('button', { name: 'Annotator: R. Fact-Checker' })).toBeVisible();
    const id = await reader.mark(SAMPLE.claim, 'c');
    await expect(reader.inspector.getByText(/^R\. Fact-Checker ·/u)).toBeVisible();
    await reader.expectSaved();

    await page.reload();
    await expect(reader.article).toBeVisible();
    await expect(page.getByRole('button', { name: 'Annotator: R. Fact-Checker' })).toBeVisible();
    await expect(prompt).toHaveCount(0);
    await host.stop();
    const [documentId] = await host.documentIds();
    const document = await host.readDocumentFile(documentId ?? '');
    expect(document.annotations.find((annotation) => annotation.id === id)?.author).toBe('R. Fact-Checker');
  } finally {
    await host.dispose();
  }
});

test('edits the codebook: a relabelled, recoloured verdict with a new key reaches the inspector and the highlights', async ({
  reader,
  page,
}) => {
  const id = await reader.mark(SAMPLE.claim, 'c');
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  const verdicts = settings.getByRole('region', { name: 'Verdict scale' });
  await verdicts.getByLabel('Verdict 2 label').fill('Correct');
  await verdicts.getByLabel('Verdict 2 colour').fill('#0e7490');
  await verdicts.getByLabel('Verdict 2 key').fill('c');
  await expect(settings.getByRole('alert', { name: 'Problems' })).toContainText('taken by a reader command');
  await expect(settings.getByRole('button', { name: 'Save codebook' })).toBeDisabled();
  await verdicts.getByLabel('Verdict 2 key').fill('9');
  await settings.getByRole('region', { name: 'Claim types' }).getByRole('button', { name: 'Add claim type' }).click();
  await settings.getByLabel('Claim type 6 label').fill('Quote check');
  await expect(settings.getByRole('region', { name: 'Claim types' }).locator('.entry-id').last()).toHaveText('quote-check');
  await settings.getByRole('button', { name: 'Save codebook' }).click();
  await expect(settings.getByRole('status')).toContainText('Saved');
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  await reader.selectAnnotation(id);
  await page.keyboard.press('9');
  await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('true');
  expect(await reader.selectedOptionText('Verdict')).toBe('Correct');
  await expect(reader.highlight(id).first()).toHaveAttribute('style', /#0e7490/u);
  await reader.inspector.getByLabel('Claim type').selectOption({ label: 'Quote check' });
  await reader.expectSaved();
});

test('refuses to drop a verdict that a claim uses, and says why', async ({ reader, page }) => {
  await reader.mark(SAMPLE.claim, 'c');
  await page.keyboard.press('4');
  await reader.expectSaved();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Remove verdict 4' }).click();
  await settings.getByRole('button', { name: 'Save codebook' }).click();
  await expect(settings.getByRole('alert')).toContainText('the verdict “mixed” is used in');
});

test('exports the codebook as a file, imports one, and refuses a bad file without changing anything', async ({
  reader,
  page,
}, testInfo) => {
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const downloading = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export codebook' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('scholia-codebook.json');
  const exported = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
  expect(exported).toEqual({ format: 'scholia-tagset', version: 1, tagset: DEFAULT_TAGSET });

  const bad = testInfo.outputPath('bad-codebook.json');
  await writeFile(bad, JSON.stringify({ format: 'scholia-tagset', version: 1, tagset: { ...DEFAULT_TAGSET, verdicts: [] } }));
  await settings.getByLabel('Codebook file to import').setInputFiles(bad);
  await expect(settings.getByRole('alert')).toContainText('bad-codebook.json: The codebook is not valid: verdicts');
  await expect(settings.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(settings.getByLabel('Verdict 1 label')).toHaveValue('Unverified');

  const notJson = testInfo.outputPath('notes.json');
  await writeFile(notJson, 'not json at all');
  await settings.getByLabel('Codebook file to import').setInputFiles(notJson);
  await expect(settings.getByRole('alert')).toContainText('notes.json is not a JSON file; nothing was changed.');

  const team = testInfo.outputPath('team-codebook.json');
  const teamTagset = {
    ...DEFAULT_TAGSET,
    entityTypes: [...DEFAULT_TAGSET.entityTypes, { id: 'media', label: 'Media outlet', colour: '#0e7490', key: 'k' }],
  };
  await writeFile(team, JSON.stringify({ format: 'scholia-tagset', version: 1, tagset: teamTagset }));
  await settings.getByLabel('Codebook file to import').setInputFiles(path.resolve(team));
  await expect(settings.getByRole('status')).toContainText('Loaded team-codebook.json: 7 entity types');
  await settings.getByRole('button', { name: 'Save codebook' }).click();
  await expect(settings.getByRole('status')).toContainText('Saved');
  await page.keyboard.press('Escape');

  await reader.mark('Hackers', 'e');
  await page.keyboard.press('k');
  await expect(reader.inspector.getByLabel('Entity type')).toHaveValue('media');
});
