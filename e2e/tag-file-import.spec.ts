import { mention, person, quote, tagFileOf } from '../electron/services/testing/record-fixtures.ts';
import { expect, test } from './support/fixtures.ts';
import { ImportPage } from './support/import-page.ts';

const TEXT = 'Roberta Metsola said "We are ready." The vote follows in March.';
const TITLE = 'Ready for the vote';

test('a tag file with its text dropped on the window opens as a new article with its annotations; dropped again, it goes to Review', async ({
  reader,
  page,
}) => {
  const imports = new ImportPage(page);
  const file = tagFileOf(
    TEXT,
    [person('m1', 'Roberta Metsola', { wikidata: 'Q8889' })],
    [mention(TEXT, 'e1', 'm1', 'Roberta Metsola'), quote(TEXT, 'q1', 'm1', '"We are ready."')],
    { title: TITLE },
  );
  const drop = (name: string, content: string) =>
    page.evaluate(
      ({ name, content }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type: 'application/json' }));
        for (const kind of ['dragenter', 'dragover', 'drop'])
          document.body.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { name, content },
    );
  const count = (await imports.titles()).length;
  await drop('ready.json', JSON.stringify(file));
  await expect(reader.statusMessage).toContainText(`Imported “${TITLE}” (Scholia tag file).`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('.reader-text')).toContainText('The vote follows in March.');
  await expect(reader.highlight('q1').first()).toContainText('We are ready.');
  await expect(reader.highlight('e1').first()).toContainText('Roberta Metsola');
  expect((await imports.titles()).length).toBe(count + 1);

  await imports.documentButton(/European Parliament/u).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/European Parliament/u);
  await drop('colleague.json', JSON.stringify({ ...file, annotator: { name: 'Colleague' } }));
  await expect(reader.statusMessage).toContainText(`The tag file is for “${TITLE}”, already in the library`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  expect((await imports.titles()).length).toBe(count + 1);
});
