import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { SAMPLE } from './support/sample-annotations.ts';

/** Records every mouse or pointer event that reaches the page (a click from Enter or Space on a button has `detail` 0 and is not one). */
async function watchForMouse(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { mouseEvents: string[] }).mouseEvents = seen;
    for (const type of [
      'mousedown',
      'mouseup',
      'mousemove',
      'pointerdown',
      'pointerup',
      'pointermove',
      'dblclick',
      'contextmenu',
      'wheel',
      'auxclick',
    ]) {
      window.addEventListener(type, (event) => seen.push(`${type} on ${(event.target as Element | null)?.tagName ?? '?'}`), true);
    }
    window.addEventListener(
      'click',
      (event) => {
        if (event.detail !== 0) seen.push(`click on ${(event.target as Element | null)?.tagName ?? '?'}`);
      },
      true,
    );
  });
  return () => page.evaluate(() => (window as unknown as { mouseEvents: string[] }).mouseEvents);
}

/** Ctrl+F, type, Escape: the match is left selected in the article. */
async function find(page: Page, text: string, next = 0): Promise<void> {
  await page.keyboard.press('Control+f');
  await page.keyboard.type(text);
  for (let step = 0; step < next; step += 1) await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/** Presses Tab until the focused element has this accessible label (aria-label or its <label>). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    await page.keyboard.press('Tab');
    const current = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelled = element.getAttribute('aria-label');
      if (labelled) return labelled;
      const id = element.id;
      return id ? (document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? '') : '';
    });
    if (current === label) return;
  }
  throw new Error(`Tab never reached “${label}”`);
}

test('the whole flow from the keyboard alone: no mouse event reaches the page', async ({ reader, page, host }) => {
  const mouseEvents = await watchForMouse(page);
  await expect(reader.article).toBeFocused();
  const selectedText = async () => reader.highlightText((await reader.selectedId()) ?? '');

  await test.step('tag Roberta Metsola as a person', async () => {
    await find(page, SAMPLE.speaker);
    await page.keyboard.press('e');
    await expect.poll(selectedText).toBe(SAMPLE.speaker);
    await page.keyboard.press('p');
    await expect(reader.inspector.getByLabel('Entity type')).toHaveValue('person');
  });

  await test.step('attribute all three Metsola quotes', async () => {
    // The first: caret into the quotation, Q, then S to type the speaker.
    await find(page, 'sophisticated');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('q');
    await expect.poll(selectedText).toBe(SAMPLE.quote);
    await page.keyboard.press('s');
    await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toBeFocused();
    await page.keyboard.type('Robe');
    await page.keyboard.press('Enter');
    await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue(SAMPLE.speaker);
    await page.keyboard.press('Escape');
    await expect(reader.article).toBeFocused();
    // The next two: Q, then A for the same speaker.
    for (const inside of ['IT experts', 'SlavaUkraini']) {
      await find(page, inside);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('q');
      await expect(reader.inspector.getByRole('heading', { name: 'Quote' })).toBeVisible();
      await page.keyboard.press('a');
      await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue(SAMPLE.speaker);
    }
    await expect(page.getByRole('tab', { name: /Quotes/u })).toContainText('3');
  });

  await test.step('mark a claim, set its verdict with a digit, flag it, add a source', async () => {
    await find(page, SAMPLE.claim);
    await page.keyboard.press('c');
    await expect.poll(selectedText).toBe(SAMPLE.claim);
    await page.keyboard.press('2');
    await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('true');
    await page.keyboard.press('w');
    await expect(reader.inspector.getByRole('checkbox', { name: /Worth checking/u })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(reader.inspector.getByLabel('Verdict')).toBeFocused();
    await tabTo(page, 'Source link');
    await page.keyboard.type('https://www.europarl.europa.eu/doceo/document/TA-9-2022-0416_EN.html');
    await page.keyboard.press('Enter');
    await expect(reader.inspector.locator('.evidence-host')).toHaveText('europarl.europa.eu');
    await page.keyboard.press('Escape');
    await expect(reader.article).toBeFocused();
  });

  await test.step('tag every mention of the Parliament at once and type it', async () => {
    await find(page, SAMPLE.organisation);
    await page.keyboard.press('t');
    await expect(reader.statusMessage).toContainText('and 4 more mentions');
    await page.keyboard.press('o');
    await expect(reader.inspector.getByLabel('Entity type')).toHaveValue('organization');
  });

  await test.step('tag “Metsola” and merge it into Roberta Metsola', async () => {
    await find(page, 'Metsola added');
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.press('e');
    await expect.poll(selectedText).toBe('Metsola');
    await expect(reader.inspector.getByLabel('Entity name')).toHaveValue('Metsola');
    await page.keyboard.press('m');
    await expect(reader.inspector.getByRole('combobox', { name: 'Merge into' })).toBeFocused();
    await page.keyboard.type('Roberta');
    await page.keyboard.press('Enter');
    await expect(reader.inspector.getByLabel('Entity name')).toHaveValue(SAMPLE.speaker);
    await page.keyboard.press('Escape');
    await expect(reader.article).toBeFocused();
  });

  await test.step('add a note, write it, and stretch its span by a word', async () => {
    await find(page, 'pro-Kremlin');
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    await expect(reader.inspector.getByLabel('Note text')).toBeFocused();
    await page.keyboard.type(SAMPLE.noteText);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    await expect(reader.article).toBeFocused();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(selectedText).toBe(SAMPLE.noteSpan);
  });

  await test.step('move between annotations, use the lists, undo and redo', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press(']');
    await expect.poll(selectedText).toBe(SAMPLE.organisation);
    await page.keyboard.press('F6');
    await page.keyboard.press('F6');
    await page.keyboard.press('F6');
    await expect(page.getByRole('tab', { name: /Claims/u })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('/');
    await page.keyboard.type('Slava');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(selectedText).toBe('My response: #SlavaUkraini');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(reader.article).toBeFocused();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    const count = Number(await reader.article.getAttribute('data-highlight-count'));
    await page.keyboard.press('Control+z');
    await expect(reader.article).toHaveAttribute('data-highlight-count', String(count));
    await page.keyboard.press('Control+Shift+z');
  });

  await reader.expectSaved();
  expect(await mouseEvents(), 'mouse or pointer events that reached the page').toEqual([]);

  await host.stop();
  const [documentId] = await host.documentIds();
  const document = await host.readDocumentFile(documentId ?? '');
  const metsola = document.entities.find((entity) => entity.name === SAMPLE.speaker);
  expect(metsola).toMatchObject({ type: 'person', aliases: ['Metsola'] });
  const quotes = document.annotations.filter((annotation) => annotation.kind === 'quote');
  expect(quotes).toHaveLength(3);
  expect(quotes.every((quote) => quote.kind === 'quote' && quote.speakerId === metsola?.id)).toBe(true);
  expect(document.annotations.find((annotation) => annotation.kind === 'claim')).toMatchObject({
    status: 'true',
    checkworthy: true,
    evidence: [{ url: 'https://www.europarl.europa.eu/doceo/document/TA-9-2022-0416_EN.html' }],
  });
  expect(document.annotations.filter((annotation) => annotation.kind === 'entity')).toHaveLength(7);
  expect(document.annotations.find((annotation) => annotation.kind === 'note')).toMatchObject({
    note: SAMPLE.noteText,
    target: { exact: SAMPLE.noteSpan },
  });
});

test('the mouse watcher does see mouse events (so the keyboard-only run proves something)', async ({ reader, page }) => {
  const mouseEvents = await watchForMouse(page);
  const box = await reader.article.boundingBox();
  if (!box) throw new Error('no article');
  await page.mouse.click(box.x + 20, box.y + 20);
  expect(await mouseEvents()).toEqual(expect.arrayContaining(['mousedown on P', 'mouseup on P', 'click on P']));
});
