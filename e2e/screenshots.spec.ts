import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { SAMPLE, addNote, attributeMetsolaQuote, markClaimWithVerdict, tagOrganisation } from './support/sample-annotations.ts';

const SHOTS = path.resolve(import.meta.dirname, 'screenshots');

test('screenshots of the reader with all four kinds, overlaps and the inspector', async ({ reader, page }) => {
  await markClaimWithVerdict(reader, 'True');
  const { quoteId } = await attributeMetsolaQuote(reader);
  await tagOrganisation(reader);
  // An organisation inside the quote, a claim inside the quote, and a note inside that claim.
  await reader.mark(SAMPLE.organisation, 'e', 1);
  const innerClaim = await reader.mark('A pro-Kremlin group has claimed responsibility', 'c');
  await reader.inspector.getByLabel('Verdict').selectOption({ label: 'Unverifiable' });
  await addNote(reader);
  await reader.mark('Russia', 'e');
  await reader.inspector.getByLabel('Entity type').selectOption({ label: 'Location' });
  const spokesClaim = await reader.mark('the outage was due to "high levels of external network traffic,"', 'c');
  await reader.inspector.getByLabel('Verdict').selectOption({ label: 'Mostly true' });
  await reader.expectSaved();

  await reader.selectAnnotation(quoteId);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SHOTS, 'reader-quote-selected.png') });

  await reader.selectAnnotation(innerClaim);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SHOTS, 'reader-claim-selected.png') });

  await reader.selectAnnotation(spokesClaim);
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await expect(reader.inspector.getByRole('heading', { name: 'Inspector' })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'reader-nothing-selected.png') });
});
