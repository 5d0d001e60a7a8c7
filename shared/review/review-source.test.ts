import { describe, expect, it } from 'vitest';
import { isTeamReview, reviewSource, teamReviewId } from './review-source.ts';

describe('reviewSource', () => {
  it('names a colleague’s layer from team sync by the colleague, not by its path in the team repository', () => {
    const summary = { id: teamReviewId('alice'), annotator: 'Alice', file: { name: 'articles/9b99f0/alice.json' } };
    expect(reviewSource(summary)).toBe('Alice’s annotations, from the team');
  });

  it('keeps the file name of an imported tag file, and says "tag file" when it had none', () => {
    expect(reviewSource({ id: '0f3a9c2b7d1e4a55', annotator: 'Bob', file: { name: 'bob-budget.json' } })).toBe('bob-budget.json');
    expect(reviewSource({ id: '0f3a9c2b7d1e4a55', annotator: 'Bob', file: {} })).toBe('tag file');
  });

  it('tells team reviews from imported ones by id', () => {
    expect(isTeamReview('team-alice-2')).toBe(true);
    expect(isTeamReview('7e1b2c3d4e5f6a7b')).toBe(false);
  });
});
