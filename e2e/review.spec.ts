import { expect, test } from './support/fixtures.ts';
import type { ReaderPage } from './support/reader-page.ts';
import type { ScholiaHost } from './support/scholia-host.ts';
import { annotation, importTagFile, sampleDocument, writeTagFile, writeTempJson } from './support/review-files.ts';

/** Spans of the sample article: both mark A, B and Q; they alone mark C1, C2 and N2; only I mark N1. */
const SPANS = {
  claimA: 'state sponsor of terrorism',
  claimB: 'the outage was due to "high levels of external network traffic,"',
  quote: 'The (European Parliament) is under a sophisticated cyberattack. A pro-Kremlin group has claimed responsibility',
  c1: 'By 15:30 CET, the website became accessible but by 16:00 CET, it went down again.',
  c2: "The Parliament's multimedia centre, which operates as a distinct site, was not affected.",
  myNote: 'pro-Kremlin group',
  theirNote: 'Only specific individuals and entities can be legally blacklisted.',
} as const;

/** My annotations (through the API, as the app saves them) and the colleague's tag file of the same article. */
async function prepare(host: ScholiaHost): Promise<{ documentId: string; file: string }> {
  const { document, tagset } = await sampleDocument(host);
  const text = document.text;
  const mine = [
    annotation(text, 'm-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'Analyst'),
    annotation(text, 'm-claim-b', 'claim', SPANS.claimB, { status: 'true' }, 'Analyst'),
    annotation(text, 'm-quote', 'quote', SPANS.quote, { form: 'direct' }, 'Analyst'),
    annotation(text, 'm-note', 'note', SPANS.myNote, { note: 'Which group?' }, 'Analyst'),
  ];
  await host.call('annotations.apply', { documentId: document.id, ops: mine.map((item) => ({ op: 'annotation.add', annotation: item })) });
  const theirs = [
    annotation(text, 't-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'B. Colleague'),
    annotation(text, 't-claim-b', 'claim', SPANS.claimB, { status: 'false' }, 'B. Colleague'),
    annotation(text, 't-quote', 'quote', SPANS.quote, { form: 'direct' }, 'B. Colleague'),
    annotation(text, 't-c1', 'claim', SPANS.c1, { status: 'mostly-true' }, 'B. Colleague'),
    annotation(text, 't-c2', 'claim', SPANS.c2, { status: 'unverified' }, 'B. Colleague'),
    annotation(text, 't-note', 'note', SPANS.theirNote, { note: 'Which entities?' }, 'B. Colleague'),
  ];
  const file = await writeTagFile('colleague.json', document, tagset, 'B. Colleague', theirs);
  return { documentId: document.id, file };
}

function row(reader: ReaderPage, id: string) {
  return reader.page.locator(`.review-list [data-review-item-id="${id}"]`);
}

test('a refused tag file lists every problem and changes nothing', async ({ host, reader }) => {
  const file = await writeTempJson('broken.json', { format: 'scholia-tags', version: 1, annotations: [{ id: 'x' }] });
  await importTagFile(reader, file);
  const problems = reader.page.getByTestId('refused-problems');
  await expect(problems).toBeVisible();
  expect(await problems.locator('li').count()).toBeGreaterThan(1);
  await expect(reader.page.getByRole('dialog', { name: 'Tag file refused' })).toContainText('nothing was changed');
  const { reviews } = (await host.call('review.list', { documentId: (await sampleDocument(host)).document.id })) as { reviews: unknown[] };
  expect(reviews).toEqual([]);
});

test('reviews a colleague’s tag file: sorts, draws their layer, accepts and rejects, undoes, persists, measures agreement', async ({
  host,
  reader,
  page,
}) => {
  const { file } = await prepare(host);
  await page.reload();
  await expect(reader.article).toHaveAttribute('data-highlight-count', '4');

  await importTagFile(reader, file);
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: 'Review of B. Colleague' })).toBeVisible();

  await test.step('every item sorted, their layer drawn', async () => {
    await expect(row(reader, 't-claim-a')).toHaveClass(/review-item-agreed/u);
    await expect(row(reader, 't-quote')).toHaveClass(/review-item-agreed/u);
    await expect(row(reader, 't-claim-b')).toHaveClass(/review-item-conflict/u);
    await expect(row(reader, 't-claim-b')).toContainText('False');
    for (const id of ['t-c1', 't-c2', 't-note']) await expect(row(reader, id)).toHaveClass(/review-item-only-theirs/u);
    await expect(panel.locator('.review-chip-static')).toContainText('1');
    await expect(reader.article).toHaveAttribute('data-their-count', '6');
    await expect(reader.article.locator('.ann-theirs[data-review-item-id="t-c1"]')).toHaveText(SPANS.c1);
    await panel.getByLabel('Show their layer in the article').uncheck();
    await expect(reader.article).toHaveAttribute('data-their-count', '0');
    await panel.getByLabel('Show their layer in the article').check();
    await expect(reader.article).toHaveAttribute('data-their-count', '6');
  });

  await test.step('filters', async () => {
    await panel.locator('[data-review-class="only-theirs"]').click();
    await expect(panel.locator('.review-list > li')).toHaveCount(3);
    await panel.getByLabel('Filter by kind').selectOption('note');
    await expect(panel.locator('.review-list > li')).toHaveCount(1);
    await panel.getByLabel('Filter by kind').selectOption('all');
    await panel.locator('[data-review-class="only-theirs"]').click();
    await expect(panel.locator('.review-list > li')).toHaveCount(6);
  });

  await test.step('decisions: bulk, buttons and keys; undo and redo', async () => {
    await panel.getByRole('button', { name: /Accept all agreed/u }).click();
    await expect(row(reader, 't-claim-a')).toHaveClass(/review-decision-accepted/u);
    await expect(row(reader, 't-quote')).toHaveClass(/review-decision-accepted/u);

    await row(reader, 't-claim-b').getByRole('button', { name: 'Accept' }).click();
    await expect(row(reader, 't-claim-b')).toHaveClass(/review-decision-accepted/u);

    // Keys: focus C1, accept with A; move down to C2 and reject with R.
    await row(reader, 't-c1').focus();
    await page.keyboard.press('a');
    await expect(row(reader, 't-c1')).toHaveClass(/review-decision-accepted/u);
    await expect(reader.article.locator('[data-annotation-id$="-t-c1"]')).toHaveText(SPANS.c1);
    await row(reader, 't-c2').focus();
    await page.keyboard.press('r');
    await expect(row(reader, 't-c2')).toHaveClass(/review-decision-rejected/u);

    await panel.getByRole('button', { name: 'Undo decision' }).click();
    await expect(row(reader, 't-c2')).toHaveClass(/review-decision-open/u);
    await panel.getByRole('button', { name: 'Redo' }).click();
    await expect(row(reader, 't-c2')).toHaveClass(/review-decision-rejected/u);
    // Mine plus C1 (B took their verdict in place).
    await expect(reader.article).toHaveAttribute('data-highlight-count', '5');
  });

  await test.step('selecting an item shows its span', async () => {
    await row(reader, 't-note').click();
    await expect(row(reader, 't-note')).toHaveAttribute('aria-current', 'true');
    await expect(reader.article.locator('.ann-theirs[data-review-item-id="t-note"]')).toBeInViewport();
    await row(reader, 't-claim-b').click();
    await expect(reader.article.locator('.ann-theirs[data-review-item-id="t-claim-b"]')).toBeInViewport();
  });
  // The list's filters and bulk actions in view for the picture.
  await page.locator('#review-tabpanel').evaluate((element) => (element.scrollTop = 0));
  await page.screenshot({ path: 'e2e/screenshots/review-view.png' });

  const expectAgreement = async () => {
    await panel.getByRole('tab', { name: 'Agreement' }).click();
    const overall = panel.getByTestId('agreement-overall');
    // Mine: 2 claims, 1 quote, 1 note; theirs: 4 claims, 1 quote, 1 note; A, B and the quote share their spans.
    await expect(overall.locator('[data-scope="all"] [data-figure="exactF1"]')).toHaveText('0.600');
    await expect(overall.locator('[data-scope="claim"] [data-figure="exactF1"]')).toHaveText('0.667');
    await expect(overall.locator('[data-scope="quote"] [data-figure="exactF1"]')).toHaveText('1.000');
    await expect(overall.locator('[data-scope="note"] [data-figure="exactF1"]')).toHaveText('0.000');
    const pair = panel.getByTestId('agreement-pair');
    await expect(pair.locator('[data-scope="all"] [data-figure="precision"]')).toHaveText('0.500');
    await expect(pair.locator('[data-scope="all"] [data-figure="recall"]')).toHaveText('0.750');
    // Verdicts: A agrees, B does not.
    await expect(panel.locator('[data-figure="verdict"]')).toHaveText('0.500');
    await expect(panel.locator('[data-explains="kappa"]')).toContainText('chance');
  };

  await test.step('the agreement panel', async () => {
    await expectAgreement();
    await page.screenshot({ path: 'e2e/screenshots/review-agreement.png' });
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export agreement report (HTML)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.html$/u);
  });

  await test.step('after restarting the host and reloading, decisions and merged annotations persist', async () => {
    await host.restart();
    await reader.open(host.url);
    await expect(reader.article).toHaveAttribute('data-highlight-count', '5');
    await reader.selectAnnotation('m-claim-b');
    await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('false');
    await page.getByRole('button', { name: 'Open review' }).click();
    await expect(row(reader, 't-c1')).toHaveClass(/review-decision-accepted/u);
    await expect(row(reader, 't-c2')).toHaveClass(/review-decision-rejected/u);
    await expect(row(reader, 't-claim-b')).toHaveClass(/review-decision-accepted/u);
    await expect(row(reader, 't-note')).toHaveClass(/review-decision-open/u);
    await expectAgreement();
  });

  await test.step('accept all only-theirs of a kind, then undo it', async () => {
    await panel.getByRole('tab', { name: 'Items' }).click();
    await panel.getByRole('button', { name: 'Accept all only-theirs notes (1)' }).click();
    await expect(row(reader, 't-note')).toHaveClass(/review-decision-accepted/u);
    await expect(reader.article).toHaveAttribute('data-highlight-count', '6');
    await panel.getByRole('button', { name: 'Undo decision' }).click();
    await expect(row(reader, 't-note')).toHaveClass(/review-decision-open/u);
    await expect(reader.article).toHaveAttribute('data-highlight-count', '5');
  });
});
