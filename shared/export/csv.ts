import { stringify } from 'csv-stringify/sync';
import type { ScholiaDocument } from '../model/document.ts';
import type { Tagset } from '../model/tagset.ts';
import { CodePointIndex } from '../text/code-points.ts';
import { compareAnnotations } from './report-model.ts';

/** The CSV columns, in order. Stable: new columns are only ever added at the end. */
export const CSV_COLUMNS = [
  'number',
  'id',
  'kind',
  'start',
  'end',
  'exact',
  'verdict',
  'verdict_label',
  'claim_type',
  'checkworthy',
  'claimant',
  'speaker',
  'quote_form',
  'cue',
  'entity_id',
  'entity_name',
  'entity_type',
  'wikidata',
  'evidence',
  'note',
  'tags',
  'author',
  'created',
  'modified',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * One row per annotation in text order (RFC 4180: comma-separated, CRLF, quoted where needed,
 * UTF-8 without a byte-order mark). `start`/`end` count Unicode code points, as Python and R do.
 * Cells with several values (evidence URLs, tags) hold one value per line.
 */
export function exportCsv(document: ScholiaDocument, tagset: Tagset): string {
  const index = new CodePointIndex(document.text);
  const entities = new Map(document.entities.map((entity) => [entity.id, entity]));
  const rows = [...document.annotations].sort(compareAnnotations).map((annotation, position) => {
    const row: Partial<Record<CsvColumn, string | number>> = {
      number: position + 1,
      id: annotation.id,
      kind: annotation.kind,
      start: index.toCodePoint(annotation.target.start),
      end: index.toCodePoint(annotation.target.end),
      exact: annotation.target.exact,
      note: annotation.note ?? '',
      tags: (annotation.tags ?? []).join('\n'),
      author: annotation.author,
      created: annotation.created,
      modified: annotation.modified,
    };
    switch (annotation.kind) {
      case 'claim':
        row.verdict = annotation.status;
        row.verdict_label = tagset.verdicts.find((v) => v.id === annotation.status)?.label ?? annotation.status;
        row.claim_type = annotation.label ?? '';
        row.checkworthy = annotation.checkworthy === undefined ? '' : String(annotation.checkworthy);
        row.claimant = annotation.claimantId ? (entities.get(annotation.claimantId)?.name ?? '') : '';
        row.evidence = (annotation.evidence ?? []).map((item) => item.url).join('\n');
        break;
      case 'quote':
        row.speaker = annotation.speakerId ? (entities.get(annotation.speakerId)?.name ?? '') : '';
        row.quote_form = annotation.form;
        row.cue = annotation.cue?.exact ?? '';
        break;
      case 'entity': {
        const entity = entities.get(annotation.entityId);
        row.entity_id = annotation.entityId;
        row.entity_name = entity?.name ?? '';
        row.entity_type = entity?.type ?? '';
        row.wikidata = entity?.wikidata ?? '';
        break;
      }
      case 'note':
        break;
    }
    return CSV_COLUMNS.map((column) => row[column] ?? '');
  });
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
}
