import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import type { ReaderPage } from './support/reader-page.ts';
import { importCorpus } from './support/corpus-library.ts';
import { SAMPLE, addNote, attributeMetsolaQuote, markClaimWithVerdict, tagOrganisation } from './support/sample-annotations.ts';
import { shoot } from './support/screenshots.ts';
import type { AnnotationOp } from '../shared/contract/ops.ts';
import type { ScholiaDocument } from '../shared/model/document.ts';
import { makeTarget } from '../shared/text/target.ts';
import { addCorpusArticles, CORPUS_ARTICLES, METSOLA } from './support/corpus-articles.ts';
import { annotation, sampleDocument, STAMP } from './support/review-files.ts';

/** Q with the caret inside the quotation that holds `inside`, then A for the last speaker. */
async function quoteWithLastSpeaker(reader: ReaderPage, inside: string): Promise<void> {
  await reader.selectText(inside);
  await reader.page.keyboard.press('ArrowLeft');
  await reader.page.keyboard.press('q');
  await expect(reader.inspector.getByRole('heading', { name: 'Quote' })).toBeVisible();
  await reader.page.keyboard.press('a');
}

/** Selects `text` and presses T: it and every other mention are tagged; then a type key. */
async function tagAll(reader: ReaderPage, text: string, typeKey: string): Promise<void> {
  await reader.selectText(text);
  await reader.page.keyboard.press('t');
  await expect(reader.statusMessage).toContainText('Tagged');
  await reader.page.keyboard.press(typeKey);
}

/** A well-annotated sample article: claims with verdicts and sources, attributed quotes, entities, notes. */
async function annotateSample(reader: ReaderPage, page: Page): Promise<void> {
  const claim = await markClaimWithVerdict(reader, 'True');
  await page.keyboard.press('w');
  await reader.inspector.getByLabel('Claim type').selectOption({ label: 'Law or rule' });
  await reader.inspector.getByLabel('Source link').fill('https://www.europarl.europa.eu/doceo/document/TA-9-2022-0416_EN.html');
  await reader.inspector.getByLabel('Source title').fill('Resolution of 23 November 2022');
  await reader.inspector.getByLabel('Source note').fill('Adopted 494 to 58, 44 abstentions');
  await reader.inspector.getByRole('button', { name: 'Add source' }).click();
  expect(claim).toBeTruthy();

  await attributeMetsolaQuote(reader);
  await quoteWithLastSpeaker(reader, 'IT experts');
  await quoteWithLastSpeaker(reader, 'SlavaUkraini');
  await tagOrganisation(reader);
  await reader.selectAnnotation((await reader.highlightIds('entity'))[0] ?? '');
  await page.keyboard.press('t');
  await tagAll(reader, 'Russia', 'l');
  await tagAll(reader, 'Ukraine', 'l');
  await tagAll(reader, 'MEPs', 'g');

  const duchQuote = await reader.mark('This traffic is related to a DDOS attack (Distributed Denial of Service) event', 'q');
  const speaker = reader.inspector.getByRole('combobox', { name: 'Speaker' });
  await speaker.fill('Jaume Duch');
  await speaker.press('Enter');
  await reader.inspector.getByLabel('Quote form').selectOption('direct');
  await reader.selectText('added', 1);
  await page.keyboard.press('u');
  expect(duchQuote).toBeTruthy();

  await reader.mark('A pro-Kremlin group has claimed responsibility', 'c');
  await page.keyboard.press('7');
  await reader.mark('the outage was due to "high levels of external network traffic,"', 'c');
  await page.keyboard.press('3');
  await reader.inspector.getByRole('combobox', { name: 'Claimant' }).fill('European Parliament');
  await reader.inspector.getByRole('combobox', { name: 'Claimant' }).press('Enter');
  const note = reader.inspector.getByLabel('Note', { exact: true });
  await note.fill('The spokesperson’s words; the DDoS link came later, from Duch.');
  await note.blur();
  await reader.mark('By 15:30 CET, the website became accessible but by 16:00 CET, it went down again', 'c');
  await page.keyboard.press('1');
  await addNote(reader);
  await reader.expectSaved();
}

test('screenshots of each list and of the inspector for each kind', async ({ reader, page }) => {
  test.setTimeout(120_000);
  await annotateSample(reader, page);
  const tab = (name: string) => page.getByRole('tab', { name: new RegExp(name, 'u') });

  await tab('Claims').click();
  await page.locator('[data-annotation-ref]').first().click();
  await expect(reader.inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();
  await shoot(page, 'claims-list-and-claim');

  await tab('Quotes').click();
  await page
    .getByRole('region', { name: `Quotes: ${SAMPLE.speaker}` })
    .locator('[data-annotation-ref]')
    .first()
    .click();
  await expect(reader.inspector.getByRole('heading', { name: 'Quote' })).toBeVisible();
  await shoot(page, 'quotes-list-and-quote');

  await tab('Entities').click();
  await page.locator('[data-entity-ref]', { hasText: SAMPLE.organisation }).click();
  await page.getByRole('button', { name: 'Next mention of European Parliament' }).click();
  await reader.inspector.getByLabel('Wikidata id').fill('Q8889');
  await reader.inspector.getByLabel('Wikidata id').press('Enter');
  await reader.inspector.getByLabel('Aliases').fill('the Parliament');
  await reader.inspector.getByLabel('Aliases').press('Enter');
  await reader.expectSaved();
  await shoot(page, 'entities-list-and-entity');

  await tab('Notes').click();
  await page.locator('[data-annotation-ref]').first().click();
  await expect(reader.inspector.getByRole('heading', { name: 'Note' })).toBeVisible();
  await shoot(page, 'notes-list-and-note');

  await tab('Claims').click();
  await page.getByLabel('Filter claims by verdict').selectOption('true');
  await shoot(page, 'claims-filtered-by-verdict');
});

test('screenshots of the nested spot list, find, the shortcut sheet, settings and the first-run question', async ({ reader, page }) => {
  const quoteId = await reader.mark(SAMPLE.quote, 'q');
  const claimId = await reader.mark('A pro-Kremlin group has claimed responsibility', 'c');
  await reader.mark(SAMPLE.noteSpan, 'n');
  await reader.mark(SAMPLE.organisation, 'e', 1);
  await reader.selectAnnotation(claimId);
  await expect(reader.inspector.getByRole('navigation', { name: 'Annotations at this spot' })).toBeVisible();
  await shoot(page, 'nested-at-this-spot');
  expect(quoteId).toBeTruthy();

  await reader.focusArticle();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Russia');
  await page.keyboard.press('Enter');
  await shoot(page, 'find-in-article');
  await page.keyboard.press('Escape');

  await page.keyboard.press('?');
  await shoot(page, 'shortcut-sheet');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+,');
  await shoot(page, 'settings-codebook');
  await page.keyboard.press('Escape');

  await reader.page.evaluate(() => localStorage.clear());
});

test('screenshots of an entity’s profile across the library and of the possible duplicates', async ({ host, reader, page }) => {
  // Read before the corpus is added: the sample is then the library's only article.
  const { document: sample } = await sampleDocument(host);
  const articles = await addCorpusArticles(host);
  // The sample article joins the corpus: Metsola's three quotes there, and its own “Parliament” (same Wikidata id as the
  // European Parliament of another article): a second possible duplicate.
  const parliament = { id: 'ent-parliament-2022', name: 'Parliament', type: 'organization', aliases: [], wikidata: 'Q8889' };
  const europeanParliament = {
    id: 'ent-european-parliament',
    name: 'European Parliament',
    type: 'organization',
    aliases: [],
    wikidata: 'Q8889',
  };
  const quote = (id: string, exact: string) =>
    annotation(sample.text, id, 'quote', exact, { form: 'direct', speakerId: METSOLA.id }, 'Analyst');
  // “The Parliament's multimedia centre”: the word Parliament alone, not the first “European Parliament”.
  const at = sample.text.indexOf("Parliament's multimedia");
  const sampleOps: AnnotationOp[] = [
    { op: 'entity.add', entity: METSOLA },
    { op: 'entity.add', entity: parliament },
    {
      op: 'annotation.add',
      annotation: annotation(sample.text, 's-metsola', 'entity', SAMPLE.speaker, { entityId: METSOLA.id }, 'Analyst'),
    },
    { op: 'annotation.add', annotation: quote('s-quote-1', SAMPLE.quote) },
    { op: 'annotation.add', annotation: quote('s-quote-2', 'Our IT experts are pushing back against it & protecting our systems') },
    { op: 'annotation.add', annotation: quote('s-quote-3', 'My response: #SlavaUkraini') },
    {
      op: 'annotation.add',
      annotation: {
        id: 's-parliament',
        kind: 'entity',
        entityId: parliament.id,
        target: makeTarget(sample.text, at, at + 'Parliament'.length),
        author: 'Analyst',
        created: STAMP,
        modified: STAMP,
      },
    },
  ];
  await host.call('annotations.apply', { documentId: sample.id, ops: sampleOps });
  await host.call('library.updateMeta', {
    id: sample.id,
    meta: { title: SAMPLE.title, source: 'Sample article', published: SAMPLE.published },
  });
  const energy = articles[1]?.id ?? '';
  const { document: energyDocument } = (await host.call('library.get', { id: energy })) as { document: ScholiaDocument };
  await host.call('annotations.apply', {
    documentId: energy,
    ops: [
      { op: 'entity.add', entity: europeanParliament },
      {
        op: 'annotation.add',
        annotation: annotation(
          energyDocument.text,
          'b-parliament',
          'entity',
          'European Parliament',
          { entityId: europeanParliament.id },
          'Analyst',
        ),
      },
    ],
  });

  await reader.page.reload();
  await page.locator('.doc-item', { hasText: CORPUS_ARTICLES[1].title }).click();
  await page.getByRole('tab', { name: /Entities/u }).click();
  await page.getByRole('button', { name: `Profile of ${METSOLA.name}` }).click();
  const profile = page.getByRole('main', { name: 'Entity profile' });
  await expect(profile.getByRole('heading', { level: 2 })).toHaveCount(4);
  const wrong = profile.locator('.profile-hit-button').filter({ hasText: 'electricity prices in the EU' });
  await wrong.focus();
  await page.keyboard.press('Space');
  await expect(profile.getByText('1 row picked')).toBeVisible();
  await shoot(page, 'entity-profile');
  await profile.getByRole('button', { name: 'Move to a new entity…' }).click();
  await profile.getByLabel('Name of the new entity').fill('Dan Jørgensen');
  await profile.getByRole('button', { name: 'Edit entity…' }).click();
  await expect(profile.getByRole('form', { name: 'Edit the entity' })).toBeVisible();
  await shoot(page, 'entity-profile-edit');
  await profile.getByRole('button', { name: 'Cancel' }).first().click();

  await profile.getByRole('button', { name: 'Possible duplicates' }).click();
  const duplicates = page.getByRole('main', { name: 'Possible duplicates' });
  await expect(duplicates.getByRole('listitem')).toHaveCount(2);
  await duplicates.getByRole('listitem', { name: 'EU and European Union' }).getByRole('button', { name: 'Merge…' }).click();
  await shoot(page, 'possible-duplicates');
});

test('screenshots of the corpus search: the whole library, false claims across articles, a refused query, the export menu', async ({
  host,
  reader,
  page,
}) => {
  await importCorpus(host);
  await page.reload();
  await expect(reader.article).toBeVisible();
  await page.keyboard.press('Control+Shift+F');
  const view = page.getByRole('main', { name: 'Corpus search' });
  const box = view.getByRole('searchbox', { name: 'Search every annotation of the library' });
  const count = view.getByRole('status');
  await expect(count).toHaveText(/annotations in 3 articles/u);
  await view.getByRole('button', { name: 'Save this search…' }).click();
  await view.getByRole('textbox', { name: 'Name of the saved search' }).fill('Everything');
  await view.getByRole('textbox', { name: 'Name of the saved search' }).press('Enter');
  await shoot(page, 'corpus-search');

  await box.fill('kind:claim verdict:false');
  await box.press('Enter');
  await expect(count).toHaveText('3 annotations in 3 articles');
  await view.getByRole('button', { name: 'Save this search…' }).click();
  await view.getByRole('textbox', { name: 'Name of the saved search' }).fill('False claims');
  await view.getByRole('textbox', { name: 'Name of the saved search' }).press('Enter');
  await box.press('ArrowDown');
  await shoot(page, 'corpus-search-false-claims');

  // Enter opens the article at the claim, selected in the inspector; the key goes back to the search.
  await page.keyboard.press('Enter');
  await expect(reader.inspector.getByRole('heading', { name: 'Claim' })).toBeVisible();
  await shoot(page, 'corpus-search-hit-opened');
  await page.keyboard.press('Control+Shift+F');
  await expect(count).toHaveText('3 annotations in 3 articles');

  await box.fill('speaker:Metsola /(cyber/');
  await box.press('Enter');
  await expect(view.getByRole('alert')).toBeVisible();
  await shoot(page, 'corpus-search-refused');

  await box.fill('speaker:"Jaume Duch" kind:quote');
  await box.press('Enter');
  await expect(count).toHaveText(/annotations? in 3 articles/u);
  await view.getByRole('button', { name: 'Export' }).click();
  await expect(view.getByRole('menu')).toBeVisible();
  await shoot(page, 'corpus-search-export-menu');
  await page.keyboard.press('Escape');
});
