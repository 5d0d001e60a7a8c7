import { compareAnnotations } from '../export/report-model.ts';
import type { TagFileV1 } from '../model/tag-file.ts';
import type { DeletedFile } from './team-files.ts';

/**
 * One annotator on two machines: both changed their layer file of one article since the last sync.
 * The two layers merge by annotation id: where both have an annotation, the later `modified` wins (this
 * machine's on a tie); an annotation deleted on either machine (in either deletions file) stays deleted
 * unless it was modified after it was deleted. The file's other fields come from the later export.
 */
export function mergeLayers(ours: TagFileV1, theirs: TagFileV1, deleted: ReadonlyMap<string, string>): TagFileV1 {
  const byId = new Map<string, TagFileV1['annotations'][number]>();
  for (const annotation of theirs.annotations) byId.set(annotation.id, annotation);
  for (const annotation of ours.annotations) {
    const other = byId.get(annotation.id);
    if (!other || annotation.modified >= other.modified) byId.set(annotation.id, annotation);
  }
  const annotations = [...byId.values()].filter((annotation) => {
    const at = deleted.get(annotation.id);
    return at === undefined || annotation.modified > at;
  });
  const entities = new Map(theirs.entities.map((entity) => [entity.id, entity]));
  for (const entity of ours.entities) entities.set(entity.id, entity);
  const newer = ours.exportedAt >= theirs.exportedAt ? ours : theirs;
  return {
    ...newer,
    entities: [...entities.values()],
    annotations: annotations.sort(compareAnnotations),
  };
}

/** The deletions of both machines in one file: each id once, with its latest time. */
export function mergeDeleted(ours: DeletedFile, theirs: DeletedFile): DeletedFile {
  const at = new Map<string, string>();
  for (const entry of [...theirs.deleted, ...ours.deleted]) {
    const known = at.get(entry.id);
    if (known === undefined || entry.at > known) at.set(entry.id, entry.at);
  }
  return { ...ours, deleted: [...at].map(([id, when]) => ({ id, at: when })).sort((a, b) => a.id.localeCompare(b.id)) };
}

/** The deletions as a map from id to when. */
export const deletedMap = (file: DeletedFile | undefined): Map<string, string> =>
  new Map((file?.deleted ?? []).map((entry) => [entry.id, entry.at]));
