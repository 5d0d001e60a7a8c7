import { z } from 'zod';
import { ANNOTATION_KINDS } from '../model/annotation.ts';
import { Fingerprint } from '../model/document.ts';
import { Id, IsoDateTime } from '../model/ids.ts';
import { MEMBER_ID_PATTERN } from '../team/team-layout.ts';

export const MemberId = z.string().regex(MEMBER_ID_PATTERN, 'a member id is lowercase letters, digits and hyphens');

export const TeamMember = z.object({ id: MemberId, name: z.string().min(1).max(200), joined: IsoDateTime });
export type TeamMember = z.infer<typeof TeamMember>;

/** The article stages the team shares (the same names as the verdict record's stage). */
export const TEAM_STAGES = ['to-check', 'in-progress', 'checked', 'published'] as const;

const KindCounts = z.object(
  Object.fromEntries(ANNOTATION_KINDS.map((kind) => [kind, z.int().nonnegative()])) as Record<(typeof ANNOTATION_KINDS)[number], z.ZodInt>,
);

/** One member's layer on a shared article. */
export const TeamLayer = z.object({
  memberId: MemberId,
  name: z.string(),
  counts: KindCounts,
  modified: IsoDateTime.optional(),
  /** The review this layer appears in on this library (colleagues' layers only). */
  reviewId: Id.optional(),
  /** That colleague's decisions on this library's own layer of the article, from their reviews file. */
  reviewedMine: z.object({ accepted: z.int().nonnegative(), rejected: z.int().nonnegative() }).optional(),
});
export type TeamLayer = z.infer<typeof TeamLayer>;

export const TeamArticle = z.object({
  fingerprint: Fingerprint,
  /** The library's document for it, when this library holds it. */
  documentId: Id.optional(),
  title: z.string(),
  /** This library shares it (its own layer is committed on sync). */
  shared: z.boolean(),
  layers: z.array(TeamLayer),
  stage: z.enum(TEAM_STAGES).optional(),
  assignee: MemberId.optional(),
});
export type TeamArticle = z.infer<typeof TeamArticle>;

export const SYNC_OUTCOMES = ['synced', 'offline', 'history-rewritten', 'failed'] as const;

/** What the last sync did, in words for the status line ("Synced: 2 articles from Bob, yours pushed"). */
export const TeamSyncReport = z.object({
  at: IsoDateTime,
  outcome: z.enum(SYNC_OUTCOMES),
  /** A short sentence for the analyst. */
  message: z.string(),
  /** Git's own words when git failed, with the token and URL credentials taken out (shown behind "Details"). */
  details: z.string().max(4000).optional(),
  /** Commits sent and received. */
  pushed: z.int().nonnegative(),
  pulled: z.int().nonnegative(),
  /** Pushes refused because someone pushed first, each followed by a fetch, a merge and a new push. */
  retries: z.int().nonnegative(),
  /** Colleagues' layers that arrived or changed, each now in Review. */
  arrived: z.array(z.object({ documentId: Id, memberId: MemberId, reviewId: Id })),
  /** Colleagues' files refused (not valid; nothing of them was imported), each with the validator's message. */
  refused: z.array(z.object({ file: z.string(), message: z.string() })).optional(),
});
export type TeamSyncReport = z.infer<typeof TeamSyncReport>;

export const TeamStatus = z.object({
  joined: z.boolean(),
  team: z
    .object({
      name: z.string(),
      /** The remote, with any credential removed. */
      remote: z.string(),
      me: TeamMember,
      members: z.array(TeamMember),
    })
    .optional(),
  articles: z.array(TeamArticle),
  /** Local commits not yet pushed, and remote commits not yet merged (as of the last fetch). */
  pending: z.object({ toPush: z.int().nonnegative(), toPull: z.int().nonnegative() }),
  syncing: z.boolean(),
  lastSync: TeamSyncReport.optional(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;

/** One change to an annotation, read from the Git history of the layers. */
export const AnnotationChange = z.object({
  commit: z.string(),
  at: IsoDateTime,
  memberId: MemberId,
  name: z.string(),
  annotationId: Id,
  change: z.enum(['created', 'verdict', 'span', 'fields', 'deleted', 'accepted']),
  /** For a verdict change: the labels before and after; for an accepted one: whose layer it came from. */
  before: z.string().optional(),
  after: z.string().optional(),
});
export type AnnotationChange = z.infer<typeof AnnotationChange>;

/** A remote: an HTTPS URL (the token is given apart and kept in the credential store) or a local path to a bare repository. */
const Remote = z.string().trim().min(1).max(2000);

/** The team channels (issue 19). */
export const teamChannels = {
  'team.status': { input: z.strictObject({}), output: TeamStatus },
  /** Creates a team repository at a remote (an empty bare repository, or a local path where one is created) and joins it. */
  'team.init': {
    input: z.strictObject({ remote: Remote, name: z.string().trim().min(1).max(200), token: z.string().min(1).max(1000).optional() }),
    output: TeamStatus,
  },
  /** Joins a team; `memberId` joins as a member who already exists (the same analyst on another computer). */
  'team.join': {
    input: z.strictObject({ remote: Remote, token: z.string().min(1).max(1000).optional(), memberId: MemberId.optional() }),
    output: TeamStatus,
  },
  /** Shares library documents with the team, and takes team articles (by fingerprint) into this library, sharing them too. */
  'team.share': {
    input: z.strictObject({
      documentIds: z.array(Id).min(1).max(100_000).optional(),
      all: z.boolean().optional(),
      fingerprints: z.array(Fingerprint).min(1).max(100_000).optional(),
    }),
    output: TeamStatus,
  },
  /** Commit, fetch, merge, push (retrying when someone pushed first); never throws for offline or a rewritten history: the report says so. */
  'team.sync': { input: z.strictObject({}), output: TeamSyncReport },
  'team.assign': {
    input: z.strictObject({ documentId: Id, assignee: MemberId.nullable().optional(), stage: z.enum(TEAM_STAGES).optional() }),
    output: TeamStatus,
  },
  /** An article's history from Git, or one annotation's. */
  'team.log': {
    input: z.strictObject({ documentId: Id, annotationId: Id.optional() }),
    output: z.object({ changes: z.array(AnnotationChange) }),
  },
} as const;
