import { useEffect, useState } from 'preact/hooks';
import type { ClaimOf } from '../app/claim-tracker-store.ts';
import type { ClaimAnnotation } from '../../../shared/model/annotation.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { useClaimTracker } from './claim-tracker-context.ts';
import { SuggestionAnswer } from './SuggestionAnswer.tsx';

function articles(count: number): string {
  return `${count} other ${count === 1 ? 'article' : 'articles'}`;
}

/**
 * The claim's place in the tracker: "Also in 2 other articles", "Checked before: False, on 3 March
 * 2026", a way to its tracked claim, and a suggestion to answer: "Looks like a claim in <article>:
 * Same claim / Not the same".
 */
export function TrackedClaimLine({ session, claim }: { session: DocumentSession; claim: ClaimAnnotation }) {
  const tracker = useClaimTracker();
  const [found, setFound] = useState<ClaimOf | null>(null);
  const revision = session.version.value;
  const changes = tracker?.changes.value ?? 0;
  useEffect(() => {
    if (!tracker) return;
    let current = true;
    void tracker.of(session.id, claim.id).then((answer) => {
      if (current) setFound(answer);
    });
    return () => {
      current = false;
    };
  }, [tracker, session.id, claim.id, claim.status, revision, changes]);
  if (!tracker || !found?.tracked) return null;
  const { tracked, otherArticles, checkedBefore } = found;
  const suggestion = found.suggestions.find((s) => s.candidate.id === tracked.id);
  const elsewhere = suggestion?.tracked.appearances.find((a) => a.documentId !== session.id) ?? suggestion?.tracked.appearances[0];
  if (otherArticles === 0 && !checkedBefore && !suggestion && tracked.appearances.length < 2) return null;
  return (
    <div class="tracked-line" role="group" aria-label="Tracked claim">
      {otherArticles > 0 ? (
        <p>Also in {articles(otherArticles)}</p>
      ) : tracked.appearances.length > 1 ? (
        <p>Made again in this article</p>
      ) : null}
      {checkedBefore && !suggestion ? <p class="checked-before">{checkedBefore.message}</p> : null}
      {suggestion ? (
        <>
          <p>
            Looks like a claim in {elsewhere?.title ?? 'another article'}: “{suggestion.tracked.text}”
          </p>
          {checkedBefore ? <p class="checked-before">{checkedBefore.message}</p> : null}
          <SuggestionAnswer tracker={tracker} suggestion={suggestion} class="tracked-line-actions" />
        </>
      ) : null}
      {otherArticles > 0 || tracked.appearances.length > 1 ? (
        <div class="tracked-line-actions">
          <button type="button" class="button button-quiet button-small" onClick={() => void tracker.open(tracked.id)}>
            Open the tracked claim ↗
          </button>
        </div>
      ) : null}
    </div>
  );
}
