import { exportTagFile } from '../shared/export/tag-file-export.ts';
import type { Annotation } from '../shared/model/annotation.ts';
import type { ScholiaDocument } from '../shared/model/document.ts';
import type { Entity } from '../shared/model/entity.ts';
import { expect, test } from './support/fixtures.ts';
import { ImportPage } from './support/import-page.ts';
import { annotation, importTagFile, sampleDocument, STAMP, writeTempJson } from './support/review-files.ts';
import type { ReaderPage } from './support/reader-page.ts';
import { shoot } from './support/screenshots.ts';

const SPANS = {
  /** Mine; Bob's starts 3 words later and ends 4 words later. */
  mine: 'The (European Parliament) is under a sophisticated cyberattack.',
  bobs: 'is under a sophisticated cyberattack. A pro-Kremlin group has',
  quote: 'the outage was due to "high levels of external network traffic,"',
  claimA: 'state sponsor of terrorism',
} as const;

const metsola: Entity = { id: 'e-metsola', name: 'Roberta Metsola', type: 'person', aliases: [] };
const duch: Entity = { id: 'b-duch', name: 'Jaume Duch', type: 'person', aliases: [] };

function row(reader: ReaderPage, id: string) {
  return reader.page.locator(`.review-list [data-review-item-id="${id}"]`);
}

/** A colleague's tag file of the article, with the entities it names. */
function tagFile(document: ScholiaDocument, tagset: unknown, annotator: string, annotations: Annotation[], entities: Entity[]) {
  return writeTempJson(
    `${annotator.toLowerCase()}.json`,
    exportTagFile({ ...document, annotations, entities }, tagset as Parameters<typeof exportTagFile>[1], { annotator, exportedAt: STAMP }),
  );
}

test('Review speaks in human terms: both spans with the difference marked, verdicts by label, speakers by name; an accepted claim stays mine', async ({
  host,
  reader,
  page,
}) => {
  const { document, tagset } = await sampleDocument(host);
  const text = document.text;
  await host.call('annotations.apply', {
    documentId: document.id,
    ops: [
      { op: 'entity.add', entity: metsola },
      ...[
        annotation(text, 'm-claim', 'claim', SPANS.mine, { status: 'mostly-true' }, 'Analyst'),
        annotation(text, 'm-quote', 'quote', SPANS.quote, { form: 'direct', speakerId: 'e-metsola' }, 'Analyst'),
        annotation(text, 'm-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'Analyst'),
      ].map((item) => ({ op: 'annotation.add', annotation: item })),
    ],
  });
  const bob = await tagFile(
    document,
    tagset,
    'Bob',
    [
      annotation(text, 'b-claim', 'claim', SPANS.bobs, { status: 'mixed', label: 'event' }, 'Bob'),
      annotation(text, 'b-quote', 'quote', SPANS.quote, { form: 'indirect', speakerId: 'b-duch' }, 'Bob'),
      annotation(text, 'b-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'Bob'),
    ],
    [duch],
  );
  await page.reload();
  await expect(reader.article).toHaveAttribute('data-highlight-count', '3');
  await importTagFile(reader, bob);
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: 'Review of Bob' })).toBeVisible();

  await test.step('a span difference: both texts, the difference marked and said in words', async () => {
    const claim = row(reader, 'b-claim');
    await expect(claim).toHaveClass(/review-item-conflict/u);
    await expect(claim.locator('.review-span-compare del')).toHaveText('[only in your span: The (European Parliament) ]');
    await expect(claim.locator('.review-span-compare ins')).toHaveText('[only in Bob’s span:  A pro-Kremlin group has]');
    await expect(claim.locator('.review-diff-span')).toHaveText('Bob’s span starts 3 words later and ends 4 words later.');
    // The verdicts by their codebook labels, each with its colour beside it, and the sentence for screen readers.
    const table = claim.getByRole('table', { name: 'How Bob’s differs from yours' });
    await expect(table.getByRole('columnheader')).toHaveText(['You', 'Bob']);
    const verdict = table.locator('tr[data-field="verdict"]');
    await expect(verdict.locator('td')).toHaveText(['Mostly true', 'Mixed']);
    await expect(verdict.getByRole('rowheader')).toHaveText('Verdict: Bob rates it Mixed; you rate it Mostly true.');
    await expect(verdict.locator('.review-value-dot')).toHaveCount(2);
    await expect(table.locator('tr[data-field="claim type"] td')).toHaveText(['none', 'Event']);
    await expect(claim).not.toContainText('mostly-true');
  });

  await test.step('a speaker difference by name; an agreed item with its verdict', async () => {
    const quote = row(reader, 'b-quote');
    await expect(quote.locator('tr[data-field="speaker"]')).toHaveAttribute(
      'title',
      'Bob attributes the quote to Jaume Duch; you to Roberta Metsola.',
    );
    await expect(quote.locator('tr[data-field="speaker"] td')).toHaveText(['Roberta Metsola', 'Jaume Duch']);
    await expect(quote.locator('tr[data-field="form"] td')).toHaveText(['direct', 'indirect']);
    await expect(row(reader, 'b-claim-a').locator('.review-values')).toHaveText('Verdict True');
  });

  await row(reader, 'b-claim').click();
  await row(reader, 'b-claim').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await shoot(page, 'review-human-terms');

  await test.step('accepting Bob’s span keeps the claim mine and records that it came from him', async () => {
    await row(reader, 'b-claim').focus();
    await page.keyboard.press('a');
    await expect(row(reader, 'b-claim')).toHaveClass(/review-decision-accepted/u);
    // The item stays a conflict, compared with my own work, its difference still shown.
    await expect(row(reader, 'b-claim').locator('.review-diff-span')).toHaveText('Bob’s span starts 3 words later and ends 4 words later.');
    const { document: stored } = (await host.call('library.get', { id: document.id })) as { document: ScholiaDocument };
    const claim = stored.annotations.find((a) => a.id === 'm-claim');
    expect(claim).toMatchObject({ author: 'Analyst', status: 'mixed', target: { exact: SPANS.bobs } });
    expect(claim?.acceptedFrom).toMatchObject({ annotator: 'Bob', annotationId: 'b-claim' });

    await panel.getByRole('button', { name: 'Close' }).click();
    await page.locator('.reader-text [data-annotation-id="m-claim"]').first().click();
    await expect(reader.inspector.locator('.inspector-provenance')).toHaveText(/^Accepted from Bob on \d{1,2} [A-Z][a-z]{2}( \d{4})?$/u);
    await expect(reader.inspector.locator('.inspector-meta').last()).toContainText('Analyst');
    await shoot(page, 'review-accepted-from');
  });
});

test('agreement by pair of annotators among every layer of the article, updated after an accept', async ({ host, reader, page }) => {
  const { document, tagset } = await sampleDocument(host);
  const text = document.text;
  await host.call('annotations.apply', {
    documentId: document.id,
    ops: [
      annotation(text, 'm-claim', 'claim', SPANS.mine, { status: 'mostly-true' }, 'Analyst'),
      annotation(text, 'm-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'Analyst'),
    ].map((item) => ({ op: 'annotation.add', annotation: item })),
  });
  const layer = (who: string, verdict: string) =>
    tagFile(
      document,
      tagset,
      who,
      [
        annotation(text, `${who}-claim`, 'claim', SPANS.mine, { status: verdict }, who),
        annotation(text, `${who}-claim-a`, 'claim', SPANS.claimA, { status: 'true' }, who),
      ],
      [],
    );
  const bob = await layer('Bob', 'mixed');
  const carol = await layer('Carol', 'mixed');
  await page.reload();
  await importTagFile(reader, bob);
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: 'Review of Bob' })).toBeVisible();
  await importTagFile(reader, carol);
  await expect(panel.getByRole('heading', { name: 'Review of Carol' })).toBeVisible();

  await panel.getByRole('tab', { name: 'Agreement' }).click();
  const pairs = panel.getByTestId('agreement-pairs');
  await expect(pairs.locator('tbody tr')).toHaveCount(3);
  const verdicts = (a: string, b: string) => pairs.locator(`tr[data-pair="${a}|${b}"] [data-figure="verdict"]`);
  await expect(verdicts('Analyst', 'Bob')).toHaveText('0.500');
  await expect(verdicts('Analyst', 'Carol')).toHaveText('0.500');
  await expect(verdicts('Bob', 'Carol')).toHaveText('1.000');
  await page.locator('#review-tabpanel').evaluate((element) => (element.scrollTop = 0));
  await shoot(page, 'review-agreement-pairs');

  // I take Carol's verdict: mine with Bob follows it, mine with Carol stays on my own work.
  await panel.getByRole('tab', { name: 'Items' }).click();
  await row(reader, 'Carol-claim').getByRole('button', { name: 'Accept' }).click();
  await expect(row(reader, 'Carol-claim')).toHaveClass(/review-decision-accepted/u);
  await panel.getByRole('tab', { name: 'Agreement' }).click();
  await expect(verdicts('Analyst', 'Bob')).toHaveText('1.000');
  await expect(verdicts('Analyst', 'Carol')).toHaveText('0.500');
});

test('an article’s assignee is set in its details, shown in the library, and “Assigned to me” lists only mine', async ({
  host,
  reader,
  page,
}) => {
  await expect(reader.article).toBeVisible();
  await host.call('library.importText', { text: 'The harbour board said dredging would cost twice the estimate.\n\nWork starts in May.' });
  await page.reload();
  const imports = new ImportPage(page);
  const { document } = await sampleDocument(host);
  const sampleTitle = document.meta.title;
  await expect(imports.library.locator('.doc-list > li')).toHaveCount(2);

  await imports.entryAction(sampleTitle, 'Edit details').click();
  const details = page.getByRole('dialog', { name: 'Document details' });
  await details.getByLabel('Fact-check stage').selectOption('in-progress');
  await details.getByLabel('Assigned to').fill('analyst');
  await shoot(page, 'document-details-assignee');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toHaveCount(0);
  await expect(imports.library.locator('.doc-entry', { hasText: sampleTitle })).toContainText('Assigned to analyst');

  const filter = imports.library.getByRole('button', { name: 'Assigned to me' });
  await filter.focus();
  await page.keyboard.press('Enter');
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(imports.library.locator('.doc-list > li')).toHaveCount(1);
  await expect(imports.library.locator('.doc-list')).toContainText(sampleTitle);
  await shoot(page, 'library-assigned-to-me');

  // Given to someone else, it leaves my list.
  await imports.entryAction(sampleTitle, 'Edit details').click();
  await details.getByLabel('Assigned to').fill('Bob');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(imports.library.locator('.doc-list > li')).toHaveCount(0);
  await expect(imports.library).toContainText('No article is assigned to you.');
  await filter.click();
  await expect(imports.library.locator('.doc-list > li')).toHaveCount(2);
});
