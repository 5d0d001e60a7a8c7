// Screenshots of a long document for docs/screenshots/: the 200,000-word article with 20,000
// annotations open, and its claims list scrolled to the end. Run after `npm run build`.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppUnderTest, launchChromium } from './lib/app-under-test.ts';
import { generatedDocument, writeLibraryFolder } from './lib/library-folder.ts';

const SIZE = { words: 200_000, annotations: 20_000 };

const document = generatedDocument('long-article', SIZE, 71);
const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'scholia-bench-shots-'));
await writeLibraryFolder(libraryDir, [document]);
const app = await AppUnderTest.start({ libraryDir });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(app.host.url);
  await page.waitForFunction(
    (count) => Number(window.document.querySelector<HTMLElement>('.reader-text')?.dataset.highlightCount) === count,
    SIZE.annotations,
    { timeout: 120_000 },
  );
  // A stretch in the middle of the article, one claim selected.
  await page.evaluate(() => {
    const scroller = window.document.querySelector<HTMLElement>('.reading-scroll');
    if (scroller) scroller.scrollTop = scroller.scrollHeight * 0.5;
  });
  await page.waitForTimeout(600);
  // A claim on screen (the page holds the highlights of a screen above and below as well).
  const onScreen = await page.evaluate(() => {
    const box = window.document.querySelector('.reading-scroll')?.getBoundingClientRect();
    const claims = [...window.document.querySelectorAll<HTMLElement>('.reader-text .ann-claim')];
    const visible = claims.find((claim) => {
      const rect = claim.getBoundingClientRect();
      return box !== undefined && rect.top > box.top + box.height * 0.3 && rect.bottom < box.bottom - box.height * 0.3;
    });
    return visible?.getAttribute('data-annotation-id') ?? null;
  });
  if (!onScreen) throw new Error('no claim in the middle of the screen');
  await page.locator(`.reader-text .ann-claim[data-annotation-id="${onScreen}"]`).first().click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshots/long-document-200k-words.png' });

  // The claims list draws a screenful at a time: End from its first row scrolls to its last claim and focuses it.
  await page.getByRole('tab', { name: /Claims/u }).click();
  await page.getByRole('searchbox', { name: 'Search claims' }).press('ArrowDown');
  await page.keyboard.press('End');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshots/long-document-claims-list-end.png' });
  console.log('wrote docs/screenshots/long-document-200k-words.png and long-document-claims-list-end.png');
} finally {
  await browser.close();
  await app.stop();
}
