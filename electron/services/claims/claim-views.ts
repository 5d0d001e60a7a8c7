import type { CheckedBefore, ClaimAppearance, TrackedClaimView } from '../../../shared/contract/claims-channels.ts';
import { defaultVerdict } from '../../../shared/model/new-records.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { ClaimTracker, TrackedClaim } from './claim-tracker.ts';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "3 March 2026". */
export function dayOf(iso: string): string {
  return DAY.format(new Date(iso));
}

/** When an appearance's verdict was checked: its checked-on day, else its last change. */
function checkedDay(appearance: ClaimAppearance): string {
  return appearance.checkedOn ?? appearance.modified;
}

export function verdictLabel(tagset: Tagset, verdict: string): string {
  return tagset.verdicts.find((entry) => entry.id === verdict)?.label ?? verdict;
}

/** A tracked claim as the lists show it: its appearances with their article, claimant, span and verdict. */
export function trackedView(tracker: ClaimTracker, tagset: Tagset, tracked: TrackedClaim): TrackedClaimView {
  const unchecked = defaultVerdict(tagset);
  const appearances: ClaimAppearance[] = [];
  for (const key of tracked.appearances) {
    const info = tracker.info(key);
    if (!info) continue;
    const article = tracker.article(info.documentId);
    appearances.push({
      documentId: info.documentId,
      annotationId: info.annotationId,
      title: article?.title ?? '',
      ...(article?.published ? { date: article.published } : {}),
      ...(info.claimant ? { claimant: info.claimant } : {}),
      start: info.start,
      end: info.end,
      text: info.text,
      verdict: info.status,
      verdictLabel: verdictLabel(tagset, info.status),
      checked: info.status !== unchecked,
      modified: info.modified,
      ...(info.checkedOn ? { checkedOn: info.checkedOn } : {}),
      ...(info.hasRationale ? { hasRationale: true } : {}),
      ...(info.sources > 0 ? { sources: info.sources } : {}),
    });
  }
  const counts = new Map<string, number>();
  for (const { verdict } of appearances) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const verdicts = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([verdict, count]) => ({ verdict, verdictLabel: verdictLabel(tagset, verdict), count }));
  return { id: tracked.id, text: tracked.text, confirmed: tracked.confirmed, appearances, verdicts };
}

/**
 * The latest verdict given to an appearance of the tracked claim other than `except` (an annotation
 * key): "Checked before: False, on 3 March 2026". The day is the verdict record's checked-on, else that of the appearance's last change.
 */
export function checkedBefore(view: TrackedClaimView, except?: { documentId: string; annotationId: string }): CheckedBefore | undefined {
  const checked = view.appearances
    .filter((a) => a.checked && !(a.documentId === except?.documentId && a.annotationId === except.annotationId))
    .sort((a, b) => (checkedDay(a) < checkedDay(b) ? 1 : checkedDay(a) > checkedDay(b) ? -1 : 0));
  const latest = checked[0];
  if (!latest) return undefined;
  return {
    verdict: latest.verdict,
    verdictLabel: latest.verdictLabel,
    on: latest.checkedOn ?? latest.modified,
    documentId: latest.documentId,
    annotationId: latest.annotationId,
    message: `Checked before: ${latest.verdictLabel}, on ${dayOf(checkedDay(latest))}`,
  };
}
