/**
 * The team repository's layout (issue 19). Every file has one writer, so Git merges never conflict:
 *
 *   scholia-team.json                         the team: format, version, name, created (written once by `team init`)
 *   members/<memberId>.json                   a member: id, name, joined (written by that member only)
 *   codebook/<memberId>.json                  a member's proposed codebook (the team's codebook is reviewed like annotations)
 *   articles/<key>/article.json               the article: text and metadata, written once by whoever shares it first
 *   articles/<key>/tags/<memberId>.json       that member's layer: a Scholia tag file without its text (only they write it)
 *   articles/<key>/reviews/<memberId>.json    that member's review decisions on colleagues' layers
 *   articles/<key>/status/<memberId>.json     that member's word on the article's stage and assignee (the latest wins)
 *   articles/<key>/deleted/<memberId>.json    the ids that member deleted from their layer, with when (so a merge never brings them back)
 *
 * `<key>` is the article's fingerprint without its `sha256:` prefix. Nothing secret is ever written here.
 */

export const TEAM_FILE = 'scholia-team.json';
export const TEAM_FORMAT = 'scholia-team';
export const TEAM_FORMAT_VERSION = 1;

/** A member id: lowercase letters, digits and hyphens, 1–64 characters (a slug of the annotator's name, made unique on join). */
export const MEMBER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export const articleKey = (fingerprint: string): string => fingerprint.replace(/^sha256:/, '');

export const teamPaths = {
  team: TEAM_FILE,
  member: (memberId: string) => `members/${memberId}.json`,
  codebook: (memberId: string) => `codebook/${memberId}.json`,
  article: (fingerprint: string) => `articles/${articleKey(fingerprint)}/article.json`,
  layer: (fingerprint: string, memberId: string) => `articles/${articleKey(fingerprint)}/tags/${memberId}.json`,
  reviews: (fingerprint: string, memberId: string) => `articles/${articleKey(fingerprint)}/reviews/${memberId}.json`,
  status: (fingerprint: string, memberId: string) => `articles/${articleKey(fingerprint)}/status/${memberId}.json`,
  deleted: (fingerprint: string, memberId: string) => `articles/${articleKey(fingerprint)}/deleted/${memberId}.json`,
} as const;

/** What a path in the team repository is: one of an article's per-member files, or something else. */
export function parseTeamPath(
  file: string,
): { key: string; kind: 'article' } | { key: string; kind: 'tags' | 'reviews' | 'status' | 'deleted'; memberId: string } | undefined {
  const article = /^articles\/([0-9a-f]{64})\/article\.json$/.exec(file);
  if (article?.[1]) return { key: article[1], kind: 'article' };
  const member = /^articles\/([0-9a-f]{64})\/(tags|reviews|status|deleted)\/([a-z0-9-]{1,64})\.json$/.exec(file);
  if (!member?.[1] || !member[2] || !member[3] || !MEMBER_ID_PATTERN.test(member[3])) return undefined;
  return { key: member[1], kind: member[2] as 'tags' | 'reviews' | 'status' | 'deleted', memberId: member[3] };
}
