import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { CORPUS_ARTICLES, importCorpus, type ImportedArticle } from './support/corpus-library.ts';
import { expect, test } from './support/fixtures.ts';
import type { ReaderPage } from './support/reader-page.ts';

const FALSE_CLAIMS = [
  'the Parliament had lost all its voting records in the attack',
  'the rules had been scrapped the same week',
  'the European Parliament voted to ban cash payments from 2027',
];

/** The search view's parts, as an analyst's screen reader names them. */
function searchView(page: Page) {
  const view = page.getByRole('main', { name: 'Corpus search' });
  return {
    view,
    box: view.getByRole('searchbox', { name: 'Search every annotation of the library' }),
    count: view.getByRole('status'),
    results: view.getByRole('listbox', { name: 'Annotations found' }),
    facet: (name: string): Locator => view.getByRole('group', { name, exact: true }),
    problem: view.getByRole('alert'),
  };
}

/** Presses Tab until `target` has the focus; fails after `most` presses. */
async function tabTo(page: Page, target: Locator, most = 30): Promise<void> {
  for (let press = 0; press < most; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The library of three articles, the page reloaded onto it and the corpus search opened with the key. */
async function openOnCorpus(page: Page, reader: ReaderPage, articles: () => Promise<ImportedArticle[]>) {
  const imported = await articles();
  await page.reload();
  await expect(reader.article).toBeVisible();
  await page.keyboard.press('Control+Shift+F');
  const search = searchView(page);
  await expect(search.box).toBeFocused();
  await expect(search.count).toHaveText(/annotations? in \d+ articles?/u);
  return { imported, search };
}

test('a search for claims rated false finds them across the three articles, with facet counts', async ({ host, reader, page }) => {
  const { search } = await openOnCorpus(page, reader, () => importCorpus(host));

  await search.box.fill('kind:claim verdict:false');
  await search.box.press('Enter');
  await expect(search.count).toHaveText('3 annotations in 3 articles');
  const groups = search.results.getByRole('group');
  // Newest first.
  await expect(groups).toHaveCount(3);
  expect(
    await groups.evaluateAll((elements) => elements.map((element) => element.querySelector('.corpus-group-title')?.textContent)),
  ).toEqual([...CORPUS_ARTICLES].reverse().map((article) => article.title));
  const options = search.results.getByRole('option');
  await expect(options).toHaveCount(3);
  for (const claim of FALSE_CLAIMS)
    await expect(search.results.getByRole('option', { name: new RegExp(`^Claim, False, “${claim}”`, 'u') })).toHaveCount(1);

  // The verdict facet counts every claim but its own filter: what ticking another verdict would give.
  const verdicts = search.facet('Verdict');
  await expect(verdicts.getByRole('checkbox', { name: 'False, 3 annotations', exact: true })).toBeChecked();
  await expect(verdicts.getByRole('checkbox', { name: 'True, 1 annotation', exact: true })).not.toBeChecked();
  await expect(verdicts.getByRole('checkbox', { name: 'Mostly true, 1 annotation', exact: true })).toBeVisible();
  await expect(search.facet('Source').getByRole('checkbox')).toHaveCount(3);

  // Tab goes on from the box to the facets, then to the results (one stop for the whole list).
  await search.box.focus();
  await tabTo(page, verdicts.getByRole('checkbox', { name: /^True/u }));
  await tabTo(page, options.first());
  await page.keyboard.press('Tab');
  expect(await search.results.evaluate((list) => list.contains(document.activeElement))).toBe(false);

  // Space ticks a facet value: True joins False as an alternative.
  await verdicts.getByRole('checkbox', { name: /^True/u }).focus();
  await page.keyboard.press('Space');
  await expect(search.count).toHaveText('4 annotations in 3 articles');
  await expect(verdicts.getByRole('checkbox', { name: /^True/u })).toBeChecked();
  await expect(search.box).toHaveValue('kind:claim verdict:false verdict:true');

  // A speaker facet lists the people by name, across the articles.
  await search.box.fill('kind:quote');
  await search.box.press('Enter');
  await expect(search.facet('Speaker').getByRole('checkbox', { name: 'Jaume Duch, 3 annotations', exact: true })).toBeVisible();
  await expect(search.facet('Speaker').getByRole('checkbox', { name: 'Roberta Metsola, 2 annotations', exact: true })).toBeVisible();
  // A ticked speaker goes into the box by name.
  await search
    .facet('Speaker')
    .getByRole('checkbox', { name: /^Roberta Metsola/u })
    .check();
  await expect(search.box).toHaveValue('kind:quote speaker:"Roberta Metsola"');
  await expect(search.count).toHaveText('2 annotations in 2 articles');
});

test('Enter on a hit opens its article with the annotation selected and in view; Esc and the key come back to the search as it was', async ({
  host,
  reader,
  page,
}) => {
  const { imported, search } = await openOnCorpus(page, reader, () => importCorpus(host));
  await search.box.fill('verdict:false');
  await search.box.press('Enter');
  await expect(search.count).toHaveText('3 annotations in 3 articles');

  // ↓ from the box to the first hit, ↓ twice more to the third (the oldest article's claim).
  await search.box.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const target = search.results.getByRole('option', { name: new RegExp(`“${FALSE_CLAIMS[0]}”`, 'u') });
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(search.view).toBeHidden();
  const first = imported[0];
  if (!first) throw new Error('no article imported');
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  const id = first.ids.get(FALSE_CLAIMS[0] ?? '') ?? '';
  await expect.poll(() => reader.selectedId()).toBe(id);
  await expect(reader.highlight(id).first()).toBeInViewport();
  await expect(reader.inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();

  // Back to the search: the query, the result and the row are as they were.
  await page.keyboard.press('Control+Shift+F');
  await expect(search.box).toHaveValue('verdict:false');
  await expect(search.count).toHaveText('3 annotations in 3 articles');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await expect(target).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Escape');
  await expect(search.view).toBeHidden();
  await expect(reader.article).toBeVisible();
});

test('a saved search survives a reload', async ({ host, reader, page }) => {
  const { search } = await openOnCorpus(page, reader, () => importCorpus(host));
  await search.box.fill('verdict:false');
  await search
    .facet('Kind')
    .getByRole('checkbox', { name: /^Claim/u })
    .check();
  await expect(search.count).toHaveText('3 annotations in 3 articles');
  await search.view.getByRole('button', { name: 'Save this search…' }).click();
  const name = search.view.getByRole('textbox', { name: 'Name of the saved search' });
  await expect(name).toBeFocused();
  await name.fill('False claims');
  await name.press('Enter');
  await expect(search.view.getByRole('button', { name: 'False claims', exact: true })).toBeVisible();

  await page.reload();
  await expect(reader.article).toBeVisible();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Search library' }).click();
  await expect(search.box).toBeFocused();
  await search.view.getByRole('button', { name: 'False claims', exact: true }).click();
  await expect(search.box).toHaveValue('kind:claim verdict:false');
  await expect(search.count).toHaveText('3 annotations in 3 articles');

  await search.view.getByRole('button', { name: 'Delete the saved search “False claims”' }).click();
  await expect(search.view.getByRole('button', { name: 'False claims', exact: true })).toBeHidden();
  expect(await host.call('corpus.savedList', {})).toEqual({ searches: [], problems: [] });
});

test('a broken regular expression or an unknown key shows a message and changes nothing', async ({ host, reader, page }) => {
  const { search } = await openOnCorpus(page, reader, () => importCorpus(host));
  await search.box.fill('verdict:false');
  await search.box.press('Enter');
  await expect(search.count).toHaveText('3 annotations in 3 articles');
  const shown = await search.results.getByRole('option').allTextContents();

  await search.box.fill('verdict:false /(voting/');
  await search.box.press('Enter');
  await expect(search.problem).toContainText('the regular expression /(voting/ is broken');
  await expect(search.box).toHaveAttribute('aria-invalid', 'true');
  await expect(search.count).toHaveText('3 annotations in 3 articles');
  expect(await search.results.getByRole('option').allTextContents()).toEqual(shown);
  await expect(search.facet('Verdict').getByRole('checkbox', { name: /^False/u })).toBeChecked();

  await search.box.fill('colour:red');
  await search.box.press('Enter');
  await expect(search.problem).toContainText('unknown key "colour:"');
  await expect(search.count).toHaveText('3 annotations in 3 articles');

  await search.box.fill('verdict:false /voting records/');
  await search.box.press('Enter');
  await expect(search.problem).toBeHidden();
  await expect(search.count).toHaveText('1 annotation in 1 article');
  await expect(search.results.locator('mark')).toHaveText(['voting records']);
});

test('the Export menu downloads the result shown: a CSV of the false claims only', async ({ host, reader, page }) => {
  const { search } = await openOnCorpus(page, reader, () => importCorpus(host));
  await search.box.fill('verdict:false');
  await search.box.press('Enter');
  await expect(search.count).toHaveText('3 annotations in 3 articles');

  await search.view.getByRole('button', { name: 'Export' }).click();
  const menu = search.view.getByRole('menu', { name: 'Export the result as' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/u);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  for (const claim of FALSE_CLAIMS) expect(csv).toContain(claim);
  expect(csv).not.toContain('limits for very large cash payments');
  await expect(reader.statusMessage).toContainText(`Exported ${download.suggestedFilename()}.`);
  await expect(search.view.getByRole('button', { name: 'Export' })).toBeFocused();
});
