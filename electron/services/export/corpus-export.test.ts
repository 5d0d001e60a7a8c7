import { describe, expect, it } from 'vitest';
import { CORPUS_EXPORT_FORMATS } from '../../../shared/contract/corpus-channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { corpusSampleSelection } from '../../../shared/testing/corpus-sample.ts';
import { CORPUS_FILE_TYPES, corpusFilename, exportCorpus } from './corpus-export.ts';

describe('exportCorpus', () => {
  it('names the file after what it holds, the export day and the format', () => {
    expect(corpusFilename('qdpx', '2026-02-11T10:00:00.000Z')).toBe('scholia-library-2026-02-11.qdpx');
    expect(corpusFilename('csv', '2026-02-11T10:00:00.000Z', true)).toBe('scholia-search-2026-02-11.annotations.csv');
    expect(Object.keys(CORPUS_FILE_TYPES).sort()).toEqual([...CORPUS_EXPORT_FORMATS].sort());
  });

  it('refuses a file larger than one answer can carry, with a message saying what to do', async () => {
    const small = await exportCorpus(corpusSampleSelection(), 'csv');
    const refused = exportCorpus(corpusSampleSelection(), 'csv', { maxBytes: small.bytes.length - 1 });
    await expect(refused).rejects.toThrow(ScholiaError);
    await expect(refused).rejects.toThrow(/more than .* MiB: export a search of part of the library instead/u);
  });
});
