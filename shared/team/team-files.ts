import { z } from 'zod';
import { MemberId, TEAM_STAGES } from '../contract/team-channels.ts';
import { Id, IsoDateTime } from '../model/ids.ts';
import { TEAM_FORMAT, TEAM_FORMAT_VERSION } from './team-layout.ts';

/** The team repository's small files (see team-layout.ts), each checked on the way in like a tag file: unknown fields refused. */

/** `scholia-team.json`: the team, written once by `team init`. */
export const TeamFile = z.strictObject({
  format: z.literal(TEAM_FORMAT),
  version: z.literal(TEAM_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  created: IsoDateTime,
});
export type TeamFile = z.infer<typeof TeamFile>;

/** `members/<memberId>.json`. */
export const MemberFile = z.strictObject({
  format: z.literal('scholia-team-member'),
  version: z.literal(1),
  id: MemberId,
  name: z.string().min(1).max(200),
  joined: IsoDateTime,
});
export type MemberFile = z.infer<typeof MemberFile>;

/** `articles/<key>/reviews/<memberId>.json`: that member's decisions on colleagues' layers (open items left out). */
export const ReviewsFile = z.strictObject({
  format: z.literal('scholia-team-reviews'),
  version: z.literal(1),
  memberId: MemberId,
  reviews: z
    .array(
      z.strictObject({
        of: MemberId,
        items: z
          .array(z.strictObject({ id: Id, decision: z.enum(['accepted', 'rejected']), decided: IsoDateTime.optional() }))
          .max(100_000),
      }),
    )
    .max(1000),
});
export type ReviewsFile = z.infer<typeof ReviewsFile>;

/** `articles/<key>/status/<memberId>.json`: that member's word on the article's stage and assignee. */
export const StatusFile = z.strictObject({
  format: z.literal('scholia-team-status'),
  version: z.literal(1),
  memberId: MemberId,
  at: IsoDateTime,
  stage: z.enum(TEAM_STAGES).optional(),
  /** Null: nobody. */
  assignee: MemberId.nullable().optional(),
});
export type StatusFile = z.infer<typeof StatusFile>;

/** `articles/<key>/deleted/<memberId>.json`: annotations that member deleted from their layer, so a merge never brings them back. */
export const DeletedFile = z.strictObject({
  format: z.literal('scholia-team-deleted'),
  version: z.literal(1),
  memberId: MemberId,
  deleted: z.array(z.strictObject({ id: Id, at: IsoDateTime })).max(1_000_000),
});
export type DeletedFile = z.infer<typeof DeletedFile>;

/** The team files as written: two-space JSON with a final newline, so Git's history of them reads line by line. */
export const teamJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
