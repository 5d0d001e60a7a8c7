import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClaimAppearance, ClaimSuggestion, TrackedClaimView } from '../../../shared/contract/claims-channels.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { AppStore } from '../app/app-store.ts';
import type { ClaimTrackerStore } from '../app/claim-tracker-store.ts';
import { isTextField } from '../app/global-shortcuts.ts';
import { SuggestionAnswer } from './SuggestionAnswer.tsx';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** An article's date as the lists show it: "3 Mar 2026". */
function shortDate(day: string | undefined): string | null {
  if (!day) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function VerdictChip({ tagset, verdict, label }: { tagset: Tagset; verdict: string; label: string }) {
  const colour = tagset.verdicts.find((entry) => entry.id === verdict)?.colour;
  return (
    <span class="tracked-verdict" style={colour ? { '--verdict-colour': colour } : undefined}>
      <span class="swatch swatch-dot" aria-hidden="true" />
      {label}
    </span>
  );
}

/** One appearance: Enter (or a click) opens it in its article. */
function AppearanceRow({
  tracker,
  tracked,
  appearance,
  tagset,
}: {
  tracker: ClaimTrackerStore;
  tracked: TrackedClaimView;
  appearance: ClaimAppearance;
  tagset: Tagset;
}) {
  const date = shortDate(appearance.date);
  return (
    <li class="tracked-appearance">
      <button
        type="button"
        class="tracked-open"
        aria-label={`${appearance.title}${date ? `, ${date}` : ''}${appearance.claimant ? `, ${appearance.claimant}` : ''}: ${appearance.verdictLabel}. Open in the article`}
        onClick={() => void tracker.openAppearance(appearance)}
      >
        <span class="tracked-where">
          <span class="tracked-title">{appearance.title}</span>
          {date ? <span class="tracked-date">{date}</span> : null}
          {appearance.claimant ? <span class="tracked-claimant">{appearance.claimant}</span> : null}
        </span>
        <span class="tracked-text">“{appearance.text}”</span>
      </button>
      <VerdictChip tagset={tagset} verdict={appearance.verdict} label={appearance.verdictLabel} />
      {tracked.appearances.length > 1 ? (
        <button
          type="button"
          class="button button-quiet button-small"
          disabled={tracker.busy.value}
          aria-label={`Split the appearance in ${appearance.title} off`}
          onClick={() => void tracker.split(tracked, appearance)}
        >
          Split off
        </button>
      ) : null}
    </li>
  );
}

/** What an appearance's verdict record holds: ["rationale", "2 sources"]; empty when it has neither. */
function recordParts(appearance: ClaimAppearance): string[] {
  return [
    ...(appearance.hasRationale ? ['rationale'] : []),
    ...(appearance.sources ? [plural(appearance.sources, 'source', 'sources')] : []),
  ];
}

/** For the picker: "rationale, 2 sources". */
function recordSummary(appearance: ClaimAppearance): string | null {
  const parts = recordParts(appearance);
  return parts.length > 0 ? parts.join(', ') : null;
}

const appearanceKey = (appearance: ClaimAppearance) => `${appearance.documentId}/${appearance.annotationId}`;

/** The appearances' verdicts and records: when they change (the list was read again), the form's choices start from them afresh. */
const recordsOf = (tracked: TrackedClaimView) =>
  tracked.appearances.map((a) => `${appearanceKey(a)}:${a.verdict}:${a.hasRationale ? 'r' : ''}${a.sources ?? 0}`).join(' ');

/**
 * "Apply this verdict to all N appearances…", with, when an appearance has a verdict record (a
 * rationale, sources), that record for the others too; then a confirmation naming what goes where.
 */
function ApplyVerdict({ tracker, tracked, tagset }: { tracker: ClaimTrackerStore; tracked: TrackedClaimView; tagset: Tagset }) {
  const recorded = tracked.appearances.filter((appearance) => recordSummary(appearance) !== null);
  const defaultRecord = recorded[0] ? appearanceKey(recorded[0]) : '';
  const defaultVerdict =
    recorded[0]?.verdict ?? tracked.verdicts.find((v) => v.verdict !== 'unverified')?.verdict ?? tagset.verdicts[0]?.id ?? '';
  const [recordKey, setRecordKey] = useState(defaultRecord);
  const [verdict, setVerdict] = useState(defaultVerdict);
  const signature = recordsOf(tracked);
  useEffect(() => {
    setRecordKey(defaultRecord);
    setVerdict(defaultVerdict);
    // Only when the appearances' records change, not on every drawing.
  }, [signature]);
  const record = recorded.find((appearance) => appearanceKey(appearance) === recordKey);
  const applyButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const count = tracked.appearances.length;
  const articles = new Set(tracked.appearances.map((a) => a.documentId)).size;
  const label = tagset.verdicts.find((entry) => entry.id === verdict)?.label ?? verdict;
  const selectId = `verdict-${tracked.id}`;
  const recordId = `record-${tracked.id}`;
  const from = record ? { documentId: record.documentId, annotationId: record.annotationId } : undefined;
  if (confirming)
    return (
      <div class="duplicate-confirm" role="group" aria-label="Confirm the verdict">
        <p>
          Give “{label}” to all {plural(count, 'appearance', 'appearances')} in {plural(articles, 'article', 'articles')}
          {record ? `, with the ${recordParts(record).join(' and ')} recorded in “${record.title}”` : ''}? <kbd>Ctrl+Z</kbd> here takes it
          back in every article.
        </p>
        <div class="duplicate-actions">
          <button
            type="button"
            class="button button-small button-primary"
            disabled={tracker.busy.value}
            ref={(button) => button?.focus()}
            onClick={() =>
              void tracker.applyVerdict(tracked, verdict, from).then((done) => {
                if (!done) return;
                setConfirming(false);
                // The confirmation goes; the focus stays in the card, on the button that started it.
                requestAnimationFrame(() => applyButton.current?.focus());
              })
            }
          >
            Give “{label}” to {plural(count, 'appearance', 'appearances')}
          </button>
          <button type="button" class="button button-quiet button-small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      </div>
    );
  return (
    <div class="tracked-apply">
      <label for={selectId}>Verdict</label>
      <select id={selectId} class="input" value={verdict} onChange={(event) => setVerdict(event.currentTarget.value)}>
        {tagset.verdicts.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.label}
          </option>
        ))}
      </select>
      {recorded.length > 0 ? (
        <>
          <label for={recordId}>With the record of</label>
          <select id={recordId} class="input" value={recordKey} onChange={(event) => setRecordKey(event.currentTarget.value)}>
            <option value="">None: the verdict only</option>
            {recorded.map((appearance) => (
              <option key={appearanceKey(appearance)} value={appearanceKey(appearance)}>
                {appearance.title} ({recordSummary(appearance)})
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button
        ref={applyButton}
        type="button"
        class="button button-small"
        disabled={tracker.busy.value || count === 0}
        onClick={() => setConfirming(true)}
      >
        Apply this verdict to all {plural(count, 'appearance', 'appearances')}…
      </button>
    </div>
  );
}

function TrackedCard({ store, tracked, focused }: { store: AppStore; tracked: TrackedClaimView; focused: boolean }) {
  const tracker = store.claimTracker;
  const tagset = store.tagset.value;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ block: 'start' });
  }, [focused]);
  const articles = new Set(tracked.appearances.map((a) => a.documentId)).size;
  const headingId = `tracked-${tracked.id}`;
  return (
    <section ref={card} class={focused ? 'tracked-claim tracked-claim-focused' : 'tracked-claim'} aria-labelledby={headingId}>
      <h2 id={headingId} class="tracked-heading">
        “{tracked.text}”
      </h2>
      <p class="duplicate-reason">
        <span>{tracked.confirmed ? 'Confirmed as one claim' : 'Same wording'}</span>
        <span>
          {plural(tracked.appearances.length, 'appearance', 'appearances')} in {plural(articles, 'article', 'articles')}
        </span>
        <span>{tracked.verdicts.map((v) => `${v.verdictLabel} ${v.count}`).join(', ')}</span>
      </p>
      <ul class="tracked-appearances" aria-label={`Appearances of “${tracked.text}”`}>
        {tracked.appearances.map((appearance) => (
          <AppearanceRow
            key={`${appearance.documentId}/${appearance.annotationId}`}
            tracker={tracker}
            tracked={tracked}
            appearance={appearance}
            tagset={tagset}
          />
        ))}
      </ul>
      <div class="tracked-actions">
        <ApplyVerdict tracker={tracker} tracked={tracked} tagset={tagset} />
        {tracked.confirmed ? null : (
          <button
            type="button"
            class="button button-quiet button-small"
            disabled={tracker.busy.value}
            onClick={() => void tracker.confirmGroup(tracked)}
          >
            Confirm they are one claim
          </button>
        )}
      </div>
    </section>
  );
}

function SuggestionRow({ store, suggestion }: { store: AppStore; suggestion: ClaimSuggestion }) {
  const tracker = store.claimTracker;
  const candidate = suggestion.candidate.appearances[0];
  const tracked = suggestion.tracked.appearances[0];
  return (
    <li class="duplicate tracked-suggestion" aria-label={`“${suggestion.candidate.text}” looks like “${suggestion.tracked.text}”`}>
      <div class="duplicate-pair">
        <div class="duplicate-side">
          <span class="duplicate-role">New claim</span>
          <span class="tracked-suggested-text">“{suggestion.candidate.text}”</span>
          <span class="duplicate-meta">{candidate ? <span>{candidate.title}</span> : null}</span>
        </div>
        <span class="duplicate-arrow" aria-hidden="true">
          ≈
        </span>
        <div class="duplicate-side">
          <span class="duplicate-role">Looks like</span>
          <span class="tracked-suggested-text">“{suggestion.tracked.text}”</span>
          <span class="duplicate-meta">
            {tracked ? <span>{tracked.title}</span> : null}
            <span>{plural(suggestion.tracked.appearances.length, 'appearance', 'appearances')}</span>
          </span>
        </div>
      </div>
      <p class="duplicate-reason">
        <span>Similarity {Math.round(suggestion.score * 100)}%</span>
        {suggestion.checkedBefore ? <span>{suggestion.checkedBefore.message}</span> : null}
      </p>
      <SuggestionAnswer tracker={tracker} suggestion={suggestion} class="duplicate-actions" />
    </li>
  );
}

/**
 * The tracked claims (`ui.workspace` = 'claims'): claims that make the same assertion across the
 * library, each with its appearances (Enter opens one in its article), one verdict for all of them
 * after a confirmation (Ctrl+Z here undoes it in every article), and the suggested matches apart.
 */
export function ClaimTrackerView({ store }: { store: AppStore }) {
  const tracker = store.claimTracker;
  const tracked = tracker.tracked.value;
  const suggestions = tracker.suggestions.value;
  const focusId = tracker.focusId.value;
  return (
    <main
      class="workspace entity-profile claim-tracker"
      aria-label="Tracked claims"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && !isTextField(event.target)) {
          event.preventDefault();
          tracker.close();
        }
      }}
    >
      <div class="profile-scroll">
        <div class="profile-column">
          <nav class="profile-nav" aria-label="Tracked claims">
            <button type="button" class="button button-quiet button-small" aria-keyshortcuts="Escape" onClick={() => tracker.close()}>
              ← Back to the article <kbd>Esc</kbd>
            </button>
          </nav>
          <header class="profile-header">
            <h1 class="profile-name">Tracked claims</h1>
            <p class="profile-description">
              Claims that make the same assertion, in one article or many. Give a verdict to every appearance at once; <kbd>Ctrl+Z</kbd>{' '}
              here undoes it everywhere.
            </p>
          </header>
          {suggestions.length > 0 ? (
            <section class="tracked-section" aria-labelledby="tracked-suggestions">
              <h2 id="tracked-suggestions" class="tracked-section-title">
                Suggested matches ({suggestions.length})
              </h2>
              <ul class="duplicates" aria-label="Suggested matches">
                {suggestions.map((suggestion) => (
                  <SuggestionRow key={`${suggestion.tracked.id}+${suggestion.candidate.id}`} store={store} suggestion={suggestion} />
                ))}
              </ul>
            </section>
          ) : null}
          <section class="tracked-section" aria-labelledby="tracked-groups">
            <h2 id="tracked-groups" class="tracked-section-title">
              Claims made more than once{tracked ? ` (${tracked.length})` : ''}
            </h2>
            {tracked === null ? (
              <p class="profile-empty">Reading the library’s claims…</p>
            ) : tracked.length === 0 ? (
              <p class="profile-empty">No claim is made in more than one place yet. Suggested matches show above when there are some.</p>
            ) : (
              tracked.map((claim) => <TrackedCard key={claim.id} store={store} tracked={claim} focused={claim.id === focusId} />)
            )}
          </section>
        </div>
      </div>
    </main>
  );
}
