import type { Page } from '@playwright/test';
import { generatedDocument, writeLibraryFolder } from '../bench/lib/library-folder.ts';
import type { Annotation } from '../shared/model/annotation.ts';
import { DEFAULT_TAGSET } from '../shared/model/tagset.ts';
import { expect, test } from './support/fixtures.ts';
import { ScholiaHost } from './support/scholia-host.ts';
import { shoot } from './support/screenshots.ts';

const SIZE = { words: 60_000, annotations: 20_000 };

/** A generated article whose 20,000 annotations are all claims, with verdicts and claimants. */
function twentyThousandClaims() {
  const generated = generatedDocument('twenty-thousand-claims', SIZE, 23);
  const claimantOf = (annotation: Annotation) =>
    annotation.kind === 'entity' ? annotation.entityId : annotation.kind === 'quote' ? annotation.speakerId : undefined;
  const annotations = generated.annotations.map((annotation, index): Annotation => {
    const { id, target, author, created, modified } = annotation;
    const claimantId = annotation.kind === 'claim' ? annotation.claimantId : claimantOf(annotation);
    return {
      id,
      target,
      author,
      created,
      modified,
      kind: 'claim',
      status: DEFAULT_TAGSET.verdicts[index % DEFAULT_TAGSET.verdicts.length]?.id ?? 'unverified',
      ...(claimantId ? { claimantId } : {}),
    };
  });
  return { ...generated, meta: { ...generated.meta, title: '60,000 words, 20,000 claims' }, annotations };
}

let host: ScholiaHost;

test.beforeAll(async () => {
  host = await ScholiaHost.start();
  await host.stop();
  await writeLibraryFolder(host.libraryDir, [
    twentyThousandClaims(),
    generatedDocument('long-quotes', { words: 30_000, annotations: 15_000 }, 29),
  ]);
  await host.restart();
});

test.afterAll(async () => {
  await host.dispose();
});

/** Opens a document from the library and waits until every highlight is drawn. */
async function openDocument(page: Page, title: string, highlights: number): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(title, 'u') })
    .first()
    .click();
  await page.waitForFunction(
    ({ title, highlights }) =>
      window.document.querySelector('.doc-heading')?.textContent?.includes(title) === true &&
      Number(window.document.querySelector<HTMLElement>('.reader-text')?.dataset['highlightCount']) === highlights,
    { title, highlights },
    { timeout: 60_000 },
  );
}

test('screenshots: the claims list of a 20,000-claim document at its end, and a long quotes list by speaker', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await openDocument(page, '60,000 words, 20,000 claims', SIZE.annotations);
  const panel = page.getByRole('tabpanel');
  await page.getByRole('tab', { name: /Claims/u }).click();
  await expect(page.getByRole('tab', { name: /Claims/u }).locator('.tab-count')).toHaveText('20000');
  await panel.getByRole('searchbox', { name: 'Search claims' }).press('ArrowDown');
  await page.keyboard.press('End');
  const last = panel.locator('li[aria-posinset="20000"] [data-annotation-ref]');
  await expect(last).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(last).toHaveAttribute('aria-current', 'true');
  await shoot(page, 'long-list-claims-end-20000');

  // The other document: 3,000 quotes by 50 speakers, scrolled down to where the second speaker's quotes begin; one selected.
  await openDocument(page, '30,000 words, 15,000 annotations', 15_000);
  await page.getByRole('tab', { name: /Quotes/u }).click();
  const second = panel.getByRole('region', { name: /^Quotes: / }).nth(1);
  await page.locator('#panel-tabpanel').hover();
  for (let step = 0; step < 60 && !(await second.locator('.group-title').isVisible()); step += 1) await page.mouse.wheel(0, 400);
  await page.mouse.wheel(0, 200);
  await second.locator('[data-annotation-ref]').nth(1).click();
  await expect(second.locator('[aria-current="true"]')).toHaveCount(1);
  await shoot(page, 'long-list-quotes-by-speaker');
});
