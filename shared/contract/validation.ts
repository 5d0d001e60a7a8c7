import type { z } from 'zod';

/** A one-line account of what failed validation: the first few problems, each with its path. */
export function describeIssues(error: z.ZodError, limit = 4): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - parts.length;
  return parts.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
