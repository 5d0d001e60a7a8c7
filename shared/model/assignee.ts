import { z } from 'zod';

/** Who an article is assigned to: a team member's id (`alice`) or a colleague's name (`Alice Martin`). */
export const Assignee = z
  .string()
  .trim()
  .min(1, 'an assignee cannot be empty')
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'an assignee cannot hold control characters');
export type Assignee = z.infer<typeof Assignee>;

/** The ways the analyst is named: the annotator name of the settings, and their team member id and name when joined. */
export type Me = readonly (string | undefined)[];

function folded(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en');
}

/** Whether an article's assignee is the analyst, by any of their names (case, width and spacing aside). */
export function isAssignedTo(assignee: string | undefined, me: Me): boolean {
  if (!assignee) return false;
  const wanted = folded(assignee);
  return me.some((name) => name !== undefined && name.trim() !== '' && folded(name) === wanted);
}
