import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract/channels.ts';
import type { ImportResult } from '../../../shared/contract/import-channels.ts';
import { openScholia, type Scholia } from '../open-scholia.ts';
import { articleWith, documentOf } from '../testing/entity-fixtures.ts';
import { mention, person, quote, tagFileOf } from '../testing/record-fixtures.ts';
import { folderSnapshot } from '../testing/folder-snapshot.ts';
import { importArticle, valueOf } from '../testing/library-fixtures.ts';
import { useTempDirs } from '../testing/temp-dir.ts';

const tempDir = useTempDirs();

const FIRST = 'Roberta Metsola said "Europe will act." The European Parliament met on Monday.';
const SECOND = 'In Brussels, Metsola said "We are ready." The vote follows in March.';
const THIRD = 'The Parliament President said "Turnout will rise." Critics doubted it.';

const metsola = person('m1', 'Roberta Metsola', { wikidata: 'Q8889', aliases: ['Metsola'] });

/** A library whose registry knows Metsola (m1, Q8889) from one article. */
async function libraryWithMetsola(scholia: Scholia) {
  return articleWith(scholia, FIRST, (text) => ({
    entities: [metsola],
    annotations: [mention(text, 'a1', 'm1', 'Roberta Metsola'), quote(text, 'a2', 'm1', '"Europe will act."')],
  }));
}

const importFile = (scholia: Scholia, file: unknown, filename = 'colleague.json') =>
  scholia.dispatch('library.importFile', { filename, base64: Buffer.from(JSON.stringify(file)).toString('base64') });

describe('tag files and the library registry', () => {
  it('links a colleague’s entities to the library’s by Wikidata id, so accepting their quote adds no duplicate', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    await libraryWithMetsola(scholia);
    const second = await importArticle(scholia, SECOND);
    const theirs = person('their-rm', 'R. Metsola', { wikidata: 'Q8889' });
    const file = tagFileOf(second.text, [theirs], [quote(second.text, 'q1', 'their-rm', '"We are ready."')]);
    const imported = valueOf<ChannelOutput<'review.import'>>(
      await scholia.dispatch('review.import', { documentId: second.id, json: JSON.stringify(file), fileName: 'colleague.json' }),
    );
    const view = valueOf<ChannelOutput<'review.get'>>(
      await scholia.dispatch('review.get', { documentId: second.id, reviewId: imported.review.id }),
    );
    expect(view.entityLinks).toEqual([{ theirId: 'their-rm', myId: 'm1', by: 'wikidata' }]);
    valueOf(
      await scholia.dispatch('review.decide', {
        documentId: second.id,
        reviewId: imported.review.id,
        decision: 'accepted',
        itemIds: ['q1'],
      }),
    );
    const document = await documentOf(scholia, second.id);
    expect(document.entities).toEqual([metsola]);
    expect(document.annotations).toEqual([expect.objectContaining({ kind: 'quote', speakerId: 'm1' })]);
    await scholia.services.entities.registry.ready();
    expect([...scholia.services.entities.registry.holdersOf('m1')]).toHaveLength(2);
    expect(valueOf<ChannelOutput<'entities.proposals'>>(await scholia.dispatch('entities.proposals', {})).proposals).toEqual([]);

    // Undoing the decision takes the library entity out of the article again.
    valueOf(await scholia.dispatch('review.undo', { documentId: second.id, reviewId: imported.review.id }));
    expect((await documentOf(scholia, second.id)).entities).toEqual([]);
    await scholia.close();
  });

  it('exports tag files whose entities carry the library id and Wikidata id, which a second library opens as a linked article', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const first = await libraryWithMetsola(scholia);
    const exported = valueOf<ChannelOutput<'export.render'>>(
      await scholia.dispatch('export.render', { documentId: first.id, format: 'tags' }),
    );
    const file = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as { entities: unknown[] };
    expect(file.entities).toEqual([metsola]);
    await scholia.close();

    const colleague = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    const result = valueOf<ImportResult>(await importFile(colleague, file, exported.filename));
    expect(result).toMatchObject({ format: 'tags', duplicate: false });
    expect((await documentOf(colleague, result.id)).entities).toEqual([metsola]);
    await colleague.close();
  });

  it('links an entity that carries a library id by that id, and by name when it carries neither', async () => {
    const scholia = await openScholia({ libraryDir: await tempDir(), debounceMs: 5 });
    await libraryWithMetsola(scholia);
    const third = await importArticle(scholia, THIRD);
    const file = tagFileOf(
      third.text,
      [person('m1', 'Roberta Metsola', { wikidata: 'Q8889' }), person('c-9', 'roberta METSOLA')],
      [quote(third.text, 'q1', 'm1', '"Turnout will rise."')],
    );
    const { review } = valueOf<ChannelOutput<'review.import'>>(
      await scholia.dispatch('review.import', { documentId: third.id, json: JSON.stringify(file) }),
    );
    const view = valueOf<ChannelOutput<'review.get'>>(await scholia.dispatch('review.get', { documentId: third.id, reviewId: review.id }));
    expect(view.entityLinks).toEqual([
      { theirId: 'm1', myId: 'm1', by: 'id' },
      { theirId: 'c-9', myId: 'm1', by: 'name' },
    ]);
    await scholia.close();
  });

  it('refuses a tag file whose entities clash with the registry, naming the entity and changing nothing', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    await libraryWithMetsola(scholia);
    const second = await importArticle(scholia, SECOND);
    await scholia.services.entities.registry.ready();
    await scholia.flush();
    const before = await folderSnapshot(libraryDir);

    const otherWikidata = tagFileOf(
      second.text,
      [person('m1', 'Metsola', { wikidata: 'Q42' })],
      [quote(second.text, 'q1', 'm1', '"We are ready."')],
    );
    const refused = await scholia.dispatch('review.import', {
      documentId: second.id,
      json: JSON.stringify(otherWikidata),
      fileName: 'clash.json',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('clash.json cannot be taken into this library');
    expect(message).toContain("“Metsola” (m1) is Q42 in the file, but the library's entity m1, “Roberta Metsola”, is Q8889.");

    const otherType = tagFileOf(
      second.text,
      [{ id: 'place', name: 'Metsola', type: 'location', aliases: [], wikidata: 'Q8889' }],
      [mention(second.text, 'e1', 'place', 'Metsola')],
    );
    const alsoRefused = await importFile(scholia, otherType, 'place.json');
    expect(alsoRefused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('the library holds Q8889 as “Roberta Metsola”, of type “person”') },
    });
    // The same clash refuses a tag file that would be a new article.
    const newArticle = tagFileOf(THIRD, [person('m1', 'Metsola', { wikidata: 'Q42' })], [quote(THIRD, 'q1', 'm1', '"Turnout will rise."')]);
    expect(await importFile(scholia, newArticle)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await scholia.flush();
    expect(await folderSnapshot(libraryDir)).toEqual(before);
    await scholia.close();
  });

  it('imports a tag file with its text as a new article with its annotations and entities, library ids taking the library’s record', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    await libraryWithMetsola(scholia);
    const file = tagFileOf(
      THIRD,
      [person('m1', 'Roberta Metsola'), person('critic', 'Critics', { type: 'group' })],
      [quote(THIRD, 'q1', 'm1', '"Turnout will rise."'), mention(THIRD, 'e1', 'critic', 'Critics')],
      { title: 'Turnout' },
    );
    const result = valueOf<ImportResult>(await importFile(scholia, file, 'turnout.json'));
    expect(result).toMatchObject({ title: 'Turnout', duplicate: false, format: 'tags' });
    const document = await documentOf(scholia, result.id);
    expect(document.text).toBe(THIRD);
    expect(document.entities).toEqual([metsola, { id: 'critic', name: 'Critics', type: 'group', aliases: [] }]);
    expect(document.annotations.map((a) => a.id)).toEqual(['q1', 'e1']);
    expect(document.content.content?.map((block) => block.type)).toEqual(['paragraph']);
    await scholia.services.entities.registry.ready();
    expect([...scholia.services.entities.registry.holdersOf('m1')]).toContain(result.id);

    // The same file again: the article is there now, so it goes to Review.
    const again = valueOf<ImportResult>(await importFile(scholia, file, 'turnout.json'));
    expect(again).toMatchObject({ id: result.id, duplicate: true, format: 'tags', reviewId: expect.any(String) });
    const { reviews } = valueOf<ChannelOutput<'review.list'>>(await scholia.dispatch('review.list', { documentId: result.id }));
    expect(reviews.map((review) => review.id)).toEqual([again.reviewId]);
    await scholia.close();
  });

  it('refuses a tag file without text for an article not in the library, and one with bad offsets, storing nothing', async () => {
    const libraryDir = await tempDir();
    const scholia = await openScholia({ libraryDir, debounceMs: 5 });
    await libraryWithMetsola(scholia);
    await scholia.flush();
    const before = await folderSnapshot(libraryDir);
    const withoutText = tagFileOf(THIRD, [metsola], [quote(THIRD, 'q1', 'm1', '"Turnout will rise."')], {
      withText: false,
      title: 'Turnout',
    });
    expect(await importFile(scholia, withoutText, 'no-text.json')).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported-file',
        message: expect.stringContaining(
          "no-text.json does not embed its article's text, and its article (“Turnout”) is not in the library",
        ),
      },
    });
    const shifted = quote(THIRD, 'q1', 'm1', '"Turnout will rise."');
    const badOffsets = tagFileOf(
      THIRD,
      [metsola],
      [{ ...shifted, target: { ...shifted.target, start: shifted.target.start + 3, end: shifted.target.end + 3 } }],
    );
    const refused = await scholia.dispatch('library.importBatch', {
      sources: [
        { kind: 'file', filename: 'fine.txt', base64: Buffer.from('A fine article.').toString('base64') },
        { kind: 'file', filename: 'offsets.json', base64: Buffer.from(JSON.stringify(badOffsets)).toString('base64') },
      ],
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported-file',
        message: expect.stringMatching(
          /offsets\.json is not a valid Scholia tag file:\n {2}\$\.annotations\[0\]\.target\.exact: does not match the embedded text/u,
        ),
      },
    });
    await scholia.flush();
    expect(await folderSnapshot(libraryDir)).toEqual(before);
    await scholia.close();
  });
});
