import type { Locator, Page } from '@playwright/test';
import type { Annotation } from '../shared/model/annotation.ts';
import type { ScholiaDocument } from '../shared/model/document.ts';
import { CORPUS_ARTICLES, importCorpus, type ImportedArticle } from './support/corpus-library.ts';
import { expect, test } from './support/fixtures.ts';
import type { ScholiaHost } from './support/scholia-host.ts';
import { shoot } from './support/screenshots.ts';

/** Presses Tab until `target` has the focus; fails after `most` presses. */
async function tabTo(page: Page, target: Locator, most = 40): Promise<void> {
  for (let press = 0; press < most; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Fills in part of a claim's verdict record, as the inspector saves it. */
async function record(host: ScholiaHost, article: ImportedArticle, exact: string, fields: Record<string, unknown>): Promise<void> {
  const { document } = (await host.call('library.get', { id: article.id })) as { document: ScholiaDocument };
  const claim = document.annotations.find((annotation: Annotation) => annotation.id === article.ids.get(exact));
  await host.call('annotations.apply', { documentId: article.id, ops: [{ op: 'annotation.update', annotation: { ...claim, ...fields } }] });
}

/**
 * The three articles of the corpus: the first checked and published, its false claim checked by
 * Ana on 2 December with a rationale and a source; the second's false claim in progress with Ben.
 */
async function checkedCorpus(host: ScholiaHost): Promise<ImportedArticle[]> {
  const articles = await importCorpus(host);
  const [first, second] = articles;
  if (!first || !second) throw new Error('the corpus has three articles');
  await record(host, first, 'the Parliament had lost all its voting records in the attack', {
    stage: 'checked',
    checkedBy: 'Ana Lopes',
    checkedOn: '2026-12-02',
    rationale: 'The Parliament’s voting records are kept apart from the website and were never offline.',
    evidence: [{ url: 'https://www.europarl.europa.eu/plenary/en/votes.html', title: 'Plenary votes', type: 'official-data' }],
  });
  await record(host, second, 'the rules had been scrapped the same week', { stage: 'in-progress', checkedBy: 'Ben' });
  const meta = CORPUS_ARTICLES[0];
  if (!meta) throw new Error('no first article');
  await host.call('library.updateMeta', {
    id: first.id,
    meta: { title: meta.title, source: meta.source, published: meta.published, stage: 'published' },
  });
  return articles;
}

test('the library lists the articles at one stage, chosen by keyboard from a labelled filter', async ({ host, reader, page }) => {
  const [first] = await checkedCorpus(host);
  await page.reload();
  await expect(reader.article).toBeVisible();
  const library = page.getByRole('navigation', { name: 'Library' });
  const items = library.locator('.doc-list .doc-title');
  // The sample article and the three of the corpus.
  await expect(items).toHaveCount(4);

  const stage = library.getByRole('combobox', { name: 'Show articles at stage' });
  await tabTo(page, stage);
  await expect(stage.getByRole('option')).toHaveText(['All stages', 'To check (3)', 'In progress (0)', 'Checked (0)', 'Published (1)']);
  await stage.selectOption({ label: 'Published (1)' });
  await expect(items).toHaveText([first?.title ?? '']);
  await expect(library.locator('.doc-list .doc-meta')).toHaveText('2026-03-12 · Brussels Ledger · Published');
  await shoot(page, 'library-stage-filter');

  // Arrow keys on the focused select move through the stages.
  await stage.focus();
  await page.keyboard.press('ArrowUp');
  await expect(stage).toHaveValue('checked');
  await expect(library.getByText('No article is at the stage “Checked”.')).toBeVisible();
  await stage.selectOption('to-check');
  await expect(items).toHaveCount(3);
  await stage.selectOption('all');
  await expect(items).toHaveCount(4);
});

test('the corpus search offers the verdict record as facets that narrow the search and follow each other', async ({
  host,
  reader,
  page,
}) => {
  await checkedCorpus(host);
  await page.reload();
  await expect(reader.article).toBeVisible();
  await page.keyboard.press('Control+Shift+F');
  const view = page.getByRole('main', { name: 'Corpus search' });
  const box = view.getByRole('searchbox', { name: 'Search every annotation of the library' });
  const count = view.getByRole('status');
  const facet = (name: string) => view.getByRole('group', { name, exact: true });
  await expect(count).toHaveText(/annotations in 3 articles/u);

  await expect(facet('Claim stage').getByRole('checkbox', { name: 'Checked, 1 annotation', exact: true })).toBeVisible();
  await expect(facet('Claim stage').getByRole('checkbox', { name: 'In progress, 1 annotation', exact: true })).toBeVisible();
  await expect(facet('Checked by').getByRole('checkbox', { name: 'Ana Lopes, 1 annotation', exact: true })).toBeVisible();
  await expect(facet('Month checked').getByRole('checkbox', { name: 'December 2026, 1 annotation', exact: true })).toBeVisible();
  await expect(facet('Record has').getByRole('checkbox', { name: 'Rationale, 1 annotation', exact: true })).toBeVisible();
  await expect(facet('Article stage').getByRole('checkbox', { name: /^Published, \d+ annotations$/u })).toBeVisible();

  // Space ticks a stage: the box reads it back, the claims narrow, the stage facet keeps its other values.
  const checked = facet('Claim stage').getByRole('checkbox', { name: /^Checked,/u });
  await box.focus();
  await tabTo(page, checked);
  await page.keyboard.press('Space');
  await expect(box).toHaveValue('stage:checked');
  await expect(count).toHaveText('1 annotation in 1 article');
  await expect(facet('Claim stage').getByRole('checkbox', { name: 'In progress, 1 annotation', exact: true })).not.toBeChecked();
  await expect(facet('Article stage').getByRole('checkbox')).toHaveCount(1);
  await shoot(page, 'corpus-search-verdict-record');

  await box.fill('has:rationale articlestage:"to check"');
  await box.press('Enter');
  await expect(count).toHaveText('No annotation matches.');
  await box.fill('checkedby:ben');
  await box.press('Enter');
  await expect(count).toHaveText('1 annotation in 1 article');
  await expect(view.getByRole('option', { name: /the rules had been scrapped the same week/u })).toBeVisible();
});
