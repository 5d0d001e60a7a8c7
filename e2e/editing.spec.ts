import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';

test('extends and shrinks a span word by word from the keyboard; quick steps undo as one', async ({ reader, page }) => {
  const id = await reader.mark('European', 'e');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(() => reader.highlightText(id)).toBe('European Parliament');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(() => reader.highlightText(id)).toBe('European Parliament became');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect.poll(() => reader.highlightText(id)).toBe('European Parliament');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => reader.highlightText(id)).toBe('the European Parliament');
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => reader.highlightText(id)).toBe('European Parliament');
  await expect(reader.inspector.getByLabel('Annotated text')).toHaveText('European Parliament');
  expect(await reader.selectedId()).toBe(id);
  await reader.expectSaved();

  await page.keyboard.press('Control+z');
  await expect.poll(() => reader.highlightText(id)).toBe('European');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => reader.highlightText(id)).toBe('European Parliament');
});

test('sets a span to the selected text with the mouse, and with R', async ({ reader, page }) => {
  const id = await reader.mark('pro-Kremlin', 'n');
  await reader.selectText(SAMPLE.noteSpan);
  await reader.inspector.getByRole('button', { name: 'Use selected text' }).click();
  await expect.poll(() => reader.highlightText(id)).toBe(SAMPLE.noteSpan);
  expect(await reader.selectedId()).toBe(id);
  await reader.selectText('A pro-Kremlin group');
  await page.keyboard.press('r');
  await expect.poll(() => reader.highlightText(id)).toBe('A pro-Kremlin group');
  await page.keyboard.press('Control+z');
  await expect.poll(() => reader.highlightText(id)).toBe(SAMPLE.noteSpan);
});

test('changes a quote into a claim (its speaker the claimant), and a claim into a note', async ({ reader, page }) => {
  await reader.mark(SAMPLE.speaker, 'e');
  const id = await reader.mark(SAMPLE.quote, 'q');
  const speaker = reader.inspector.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Roberta');
  await speaker.press('Enter');
  await reader.focusArticle();
  await page.keyboard.press('Escape');
  await reader.selectAnnotation(id);
  await page.keyboard.press('Shift+C');
  await expect(reader.inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();
  await expect(reader.inspector.getByRole('combobox', { name: 'Claimant' })).toHaveValue(SAMPLE.speaker);
  await expect(reader.highlight(id).first()).toHaveClass(/\bann-claim\b/u);
  expect(await reader.selectedId()).toBe(id);
  await reader.inspector.getByLabel('Kind').selectOption('note');
  await expect(reader.inspector.getByRole('heading', { name: 'Note' })).toBeVisible();
  await expect(reader.highlight(id).first()).toHaveClass(/\bann-note\b/u);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(reader.inspector.getByRole('heading', { name: 'Quote' })).toBeVisible();
  await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue(SAMPLE.speaker);
});

test('a quote nested inside a claim stays selectable: by clicking, from the list at the spot, and with the keyboard', async ({
  reader,
  page,
}) => {
  const sentence =
    'The European Parliament\'s chief spokesperson said the outage was due to "high levels of external network traffic," without naming a potential culprit';
  const claimId = await reader.mark(sentence, 'c');
  const quoteId = await reader.mark('high levels of external network traffic', 'q');
  await page.keyboard.press('Escape');

  // Clicks: innermost first, then outwards.
  const box = await reader.highlight(quoteId).first().boundingBox();
  if (!box) throw new Error('the quote is not drawn');
  const point = { x: box.x + 10, y: box.y + box.height / 2 };
  await reader.clickSpot(point, 0);
  expect(await reader.selectedId()).toBe(quoteId);
  await reader.clickSpot(point, 1);
  expect(await reader.selectedId()).toBe(claimId);

  // The list of annotations at the spot.
  const spot = reader.inspector.getByRole('navigation', { name: 'Annotations at this spot' });
  await expect(spot.getByRole('button')).toHaveText([/^Quote/u, /^Claim/u]);
  await spot.getByRole('button', { name: /^Quote/u }).click();
  expect(await reader.selectedId()).toBe(quoteId);
  await expect(reader.inspector.getByRole('heading', { name: 'Quote' })).toBeVisible();
  await spot.getByRole('button', { name: /^Claim/u }).click();
  expect(await reader.selectedId()).toBe(claimId);

  // The keyboard: ] from the claim reaches the quote inside it.
  await reader.focusArticle();
  await page.keyboard.press(']');
  expect(await reader.selectedId()).toBe(quoteId);
  await page.keyboard.press('[');
  expect(await reader.selectedId()).toBe(claimId);
});
