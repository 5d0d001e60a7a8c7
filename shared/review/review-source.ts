/** Reviews placed by team sync are `team-<memberId>`; imported tag files get a random hex id, never this prefix. */
export const TEAM_REVIEW_PREFIX = 'team-';

export const teamReviewId = (memberId: string): string => `${TEAM_REVIEW_PREFIX}${memberId}`;

export const isTeamReview = (reviewId: string): boolean => reviewId.startsWith(TEAM_REVIEW_PREFIX);

/**
 * Where a review's layer came from, in words for the analyst: a colleague's layer brought by team
 * sync reads "Alice’s annotations, from the team" (its path in the team repository means nothing to
 * them); an imported tag file keeps its file name.
 */
export function reviewSource(summary: { id: string; annotator: string; file: { name?: string | undefined } }): string {
  if (isTeamReview(summary.id)) return `${summary.annotator}’s annotations, from the team`;
  return summary.file.name ?? 'tag file';
}
