import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';

test('sets a verdict with a digit key, and the check-worthy flag with W', async ({ reader, page, host }) => {
  const id = await reader.mark(SAMPLE.claim, 'c');
  await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('unverified');
  await page.keyboard.press('6');
  await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('false');
  await expect(reader.highlight(id).first()).toHaveClass(/\bverdict-false\b/u);
  await page.keyboard.press('3');
  await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('mostly-true');
  await page.keyboard.press('w');
  await expect(reader.inspector.getByRole('checkbox', { name: /Worth checking/u })).toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(reader.inspector.getByRole('checkbox', { name: /Worth checking/u })).not.toBeChecked();
  await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('mostly-true');
  await reader.inspector.getByLabel('Claim type').selectOption({ label: 'Law or rule' });
  await reader.expectSaved();
  await host.stop();
  const [documentId] = await host.documentIds();
  const document = await host.readDocumentFile(documentId ?? '');
  expect(document.annotations.find((annotation) => annotation.id === id)).toMatchObject({
    kind: 'claim',
    status: 'mostly-true',
    label: 'legal',
  });
});

test('names a claimant by type-ahead, or from the selected text with S', async ({ reader, page }) => {
  const claimId = await reader.mark('The deliberate attacks and atrocities carried out by the Russian Federation', 'c');
  const claimant = reader.inspector.getByRole('combobox', { name: 'Claimant' });
  await claimant.fill('lawmakers');
  await expect(reader.inspector.getByRole('option', { name: 'Add “lawmakers” as a new person' })).toBeVisible();
  await claimant.press('Enter');
  await expect(claimant).toHaveValue('lawmakers');
  await reader.inspector.getByRole('button', { name: 'Clear claimant' }).click();
  await expect(claimant).toHaveValue('');

  // Keep the claim selected, select the name in the text, press S.
  await reader.selectText('MEPs');
  await page.keyboard.press('s');
  expect(await reader.selectedId()).toBe(claimId);
  await expect(claimant).toHaveValue('MEPs');
  await expect(reader.statusMessage).toContainText('Claimant: MEPs');
  expect(await reader.highlightIds('entity')).toHaveLength(1);
});

test('adds evidence links that open outside the app, and refuses what is not a web link', async ({ reader, page }) => {
  await reader.mark(SAMPLE.claim, 'c');
  const link = reader.inspector.getByLabel('Source link');
  await link.fill('javascript:alert(1)');
  await link.press('Enter');
  await expect(reader.inspector.getByRole('alert')).toContainText('web link');
  await link.fill('https://www.europarl.europa.eu/news/en/press-room/20221118IPR55707');
  await reader.inspector.getByLabel('Source title').fill('Parliament’s resolution');
  await reader.inspector.getByLabel('Source note').fill('Adopted 494 to 58');
  await reader.inspector.getByRole('button', { name: 'Add source' }).click();
  const source = reader.inspector.getByRole('link', { name: 'Parliament’s resolution' });
  await expect(source).toHaveAttribute('href', 'https://www.europarl.europa.eu/news/en/press-room/20221118IPR55707');
  await expect(source).toHaveAttribute('target', '_blank');
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(reader.inspector.locator('.evidence-host')).toHaveText('europarl.europa.eu');
  await expect(reader.inspector.locator('.evidence-note')).toHaveText('Adopted 494 to 58');
  await reader.expectSaved();

  // Opening it makes a new tab in the browser host (in the desktop app, the system browser); the app stays where it is.
  const popup = page.waitForEvent('popup');
  await page.context().route('https://www.europarl.europa.eu/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
  await source.click();
  const opened = await popup;
  expect(opened.url()).toContain('europarl.europa.eu');
  expect(await opened.evaluate(() => window.opener)).toBeNull();
  await opened.close();
  await expect(reader.article).toBeVisible();

  await reader.inspector.getByRole('button', { name: /Remove source/u }).click();
  await expect(reader.inspector.getByText('No sources yet.')).toBeVisible();
});
