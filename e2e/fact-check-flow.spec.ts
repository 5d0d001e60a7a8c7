import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../electron/services/import/testing/fixture-server.ts';
import type { AnnotationOp } from '../shared/contract/ops.ts';
import type { ClaimAnnotation } from '../shared/model/annotation.ts';
import type { ScholiaDocument } from '../shared/model/document.ts';
import type { Entity } from '../shared/model/entity.ts';
import { expect, test } from './support/fixtures.ts';
import { annotation } from './support/review-files.ts';
import type { ScholiaHost } from './support/scholia-host.ts';
import { SHOTS, shoot } from './support/screenshots.ts';

const run = promisify(execFile);

// The whole fact-check: one claim made in two articles in other words (£3bn / 3 billion pounds), matched by the tracker,
// confirmed, checked once with a rationale and an archived source, given to both appearances, and published as a PDF report.

const MINISTER: Entity = { id: 'ent-hollis', name: 'Dana Hollis', type: 'person', aliases: ['Hollis'] };

const ARTICLES = [
  {
    key: 'first',
    title: 'Hollis defends the hospital budget',
    source: 'Harbour Post',
    published: '2026-11-20',
    claim: 'the government spent £3bn on the new hospital programme',
    text: [
      'Hollis defends the hospital budget',
      'Health minister Dana Hollis told the committee on Friday that the government spent £3bn on the new hospital programme last year.',
      'Opposition members asked for the figures behind the total.',
    ],
  },
  {
    key: 'second',
    title: 'Minister repeats hospital spending figure on the campaign trail',
    source: 'Evening Courier',
    published: '2026-11-27',
    claim: 'the government has spent 3 billion pounds on its hospital programme',
    text: [
      'Minister repeats hospital spending figure on the campaign trail',
      'At a rally in Dunmore, Hollis said the government has spent 3 billion pounds on its hospital programme, more than any before it.',
      'Her opponent called the number misleading.',
    ],
  },
] as const;

const RATIONALE = 'The audit office puts the programme’s spending at **£1.2bn**; the £3bn figure is the ten-year budget, not money spent.';

const SOURCE_PAGE = `<!doctype html><html lang="en"><head><title>Hospital programme: spending to date</title></head><body>
<article><h1>Hospital programme: spending to date</h1>
<p>By 31 March 2026 the programme had spent £1.2 billion of its ten-year budget of £3 billion.</p>
<p>Most of the spending went on two new hospitals.</p></article></body></html>`;

let site: FixtureServer;
test.beforeAll(async () => {
  site = await startFixtureServer({ '/audit': { body: SOURCE_PAGE } });
});
test.afterAll(async () => {
  await site.close();
});

/** Imports the two articles, each with its claim made by the minister and not yet checked; answers their ids. */
async function twoArticles(host: ScholiaHost): Promise<{ first: string; second: string }> {
  const ids: string[] = [];
  for (const article of ARTICLES) {
    const { id } = (await host.call('library.importText', { title: article.title, text: article.text.join('\n\n') })) as { id: string };
    await host.call('library.updateMeta', { id, meta: { title: article.title, source: article.source, published: article.published } });
    const { document } = (await host.call('library.get', { id })) as { document: ScholiaDocument };
    const claim = annotation(
      document.text,
      `${article.key}-claim`,
      'claim',
      article.claim,
      { status: 'unverified', claimantId: MINISTER.id },
      'Analyst',
    );
    const ops: AnnotationOp[] = [
      { op: 'entity.add', entity: MINISTER },
      { op: 'annotation.add', annotation: claim },
    ];
    await host.call('annotations.apply', { documentId: id, ops, baseRevision: document.revision });
    ids.push(id);
  }
  return { first: ids[0] ?? '', second: ids[1] ?? '' };
}

async function claimIn(host: ScholiaHost, documentId: string, annotationId: string): Promise<ClaimAnnotation> {
  const { document } = (await host.call('library.get', { id: documentId })) as { document: ScholiaDocument };
  const found = document.annotations.find((a) => a.id === annotationId);
  if (found?.kind !== 'claim') throw new Error(`no claim ${annotationId}`);
  return found;
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, as an analyst without a mouse would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', most = 40): Promise<void> {
  for (let step = 0; step < most; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const trackedView = (page: Page) => page.getByRole('main', { name: 'Tracked claims' });

test('one claim in two articles: matched, confirmed, checked once with rationale and archived source, given to both, published', async ({
  host,
  reader,
  page,
}) => {
  test.setTimeout(120_000);
  // The source is served from this computer, so private addresses are allowed, as an analyst would for an intranet.
  await host.call('settings.set', { allowPrivateNetwork: true });
  const { first, second } = await twoArticles(host);
  await page.reload();
  await page.locator('.doc-item', { hasText: ARTICLES[1].title }).click();
  await expect(page.locator('.doc-heading')).toHaveText(ARTICLES[1].title);

  await test.step('the tracker suggests the two claims as one; the analyst confirms it from the keyboard, and Ctrl+Z takes it back', async () => {
    await reader.focusArticle();
    await page.keyboard.press('Control+Alt+c');
    const suggestions = trackedView(page).getByRole('list', { name: 'Suggested matches' });
    const suggestion = suggestions.getByRole('listitem');
    await expect(suggestion).toHaveCount(1);
    await expect(suggestion).toContainText(`“${ARTICLES[1].claim}”`);
    await expect(suggestion).toContainText(`“${ARTICLES[0].claim}”`);
    await shoot(page, 'fact-check-flow-1-suggested');

    await tabTo(page, suggestion.getByRole('button', { name: 'Same claim' }));
    await page.keyboard.press('Enter');
    await expect(reader.statusMessage).toContainText('is now tracked with');
    const card = trackedView(page).getByRole('region', { name: /spent £3bn/u });
    await expect(card.getByRole('listitem')).toHaveCount(2);
    await expect(card).toContainText('Confirmed as one claim');

    // Undo and redo of the grouping, in the view.
    await page.keyboard.press('Control+z');
    await expect(reader.statusMessage).toContainText(`Undone: Tracked “${ARTICLES[1].claim}” with “${ARTICLES[0].claim}”.`);
    await expect(suggestion).toHaveCount(1);
    await expect(card).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(reader.statusMessage).toContainText('Redone: Tracked');
    await expect(suggestion).toHaveCount(0);
    await expect(card.getByRole('listitem')).toHaveCount(2);
  });

  await test.step('in the first article, the analyst gives the verdict, writes the rationale and archives the source', async () => {
    const card = trackedView(page).getByRole('region', { name: /spent £3bn/u });
    await tabTo(page, card.getByRole('button', { name: new RegExp(`^${ARTICLES[0].title}`, 'u') }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.doc-heading')).toHaveText(ARTICLES[0].title);
    await expect.poll(() => reader.selectedId()).toBe('first-claim');

    const inspector = reader.inspector;
    await inspector.getByLabel('Verdict').selectOption({ label: 'False' });
    await inspector.getByLabel('Rationale').focus();
    await page.keyboard.type(RATIONALE);
    await page.keyboard.press('Tab');
    await inspector.getByLabel('Source link').fill(`${site.origin}/audit`);
    await inspector.getByLabel('Source title').fill('Audit office: hospital programme spending');
    await inspector.getByRole('button', { name: 'Add source' }).click();
    await inspector.getByLabel('Type of source 1').selectOption('official-data');
    await reader.expectSaved();
    await inspector.locator('.evidence-item').first().focus();
    await page.keyboard.press('a');
    // The page is read in the import worker, which starts on first use: seconds on a busy machine.
    await expect(inspector.getByTestId('evidence-archive-state')).toHaveText(/^Archived \d{4}-\d{2}-\d{2} · SHA-256 [0-9a-f]{8}$/u, {
      timeout: 20_000,
    });
    await reader.expectSaved();
    await shoot(page, 'fact-check-flow-2-checked');
  });

  await test.step('the verdict, with its record, goes to every appearance after a confirmation', async () => {
    await reader.focusArticle();
    await page.keyboard.press('Control+Alt+c');
    const card = trackedView(page).getByRole('region', { name: /spent £3bn/u });
    await expect(card.getByRole('combobox', { name: 'Verdict' })).toHaveValue('false');
    await expect(card.getByRole('combobox', { name: 'With the record of' })).toContainText(`${ARTICLES[0].title} (rationale, 1 source)`);
    await card.getByRole('button', { name: 'Apply this verdict to all 2 appearances…' }).click();
    await expect(card.getByRole('group', { name: 'Confirm the verdict' })).toContainText(
      `Give “False” to all 2 appearances in 2 articles, with the rationale and 1 source recorded in “${ARTICLES[0].title}”?`,
    );
    await shoot(page, 'fact-check-flow-3-apply');
    await page.keyboard.press('Enter');
    await expect(reader.statusMessage).toContainText('Gave “False” and its verdict record to 1 appearance');
    await expect(card.locator('.tracked-verdict')).toHaveText(['False', 'False']);
    await expect(card.getByRole('button', { name: 'Apply this verdict to all 2 appearances…' })).toBeFocused();
  });

  let archiveCitation = '';
  await test.step('both articles show the verdict, the rationale and the archived source', async () => {
    const [checked, copied] = await Promise.all([claimIn(host, first, 'first-claim'), claimIn(host, second, 'second-claim')]);
    for (const claim of [checked, copied]) {
      expect(claim.status).toBe('false');
      expect(claim.rationale).toBe(RATIONALE);
      expect(claim.evidence?.map((item) => [item.url, item.type, item.archive?.sha256])).toEqual([
        [`${site.origin}/audit`, 'official-data', checked.evidence?.[0]?.archive?.sha256],
      ]);
    }
    const archive = copied.evidence?.[0]?.archive;
    expect(archive).toBeDefined();
    archiveCitation = `archived ${archive?.fetched.slice(0, 10)}, SHA-256 ${archive?.sha256.slice(0, 8)}`;

    const card = trackedView(page).getByRole('region', { name: /spent £3bn/u });
    await tabTo(page, card.getByRole('button', { name: new RegExp(`^${ARTICLES[1].title}`, 'u') }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('.doc-heading')).toHaveText(ARTICLES[1].title);
    await expect.poll(() => reader.selectedId()).toBe('second-claim');
    const inspector = reader.inspector;
    expect(await reader.selectedOptionText('Verdict')).toBe('False');
    await expect(inspector.getByLabel('Rationale')).toHaveValue(RATIONALE);
    await expect(inspector.getByLabel('Source title')).toHaveCount(1);
    await expect(inspector.locator('.evidence-item')).toHaveCount(1);
    await expect(inspector.locator('.evidence-item')).toContainText('Audit office: hospital programme spending');
    await expect(inspector.getByTestId('evidence-archive-state')).toHaveText(/^Archived \d{4}-\d{2}-\d{2} · SHA-256 [0-9a-f]{8}$/u);
    await expect(inspector.getByRole('group', { name: 'Tracked claim' })).toContainText('Also in 1 other article');
    await shoot(page, 'fact-check-flow-4-second-article');
  });

  await test.step('the PDF report carries the claim, the verdict, the rationale and the archived source', async () => {
    await reader.focusArticle();
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('pdf');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/u);
    const pdf = await download.path();

    const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
    // One line of words; a date broken at its hyphen at the end of a line is joined again.
    const text = stdout.replace(/\s+/gu, ' ').replace(/(\d)- (\d)/gu, '$1-$2');
    expect(text).toContain(ARTICLES[1].claim);
    expect(text).toMatch(/\bFalse\b/u);
    expect(text).toContain('The audit office puts the programme’s spending at £1.2bn; the £3bn figure is the ten');
    expect(text).toContain('Audit office: hospital programme spending');
    expect(text).toContain(`${site.origin}/audit`);
    expect(text).toContain(archiveCitation);

    // The pages as pictures, to be looked at.
    const pages = await mkdtemp(path.join(tmpdir(), 'scholia-report-'));
    await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(pages, 'page')]);
    const rendered = (await readdir(pages)).filter((name) => name.endsWith('.png')).sort();
    expect(rendered.length).toBeGreaterThan(0);
    await mkdir(SHOTS, { recursive: true });
    for (const [index, name] of rendered.entries())
      await copyFile(path.join(pages, name), path.join(SHOTS, `fact-check-flow-5-report-page-${index + 1}.png`));
  });
});
