import { expect, test } from './support/fixtures.ts';
import { markClaimWithVerdict } from './support/sample-annotations.ts';
import { shoot } from './support/screenshots.ts';

test('a verdict signs the claim; rationale, stage and checked-on are edited by keyboard, saved and filter the list', async ({
  reader,
  page,
  host,
}) => {
  const id = await markClaimWithVerdict(reader, 'Mostly true');
  const inspector = reader.inspector;
  // Giving the verdict signed the record with the annotator and today.
  await expect(inspector.getByLabel('Checked by')).toHaveValue('Analyst');
  await expect(inspector.getByLabel('Checked on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/u);

  await inspector.getByLabel('Stage').focus();
  await inspector.getByLabel('Stage').selectOption({ label: 'In progress' });
  const rationale = inspector.getByLabel('Rationale');
  await rationale.focus();
  await page.keyboard.type('The **resolution** was adopted on 23 November 2022: [the vote](https://www.europarl.europa.eu/).');
  await page.keyboard.press('Tab');
  await expect(inspector.getByLabel('Checked by')).toBeFocused();
  await inspector.getByLabel('Checked on').fill('2026-03-03');
  await reader.expectSaved();

  const list = (await host.call('library.list', {})) as { documents: { id: string }[] };
  const { document } = (await host.call('library.get', { id: list.documents[0]?.id ?? '' })) as {
    document: { annotations: { id: string; rationale?: string; stage?: string; checkedBy?: string; checkedOn?: string }[] };
  };
  expect(document.annotations.find((a) => a.id === id)).toMatchObject({
    stage: 'in-progress',
    checkedBy: 'Analyst',
    checkedOn: '2026-03-03',
    rationale: expect.stringContaining('**resolution**'),
  });

  await page.getByRole('tab', { name: /Claims/u }).click();
  await page.getByLabel('Filter claims by stage').selectOption('in-progress');
  await expect(page.locator('[data-annotation-ref]')).toHaveCount(1);
  await page.getByLabel('Filter claims by stage').selectOption('published');
  await expect(page.locator('[data-annotation-ref]')).toHaveCount(0);
  await page.getByLabel('Filter claims by stage').selectOption('all');
  await page.locator('[data-annotation-ref]').first().click();
  await expect(inspector.getByLabel('Rationale')).toHaveValue(/resolution/u);
  await shoot(page, 'claim-verdict-record');
});
