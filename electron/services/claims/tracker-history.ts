import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { ArticleBatch } from '../entities/article-batches.ts';
import { ChangeHistory } from '../entities/change-history.ts';
import type { GroupingState } from './claim-tracker.ts';

/** One verdict applied across articles, as undo and redo replay it. */
export interface VerdictStep {
  kind: 'verdict';
  change: RegistryChange;
  trackedId: string;
  articles: ArticleBatch[];
}

/** A grouping changed (confirm, split, dismiss): the tracked claims it touched, before and after. It changes no article. */
export interface GroupingStep {
  kind: 'grouping';
  change: RegistryChange;
  scope: string[];
  before: GroupingState;
  after: GroupingState;
}

export type TrackerStep = VerdictStep | GroupingStep;

/** The tracker's undo and redo stacks: verdicts and grouping changes, in the order they were made. */
export class TrackerHistory extends ChangeHistory<TrackerStep> {}
