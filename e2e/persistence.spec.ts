import { expect, test } from './support/fixtures.ts';
import { SAMPLE, addNote, attributeMetsolaQuote, markClaimWithVerdict, tagOrganisation } from './support/sample-annotations.ts';

test('keeps every annotation and its fields across a restart of the host', async ({ host, reader }) => {
  const claimId = await markClaimWithVerdict(reader, 'True');
  const { mentionId, quoteId } = await attributeMetsolaQuote(reader);
  const organisationId = await tagOrganisation(reader);
  const noteId = await addNote(reader);

  await host.restart();
  await reader.open(host.url);

  await test.step('in the page', async () => {
    expect(await reader.highlightIds('claim')).toEqual([claimId]);
    expect(await reader.highlightIds('quote')).toEqual([quoteId]);
    expect((await reader.highlightIds('entity')).sort()).toEqual([mentionId, organisationId].sort());
    expect(await reader.highlightIds('note')).toEqual([noteId]);

    await reader.selectAnnotation(claimId);
    expect(await reader.highlightText(claimId)).toBe(SAMPLE.claim);
    await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('true');

    await reader.selectAnnotation(quoteId);
    await expect(reader.inspector.getByLabel('Annotated text')).toHaveText(SAMPLE.quote);
    await expect(reader.inspector.getByRole('combobox', { name: 'Speaker' })).toHaveValue(SAMPLE.speaker);
    await expect(reader.inspector.getByLabel('Quote form')).toHaveValue('direct');

    await reader.selectAnnotation(mentionId);
    await expect(reader.inspector.getByLabel('Entity name')).toHaveValue(SAMPLE.speaker);
    await expect(reader.inspector.getByLabel('Entity type')).toHaveValue('person');

    await reader.selectAnnotation(organisationId);
    await expect(reader.inspector.getByLabel('Entity name')).toHaveValue(SAMPLE.organisation);
    await expect(reader.inspector.getByLabel('Entity type')).toHaveValue('organization');

    await reader.selectAnnotation(noteId);
    await expect(reader.inspector.getByLabel('Note text')).toHaveValue(SAMPLE.noteText);
  });

  await test.step('in the document file', async () => {
    const [id] = await host.documentIds();
    const document = await host.readDocumentFile(id ?? '');
    const byId = new Map(document.annotations.map((annotation) => [annotation.id, annotation]));
    for (const annotation of document.annotations) {
      expect(document.text.slice(annotation.target.start, annotation.target.end)).toBe(annotation.target.exact);
    }

    const claim = byId.get(claimId);
    expect(claim).toMatchObject({ kind: 'claim', status: 'true', target: { exact: SAMPLE.claim } });
    expect(claim?.target.start).toBe(document.text.indexOf(SAMPLE.claim));

    const quote = byId.get(quoteId);
    expect(quote).toMatchObject({ kind: 'quote', form: 'direct', target: { exact: SAMPLE.quote } });
    const speakerId = quote?.kind === 'quote' ? quote.speakerId : undefined;
    expect(document.entities.find((entity) => entity.id === speakerId)).toMatchObject({ name: SAMPLE.speaker, type: 'person' });

    const mention = byId.get(mentionId);
    expect(mention).toMatchObject({ kind: 'entity', entityId: speakerId, target: { exact: SAMPLE.speaker } });

    const organisation = byId.get(organisationId);
    expect(organisation).toMatchObject({ kind: 'entity', target: { exact: SAMPLE.organisation } });
    const organisationEntityId = organisation?.kind === 'entity' ? organisation.entityId : undefined;
    expect(document.entities.find((entity) => entity.id === organisationEntityId)).toMatchObject({
      name: SAMPLE.organisation,
      type: 'organization',
    });

    expect(byId.get(noteId)).toMatchObject({ kind: 'note', note: SAMPLE.noteText, target: { exact: SAMPLE.noteSpan } });
    expect(document.annotations).toHaveLength(5);
    expect(document.entities).toHaveLength(2);
  });
});

test('undoes and redoes from the keyboard, and the store follows', async ({ host, reader, page }) => {
  const claimId = await reader.mark(SAMPLE.claim, 'c');
  const noteId = await reader.mark('high levels of external network traffic', 'n');
  await reader.expectSaved();

  await page.keyboard.press('Control+z');
  await expect(reader.highlight(noteId)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(reader.highlight(claimId)).toHaveCount(0);

  await page.keyboard.press('Control+Shift+z');
  await expect(reader.highlight(claimId).first()).toBeVisible();
  expect(await reader.highlightText(claimId)).toBe(SAMPLE.claim);
  expect(await reader.selectedId()).toBe(claimId);

  await page.keyboard.press('Control+y');
  await expect(reader.highlight(noteId).first()).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(reader.highlight(noteId)).toHaveCount(0);
  await reader.expectSaved();

  await host.restart();
  await reader.open(host.url);
  await expect(reader.highlight(claimId).first()).toBeVisible();
  await expect(reader.highlight(noteId)).toHaveCount(0);

  const [id] = await host.documentIds();
  const document = await host.readDocumentFile(id ?? '');
  expect(document.annotations.map((annotation) => annotation.id)).toEqual([claimId]);
});

test('deletes the selected annotation with Delete, and undo brings it back whole', async ({ reader, page }) => {
  const claimId = await markClaimWithVerdict(reader, 'False');
  await reader.selectAnnotation(claimId);
  await page.keyboard.press('Delete');
  await expect(reader.highlight(claimId)).toHaveCount(0);
  await expect(reader.inspector.getByRole('heading', { name: 'Inspector' })).toBeVisible();

  await reader.page.getByRole('button', { name: 'Undo' }).click();
  await expect(reader.highlight(claimId).first()).toBeVisible();
  await expect(reader.inspector.getByLabel('Verdict')).toHaveValue('false');
  await reader.expectSaved();
});
