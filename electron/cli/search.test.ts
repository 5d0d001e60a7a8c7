import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusResult } from '../../shared/corpus/corpus-query.ts';
import { parseQueryString } from '../../shared/corpus/query-string.ts';
import { openScholia } from '../services/open-scholia.ts';
import { call, importArticles } from '../services/testing/corpus-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { combineQueries, queryOfFlags } from './search-command.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();

async function threeArticles(): Promise<{ library: string; ids: string[] }> {
  const library = await tempDir();
  const open = await openScholia({ libraryDir: library, debounceMs: 5 });
  const ids = await importArticles(open);
  await call(open, 'corpus.save', { name: 'Metsola quotes', query: parseQueryString('kind:quote speaker:metsola') });
  await open.close();
  return { library, ids };
}

function resultOf(stdout: string): CorpusResult {
  return CorpusResult.parse(JSON.parse(stdout));
}

describe('scholia search', () => {
  it('prints matches grouped by article, newest first, with facet counts', async () => {
    const { library, ids } = await threeArticles();
    const printed = await scholia('search', '--library', library, '--kind', 'claim', '--verdict', 'false');
    expect(printed.code).toBe(0);
    const lines = printed.stdout.split('\n');
    expect(lines[0]).toBe('2 annotations in 2 articles.');
    expect(printed.stdout).toContain(`2024-05-02  Summit opens in Brussels (Le Monde)  [${ids[1]}]`);
    expect(printed.stdout).toMatch(
      /^ {2}claim +\d+–\d+ +“exports doubled in a year” {2}False · Statistic · not check-worthy · claimant European Union · Ben$/mu,
    );
    expect(printed.stdout.indexOf('Summit opens')).toBeLessThan(printed.stdout.indexOf('Parliament president'));
    // The kind facet leaves kind:claim out but follows verdict:false, which only claims have.
    expect(printed.stdout).toMatch(/^ {2}kind: claim 2$/mu);
    expect(printed.stdout).toMatch(/^ {2}verdict: False 2, Mostly false 1$/mu);
  });

  it('answers the CorpusResult as JSON, from words, every flag, --query and a saved search', async () => {
    const { library, ids } = await threeArticles();
    const byWords = resultOf((await scholia('search', 'twelve', 'prices', '--json', '--library', library)).stdout);
    expect(byWords.groups.flatMap((group) => group.hits.map((hit) => hit.annotationId))).toEqual(['a1-c1']);
    const flags = resultOf(
      (
        await scholia(
          'search',
          '--json',
          '--library',
          library,
          '--kind',
          'claim',
          '--label',
          'statistic',
          '--checkworthy',
          '--annotator',
          'Ana',
          '--source',
          'Politico',
          '--from',
          '2024-03-01',
          '--to',
          '2024-03-31',
          '--regex',
          'twelve',
        )
      ).stdout,
    );
    expect(flags.total).toBe(1);
    const bySpeaker = resultOf(
      (await scholia('search', '--json', '--library', library, '--speaker', 'Q2740048', '--tag', 'energy')).stdout,
    );
    expect(bySpeaker.total).toBe(2);
    const claimant = resultOf(
      (await scholia('search', '--json', '--library', library, '--query', 'claimant:"European Union"', '--not-checkworthy')).stdout,
    );
    expect(claimant.groups.map((group) => group.documentId)).toEqual([ids[1]]);
    const saved = resultOf(
      (await scholia('search', '--json', '--library', library, '--saved', 'metsola QUOTES', '--from', '2024-05-01')).stdout,
    );
    expect(saved.total).toBe(2);
    const limited = resultOf((await scholia('search', '--json', '--library', library, '--entity', 'EU', '--limit', '1')).stdout);
    expect(limited).toMatchObject({ total: 4, documents: 3 });
    expect(limited.groups).toHaveLength(1);
  });

  it('refuses bad input with a message and changes nothing', async () => {
    const { library } = await threeArticles();
    const before = await readFile(path.join(library, 'library.json'), 'utf8');
    const regex = await scholia('search', '--library', library, '--regex', '(unclosed');
    expect(regex.code).toBe(1);
    expect(regex.stderr).toContain('the regular expression /(unclosed/ is broken');
    const query = await scholia('search', '--library', library, '--query', 'colour:red');
    expect(query.code).toBe(1);
    expect(query.stderr).toContain('unknown key "colour:"; the known keys are kind:, verdict:');
    const date = await scholia('search', '--library', library, '--from', '2024-13-01');
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('--from takes a day as YYYY-MM-DD, not "2024-13-01"');
    const kind = await scholia('search', '--library', library, '--kind', 'verdict');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind takes claim, quote, entity, note, not "verdict"');
    const both = await scholia('search', '--library', library, '--checkworthy', '--not-checkworthy');
    expect(both.code).toBe(2);
    const limit = await scholia('search', '--library', library, '--limit', '0');
    expect(limit.stderr).toContain('--limit must be a whole number from 1 to 1000');
    const saved = await scholia('search', '--library', library, '--saved', 'nothing');
    expect(saved.stderr).toContain('There is no saved search "nothing"; the saved ones are "Metsola quotes"');
    const missing = await scholia('search', '--library', path.join(library, 'nowhere'));
    expect(missing.stderr).toContain('There is no library at');
    expect(await readFile(path.join(library, 'library.json'), 'utf8')).toBe(before);
  });
});

describe('scholia search over the verdict record', () => {
  async function checkedLibrary(): Promise<{ library: string; ids: string[] }> {
    const library = await tempDir();
    const open = await openScholia({ libraryDir: library, debounceMs: 5 });
    const ids = await importArticles(open);
    const [first = '', second = ''] = ids;
    for (const [documentId, id, record] of [
      [first, 'a1-c1', { stage: 'checked', checkedBy: 'Ana Lopes', checkedOn: '2026-03-02', rationale: 'Eurostat says 3 %.' }],
      [second, 'a2-c1', { stage: 'in-progress', checkedBy: 'Ben', checkedOn: '2026-04-20' }],
    ] as const) {
      const { document } = await call(open, 'library.get', { id: documentId });
      const claim = document.annotations.find((annotation) => annotation.id === id);
      await call(open, 'annotations.apply', { documentId, ops: [{ op: 'annotation.update', annotation: { ...claim, ...record } }] });
    }
    const { document } = await call(open, 'library.get', { id: first });
    await call(open, 'library.updateMeta', { id: first, meta: { title: document.meta.title, stage: 'published' } });
    await open.close();
    return { library, ids };
  }

  it('filters by claim stage, checker, checked days, record parts and article stage, and prints the record', async () => {
    const { library, ids } = await checkedLibrary();
    const printed = await scholia('search', '--library', library, '--stage', 'checked', '--checked-by', 'ana lopes');
    expect(printed.code).toBe(0);
    expect(printed.stdout.split('\n')[0]).toBe('1 annotation in 1 article.');
    expect(printed.stdout).toMatch(/“Prices rose by twelve per cent”.* · checked · checked by Ana Lopes on 2026-03-02 · Ana$/mu);
    // The stage facet leaves its own filter out but follows the checker.
    expect(printed.stdout).toMatch(/^ {2}stage: Checked 1$/mu);
    expect(printed.stdout).toMatch(/^ {2}checkedBy: Ana Lopes 1$/mu);
    expect(printed.stdout).toMatch(/^ {2}articleStage: Published 1$/mu);
    const json = (...flags: string[]) => scholia('search', '--json', '--library', library, ...flags).then(({ stdout }) => resultOf(stdout));
    const ids1 = (result: CorpusResult) => result.groups.flatMap((group) => group.hits.map((hit) => hit.annotationId));
    expect(ids1(await json('--stage', 'In progress'))).toEqual(['a2-c1']);
    expect(ids1(await json('--checked-from', '2026-04-01', '--checked-to', '2026-04-30'))).toEqual(['a2-c1']);
    expect(ids1(await json('--has', 'rationale'))).toEqual(['a1-c1']);
    expect(ids1(await json('--query', 'has:rationale has:evidence'))).toEqual(['a1-c1']);
    const published = await json('--article-stage', 'published');
    expect(published.total).toBe(4);
    expect(published.groups.map((group) => group.documentId)).toEqual([ids[0]]);

    const stage = await scholia('search', '--library', library, '--stage', 'done');
    expect(stage.code).toBe(2);
    expect(stage.stderr).toContain('--stage takes to-check, in-progress, checked, published, not "done"');
    const has = await scholia('search', '--library', library, '--has', 'verdict');
    expect(has.stderr).toContain('--has takes rationale, evidence, archive, not "verdict"');
    const reversed = await scholia('search', '--library', library, '--checked-from', '2026-05-01', '--checked-to', '2026-04-01');
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('the day range 2026-05-01 to 2026-04-01 is reversed');
    const day = await scholia('search', '--library', library, '--checked-to', 'March');
    expect(day.stderr).toContain('--checked-to takes a day as YYYY-MM-DD, not "March"');
  });
});

describe('search flags', () => {
  it('add up with the query string: words join, lists become alternatives, single values from flags win', () => {
    expect(
      queryOfFlags(['gas', 'prices'], {
        query: 'kind:claim verdict:false from:2024-01-01',
        verdict: ['mostly-false'],
        from: '2024-02-01',
        kind: ['quote'],
      }),
    ).toEqual({
      text: 'gas prices',
      kinds: ['claim', 'quote'],
      verdicts: ['false', 'mostly-false'],
      from: '2024-02-01',
    });
    expect(
      queryOfFlags([], {
        query: 'stage:checked checkedfrom:2026-01-01',
        stage: ['published'],
        checkedFrom: '2026-02-01',
        has: ['Archive'],
      }),
    ).toEqual({
      stages: ['checked', 'published'],
      checkedFrom: '2026-02-01',
      has: ['archive'],
    });
    expect(combineQueries({ text: 'a', speakers: ['X'] }, { text: 'b', speakers: ['X', 'Y'], checkworthy: false })).toEqual({
      text: 'a b',
      speakers: ['X', 'Y'],
      checkworthy: false,
    });
  });
});
