import type { RegistryChange } from '../../../shared/corpus/corpus-query.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import type { ArticleBatch } from './article-batches.ts';
import { ChangeHistory } from './change-history.ts';

/** One registry change as undo and redo replay it: each article's ops and inverse, and the registry records before and after. */
export interface RegistryStep {
  change: RegistryChange;
  articles: ArticleBatch[];
  recordsBefore: Map<string, Entity | undefined>;
  recordsAfter: Map<string, Entity | undefined>;
}

/** The registry's undo and redo stacks. */
export class RegistryHistory extends ChangeHistory<RegistryStep> {}
