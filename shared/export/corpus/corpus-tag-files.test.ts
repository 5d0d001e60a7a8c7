import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkTagFile } from '../../model/tag-file-check.ts';
import { corpusSampleDocuments, corpusSampleSelection } from '../../testing/corpus-sample.ts';
import { exportCorpusTagFiles, tagFilePath } from './corpus-tag-files.ts';

describe('exportCorpusTagFiles', () => {
  it('zips one self-contained tag file per article, each passing checkTagFile', async () => {
    const documents = corpusSampleDocuments();
    const zip = await JSZip.loadAsync(await exportCorpusTagFiles(corpusSampleSelection(documents)));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
    expect(names.sort()).toEqual(documents.map((d) => tagFilePath(d.meta.title, d.id)).sort());
    expect(names).toContain('tags/summit-in-brussels-a-turning-point-doc-summit.json');
    for (const document of documents) {
      const text = await zip.file(tagFilePath(document.meta.title, document.id))?.async('string');
      const check = checkTagFile(JSON.parse(text ?? 'null'));
      expect(check.ok ? [] : check.problems).toEqual([]);
      if (!check.ok) continue;
      expect(check.file.document.text).toBe(document.text);
      expect(check.file.document.fingerprint).toBe(document.fingerprint);
      expect(check.file.annotations.map((a) => a.id).sort()).toEqual(document.annotations.map((a) => a.id).sort());
      // Library ids and Wikidata ids travel with the entities, so a colleague's file links up.
      expect(check.file.entities).toEqual(document.entities);
      expect(check.file.annotator.name).toBe('Exporting Analyst');
    }
  });

  it('keeps only the chosen annotations, and refuses an empty selection', async () => {
    const selection = corpusSampleSelection();
    selection.documents = selection.documents.map((entry) => ({
      ...entry,
      annotations: entry.annotations.filter((a) => a.kind === 'quote'),
    }));
    const zip = await JSZip.loadAsync(await exportCorpusTagFiles(selection));
    for (const file of Object.values(zip.files).filter((entry) => !entry.dir)) {
      const parsed = JSON.parse(await file.async('string')) as { annotations: { kind: string }[] };
      expect(parsed.annotations.every((a) => a.kind === 'quote')).toBe(true);
    }
    selection.documents = selection.documents.map((entry) => ({ ...entry, annotations: [] }));
    await expect(exportCorpusTagFiles(selection)).rejects.toThrow(/nothing to export/u);
  });
});
