import { fingerprint } from '../shared/text/fingerprint.ts';
import { expect, test } from './support/fixtures.ts';
import { annotation, importTagFile, sampleDocument, writeTagFile } from './support/review-files.ts';

const SPANS = {
  claimA: 'state sponsor of terrorism',
  claimB: 'the outage was due to "high levels of external network traffic,"',
  quote: 'The (European Parliament) is under a sophisticated cyberattack. A pro-Kremlin group has claimed responsibility',
  c1: 'By 15:30 CET, the website became accessible but by 16:00 CET, it went down again.',
  c2: "The Parliament's multimedia centre, which operates as a distinct site, was not affected.",
  cyberattack: 'The (European Parliament) is under a sophisticated cyberattack.',
} as const;

test('three annotators: the majority view counts who marked each span, with every pair’s figures; a review can be removed', async ({
  host,
  reader,
  page,
}) => {
  const { document, tagset } = await sampleDocument(host);
  const text = document.text;
  // Mine: A, B, the quote. B. Colleague: A, B, C1. C. Colleague: A, C1, C2.
  const mine = [
    annotation(text, 'm-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'Analyst'),
    annotation(text, 'm-claim-b', 'claim', SPANS.claimB, { status: 'true' }, 'Analyst'),
    annotation(text, 'm-quote', 'quote', SPANS.quote, { form: 'direct' }, 'Analyst'),
  ];
  await host.call('annotations.apply', { documentId: document.id, ops: mine.map((item) => ({ op: 'annotation.add', annotation: item })) });
  const fileB = await writeTagFile('b.json', document, tagset, 'B. Colleague', [
    annotation(text, 'b-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'B. Colleague'),
    annotation(text, 'b-claim-b', 'claim', SPANS.claimB, { status: 'false' }, 'B. Colleague'),
    annotation(text, 'b-c1', 'claim', SPANS.c1, { status: 'true' }, 'B. Colleague'),
  ]);
  const fileC = await writeTagFile('c.json', document, tagset, 'C. Colleague', [
    annotation(text, 'c-claim-a', 'claim', SPANS.claimA, { status: 'true' }, 'C. Colleague'),
    annotation(text, 'c-c1', 'claim', SPANS.c1, { status: 'true' }, 'C. Colleague'),
    annotation(text, 'c-c2', 'claim', SPANS.c2, { status: 'unverified' }, 'C. Colleague'),
  ]);
  await page.reload();
  await expect(reader.article).toHaveAttribute('data-highlight-count', '3');

  const panel = page.getByRole('region', { name: 'Review' });
  await importTagFile(reader, fileB);
  await expect(panel.getByRole('heading', { name: 'Review of B. Colleague' })).toBeVisible();
  await importTagFile(reader, fileC);
  await expect(panel.getByRole('heading', { name: 'Review of C. Colleague' })).toBeVisible();

  await panel.getByRole('tab', { name: 'Agreement' }).click();
  const majority = panel.getByTestId('agreement-majority');
  await expect(majority).toBeVisible();
  await expect(panel.locator('.agreement-who')).toContainText('B. Colleague');
  await expect(panel.locator('.agreement-who')).toContainText('C. Colleague');
  // Three pairs: me and B, me and C, B and C.
  await expect(panel.getByTestId('agreement-pair')).toHaveCount(3);
  const spanRow = (exact: string) => {
    const start = text.indexOf(exact);
    return majority.locator(`li[data-start="${start}"][data-end="${start + exact.length}"]`);
  };
  await expect(majority.locator('li')).toHaveCount(5);
  await expect(spanRow(SPANS.claimA)).toHaveAttribute('data-majority-count', '3');
  await expect(spanRow(SPANS.claimA)).toContainText('3 of 3 annotators marked this (all with these boundaries)');
  await expect(spanRow(SPANS.claimB)).toHaveAttribute('data-majority-count', '2');
  await expect(spanRow(SPANS.c1)).toHaveAttribute('data-majority-count', '2');
  await expect(spanRow(SPANS.c1)).toContainText('2 of 3 annotators marked this');
  await expect(spanRow(SPANS.c2)).toHaveAttribute('data-majority-count', '1');
  await expect(spanRow(SPANS.quote)).toHaveAttribute('data-majority-count', '1');
  await expect(panel.getByTestId('majority-counts')).toHaveText('3 of 3: 1 span · 2 of 3: 2 spans · 1 of 3: 2 spans');

  // Clicking a span scrolls the article to it.
  await page.locator('.reading-scroll').evaluate((element) => (element.scrollTop = element.scrollHeight));
  await spanRow(SPANS.claimA).getByRole('button').click();
  await expect(reader.article.locator('.ann-theirs[data-review-item-id="c-claim-a"]')).toBeInViewport();

  await majority.scrollIntoViewIfNeeded();
  await page.locator('#review-tabpanel').evaluate((element) => (element.scrollTop = 0));
  await page.screenshot({ path: 'e2e/screenshots/review-majority.png' });

  await test.step('remove a review, with a confirmation', async () => {
    await panel.getByRole('button', { name: 'Remove review' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove review?' });
    await expect(dialog).toContainText('C. Colleague');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await panel.getByRole('button', { name: 'Remove review' }).click();
    await page.getByRole('dialog', { name: 'Remove review?' }).getByRole('button', { name: 'Remove' }).click();
    await expect(panel.getByRole('heading', { name: 'Review of B. Colleague' })).toBeVisible();
    const { reviews } = (await host.call('review.list', { documentId: document.id })) as { reviews: { annotator: string }[] };
    expect(reviews.map((r) => r.annotator)).toEqual(['B. Colleague']);
    // Two annotators left: no majority view, one pair.
    await panel.getByRole('tab', { name: 'Agreement' }).click();
    await expect(panel.getByTestId('agreement-pair')).toHaveCount(1);
    await expect(panel.getByTestId('agreement-majority')).toHaveCount(0);
  });
});

test('exact matches only: a fuzzy placement of an edited file is refused and shown as orphaned with its candidate', async ({
  host,
  reader,
  page,
}) => {
  const { document, tagset } = await sampleDocument(host);
  // Their copy of the article has one word changed inside the claim.
  const edited = document.text.replace('under a sophisticated cyberattack', 'under a massive cyberattack');
  expect(edited).not.toBe(document.text);
  const file = await writeTagFile('edited.json', { ...document, text: edited, fingerprint: fingerprint(edited) }, tagset, 'D. Colleague', [
    annotation(edited, 'd-fuzzy', 'claim', 'The (European Parliament) is under a massive cyberattack.', { status: 'true' }, 'D. Colleague'),
    annotation(edited, 'd-exact', 'claim', SPANS.claimA, { status: 'true' }, 'D. Colleague'),
  ]);
  await page.reload();
  // The article takes the focus once it is drawn; moving to the toggle before that would lose it.
  await expect(reader.article).toBeFocused();
  const toggle = page.getByRole('checkbox', { name: 'Exact matches only' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await importTagFile(reader, file);
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByRole('heading', { name: 'Review of D. Colleague' })).toBeVisible();
  const fuzzy = panel.locator('.review-list [data-review-item-id="d-fuzzy"]');
  await expect(fuzzy).toHaveClass(/review-item-orphaned/u);
  await expect(fuzzy.locator('.review-anchor')).toContainText('refused a fuzzy match');
  await expect(fuzzy.locator('.review-anchor')).toContainText(SPANS.cyberattack);
  await expect(panel.locator('.review-list [data-review-item-id="d-exact"]')).not.toHaveClass(/review-item-orphaned/u);
  const { reviews } = (await host.call('review.list', { documentId: document.id })) as {
    reviews: { exactOnly?: boolean; placement: { orphaned: number } }[];
  };
  expect(reviews[0]?.placement.orphaned).toBe(1);
});
