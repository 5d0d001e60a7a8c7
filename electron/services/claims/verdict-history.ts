import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { ArticleBatch } from '../entities/article-batches.ts';
import { ChangeHistory } from '../entities/change-history.ts';

/** One verdict applied across articles, as undo and redo replay it. */
export interface VerdictStep {
  change: RegistryChange;
  trackedId: string;
  articles: ArticleBatch[];
}

/** The tracker's undo and redo stacks. */
export class VerdictHistory extends ChangeHistory<VerdictStep> {}
