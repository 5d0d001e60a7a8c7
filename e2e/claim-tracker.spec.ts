import type { Page } from '@playwright/test';
import type { AnnotationOp } from '../shared/contract/ops.ts';
import type { ScholiaDocument } from '../shared/model/document.ts';
import { addCorpusArticles, CORPUS_ARTICLES, METSOLA } from './support/corpus-articles.ts';
import { expect, test } from './support/fixtures.ts';
import { annotation } from './support/review-files.ts';
import type { ScholiaHost } from './support/scholia-host.ts';
import { shoot } from './support/screenshots.ts';

const REPEAT = {
  title: 'Metsola repeats her support figures in Vilnius',
  text: [
    'Metsola repeats her support figures in Vilnius',
    'Speaking in Vilnius on Thursday, Roberta Metsola said the EU had already paid out more than half of the promised support package.',
    'Lithuanian officials welcomed the visit.',
  ].join('\n\n'),
  claim: 'the EU had already paid out more than half of the promised support package',
};

/** The corpus's three articles and a fourth that repeats the first one's claim (checked False there) in other words. */
async function withRepeatedClaim(host: ScholiaHost): Promise<{ first: string; repeat: string }> {
  const [first] = await addCorpusArticles(host);
  const { id } = (await host.call('library.importText', { title: REPEAT.title, text: REPEAT.text })) as { id: string };
  await host.call('library.updateMeta', { id, meta: { title: REPEAT.title, source: 'Baltic Wire', published: '2026-12-03' } });
  const { document } = (await host.call('library.get', { id })) as { document: ScholiaDocument };
  const ops: AnnotationOp[] = [
    { op: 'entity.add', entity: METSOLA },
    {
      op: 'annotation.add',
      annotation: annotation(document.text, 'd-claim', 'claim', REPEAT.claim, { status: 'unverified', claimantId: METSOLA.id }, 'Analyst'),
    },
  ];
  await host.call('annotations.apply', { documentId: id, ops, baseRevision: document.revision });
  return { first: first?.id ?? '', repeat: id };
}

async function verdictOf(host: ScholiaHost, documentId: string, annotationId: string): Promise<string | undefined> {
  const { document } = (await host.call('library.get', { id: documentId })) as { document: ScholiaDocument };
  const found = document.annotations.find((a) => a.id === annotationId);
  return found?.kind === 'claim' ? found.status : undefined;
}

const view = (page: Page) => page.getByRole('main', { name: 'Tracked claims' });

test('the same claim in two articles is suggested as one; confirmed, one verdict goes to both, and one Ctrl+Z takes it back', async ({
  host,
  reader,
  page,
}) => {
  const { first, repeat } = await withRepeatedClaim(host);
  await page.reload();
  await page.locator('.doc-item', { hasText: REPEAT.title }).click();
  await expect(page.locator('.doc-heading')).toHaveText(REPEAT.title);
  await reader.selectAnnotation('d-claim');

  // The inspector: the claim looks like the one checked False in the first article.
  const line = reader.inspector.getByRole('group', { name: 'Tracked claim' });
  await expect(line).toContainText(`Looks like a claim in ${CORPUS_ARTICLES[0].title}`);
  await expect(line).toContainText('Checked before: False, on 2 February 2026');
  await shoot(page, 'claim-tracker-inspector-suggestion');

  // Same claim, from the keyboard.
  await line.getByRole('button', { name: 'Same claim' }).focus();
  await page.keyboard.press('Enter');
  await expect(reader.statusMessage).toContainText('is now tracked with');
  await expect(line).toContainText('Also in 1 other article');
  await expect(line).toContainText('Checked before: False, on 2 February 2026');
  await shoot(page, 'claim-tracker-inspector');

  // The tracked claim, its two appearances, one verdict for both after a confirmation.
  await line.getByRole('button', { name: 'Open the tracked claim ↗' }).click();
  const card = view(page).getByRole('region', { name: /paid out more than half/u });
  await expect(card.getByRole('listitem')).toHaveCount(2);
  await expect(card).toContainText('Confirmed as one claim');
  await card.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly false' });
  await card.getByRole('button', { name: 'Apply this verdict to all 2 appearances…' }).click();
  await expect(card.getByRole('group', { name: 'Confirm the verdict' })).toContainText(
    'Give “Mostly false” to all 2 appearances in 2 articles?',
  );
  await shoot(page, 'claim-tracker-view');
  await page.keyboard.press('Enter');
  await expect(reader.statusMessage).toContainText('Gave “Mostly false” to 2 appearances');
  await expect(card.locator('.tracked-verdict')).toHaveText(['Mostly false', 'Mostly false']);
  expect(await verdictOf(host, first, 'a-claim')).toBe('mostly-false');
  expect(await verdictOf(host, repeat, 'd-claim')).toBe('mostly-false');

  // One Ctrl+Z in the view takes it back in both articles.
  await card.getByRole('heading').click();
  await page.keyboard.press('Control+z');
  await expect(reader.statusMessage).toContainText('Undone: Gave “Mostly false”');
  await expect(card.locator('.tracked-verdict')).toHaveText(['False', 'Unverified']);
  expect(await verdictOf(host, first, 'a-claim')).toBe('false');
  expect(await verdictOf(host, repeat, 'd-claim')).toBe('unverified');

  // Enter on an appearance opens it in its article.
  await card.getByRole('button', { name: new RegExp(`^${CORPUS_ARTICLES[0].title}`, 'u') }).focus();
  await page.keyboard.press('Enter');
  await expect(view(page)).toHaveCount(0);
  await expect(page.locator('.doc-heading')).toHaveText(CORPUS_ARTICLES[0].title);
  await expect.poll(() => reader.selectedId()).toBe('a-claim');
});
