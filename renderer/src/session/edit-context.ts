import type { AnnotationOp } from '../../../shared/contract/ops.ts';
import { editAnnotationOps } from '../../../shared/layer/annotation-edits.ts';
import type { Authoring } from '../../../shared/layer/new-annotation.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { AnnotationCommands } from '../commands/annotation-commands.ts';
import type { DocumentRecords } from '../model/document-records.ts';
import type { ReaderView } from '../reader/reader-view.ts';
import type { Report } from './session-messages.ts';
import type { SessionSelection } from './session-selection.ts';

/** What the session's editors work with: the records and the commands that change them, what is selected, the reader, and the status line. */
export interface EditContext {
  readonly text: string;
  readonly records: DocumentRecords;
  readonly commands: AnnotationCommands;
  readonly selection: SessionSelection;
  tagset(): Tagset;
  reader(): ReaderView | null;
  /** Who makes a new record, when, and its new id. */
  authoring(): Authoring;
  report: Report;
}

/** Replaces an annotation with an edited copy (its `modified` time set now), with any ops that must come first; false when nothing changed. */
export function editAnnotation(
  context: EditContext,
  id: string,
  label: string,
  change: (annotation: Annotation) => Annotation | null,
  extraOps: readonly AnnotationOp[] = [],
  options: { coalesceKey?: string } = {},
): boolean {
  const ops = editAnnotationOps(context.records, id, change, new Date().toISOString());
  return ops.length > 0 && context.commands.run(label, [...extraOps, ...ops], options);
}
