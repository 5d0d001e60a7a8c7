import { useEffect, useRef, useState } from 'preact/hooks';
import { TEAM_STAGES, type TeamArticle, type TeamLayer, type TeamStatus } from '../../../shared/contract/team-channels.ts';
import { WORKFLOW_STAGE_LABELS } from '../../../shared/model/annotation.ts';
import type { DocumentSummary } from '../../../shared/model/document.ts';
import type { AppStore } from '../app/app-store.ts';
import { isTextField } from '../app/global-shortcuts.ts';
import type { TeamStore } from '../app/team-store.ts';
import { clockTime, memberName, plural, syncLine } from '../model/team-words.ts';
import { isHttps } from './TeamJoinDialog.tsx';

const KIND_WORDS = {
  claim: ['claim', 'claims'],
  quote: ['quote', 'quotes'],
  entity: ['entity', 'entities'],
  note: ['note', 'notes'],
} as const;

/** "3 claims, 1 quote" (the kinds with none left out). */
export function countWords(counts: TeamLayer['counts']): string {
  const parts = (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => plural(counts[kind], KIND_WORDS[kind][0], KIND_WORDS[kind][1]));
  return parts.length > 0 ? parts.join(', ') : 'no annotations';
}

function SyncSection({ team, status }: { team: TeamStore; status: TeamStatus }) {
  const line = syncLine(status);
  const last = status.lastSync;
  const { toPush, toPull } = status.pending;
  return (
    <section class="tracked-section team-sync" aria-labelledby="team-sync-title">
      <div class="team-section-head">
        <h2 id="team-sync-title" class="tracked-section-title">
          Sync
        </h2>
        <button
          type="button"
          class="button button-primary"
          disabled={team.busy.value || status.syncing}
          aria-keyshortcuts="Control+Alt+Y Meta+Alt+Y"
          title="Send your changes and fetch your colleagues' (Ctrl+Alt+Y)"
          onClick={() => void team.sync()}
        >
          {status.syncing ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      <dl class="team-facts">
        <dt>Waiting to be pushed</dt>
        <dd data-testid="team-to-push">{toPush === 0 ? 'nothing' : plural(toPush, 'change')}</dd>
        <dt>Waiting to be pulled</dt>
        <dd data-testid="team-to-pull">{toPull === 0 ? 'nothing' : plural(toPull, 'change')}</dd>
        <dt>Last sync</dt>
        <dd data-testid="team-last-sync" class={line ? `team-sync-${line.tone}` : undefined}>
          {last ? (
            <>
              {line?.text}
              {last.retries > 0 ? ` (pushed again ${plural(last.retries, 'time')} after a colleague pushed first)` : ''}
              {last.outcome !== 'synced' && last.message && last.message !== line?.text ? (
                <span class="team-sync-detail">What happened: {last.message}</span>
              ) : null}
              {last.outcome !== 'synced' && last.details ? (
                <details class="team-sync-git">
                  <summary>Details</summary>
                  <pre data-testid="team-sync-git">{last.details}</pre>
                </details>
              ) : null}
            </>
          ) : (
            'not yet'
          )}
        </dd>
      </dl>
      {last?.refused && last.refused.length > 0 ? (
        <div class="team-refused" role="group" aria-label="Files refused">
          <p>
            {plural(last.refused.length, 'colleague’s file was', 'colleagues’ files were')} refused; nothing of{' '}
            {last.refused.length === 1 ? 'it' : 'them'} was taken:
          </p>
          <ul>
            {last.refused.map((file) => (
              <li key={file.file}>
                <code>{file.file}</code>: {file.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="team-hint">
        The app also syncs by itself every few minutes while it is open; this line follows it.
        {isHttps(status.team?.remote ?? '') ? (
          <>
            {' '}
            <button type="button" class="button button-quiet button-tiny" onClick={() => team.openEnterToken()}>
              Enter token again…
            </button>
          </>
        ) : null}
      </p>
    </section>
  );
}

function MemberList({ status }: { status: TeamStatus }) {
  const team = status.team;
  if (!team) return null;
  return (
    <section class="tracked-section" aria-labelledby="team-members-title">
      <h2 id="team-members-title" class="tracked-section-title">
        Members ({team.members.length})
      </h2>
      <ul class="team-members">
        {team.members.map((member) => (
          <li key={member.id}>
            <span class="team-member-name">{member.name}</span>
            {member.id === team.me.id ? <span class="team-you"> (you)</span> : null}
            <span class="team-detail"> · joined {new Date(member.joined).toLocaleDateString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StageSelect({ team, article }: { team: TeamStore; article: TeamArticle }) {
  const documentId = article.documentId;
  return (
    <select
      class="input input-small"
      aria-label={`Stage of ${article.title}`}
      value={article.stage ?? ''}
      disabled={!documentId || team.busy.value}
      onChange={(event) => {
        const stage = event.currentTarget.value as TeamArticle['stage'] | '';
        if (documentId && stage) void team.assign(documentId, { stage });
      }}
    >
      {article.stage ? null : <option value="">Not set</option>}
      {TEAM_STAGES.map((stage) => (
        <option key={stage} value={stage}>
          {WORKFLOW_STAGE_LABELS[stage]}
        </option>
      ))}
    </select>
  );
}

function AssigneeSelect({ team, status, article }: { team: TeamStore; status: TeamStatus; article: TeamArticle }) {
  const documentId = article.documentId;
  return (
    <select
      class="input input-small"
      aria-label={`Assignee of ${article.title}`}
      value={article.assignee ?? ''}
      disabled={!documentId || team.busy.value}
      onChange={(event) => {
        const assignee = event.currentTarget.value;
        if (documentId) void team.assign(documentId, { assignee: assignee || null });
      }}
    >
      <option value="">Nobody</option>
      {status.team?.members.map((member) => (
        <option key={member.id} value={member.id}>
          {member.name}
        </option>
      ))}
    </select>
  );
}

function ArticleRow({ store, status, article }: { store: AppStore; status: TeamStatus; article: TeamArticle }) {
  const me = status.team?.me.id;
  const documentId = article.documentId;
  return (
    <tr data-fingerprint={article.fingerprint}>
      <th scope="row" class="team-article-title">
        {documentId ? (
          <button
            type="button"
            class="team-open"
            onClick={() => {
              store.ui.workspace.value = 'reader';
              void store.openDocument(documentId);
            }}
          >
            {article.title}
          </button>
        ) : (
          <>
            <span>{article.title}</span>{' '}
            <button
              type="button"
              class="button button-tiny"
              disabled={store.team.busy.value}
              title="Take the article and your colleagues' layers on it into this library"
              onClick={() => void store.team.take(article.fingerprint, article.title)}
            >
              Take into this library
            </button>
          </>
        )}
        {article.shared || !documentId ? null : <span class="team-detail"> · not shared by you</span>}
      </th>
      <td>
        {article.layers.length === 0 ? (
          <span class="team-detail">no layers yet</span>
        ) : (
          <ul class="team-layers">
            {article.layers.map((layer) => (
              <li key={layer.memberId}>
                <span class="team-member-name">{layer.memberId === me ? 'You' : layer.name || memberName(status, layer.memberId)}</span>:{' '}
                {countWords(layer.counts)}
                {layer.modified || layer.reviewedMine ? (
                  <span class="team-layer-detail">
                    {[
                      layer.modified ? `updated ${clockTime(layer.modified)}` : '',
                      layer.reviewedMine
                        ? `reviewed yours: ${layer.reviewedMine.accepted} accepted, ${layer.reviewedMine.rejected} rejected`
                        : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <StageSelect team={store.team} article={article} />
      </td>
      <td>
        <AssigneeSelect team={store.team} status={status} article={article} />
      </td>
    </tr>
  );
}

function ArticleTable({ store, status }: { store: AppStore; status: TeamStatus }) {
  return (
    <section class="tracked-section" aria-labelledby="team-articles-title">
      <h2 id="team-articles-title" class="tracked-section-title">
        Shared articles ({status.articles.length})
      </h2>
      {status.articles.length === 0 ? (
        <p class="profile-empty">No article is shared yet. Tick articles below and share them, then Sync now.</p>
      ) : (
        <table class="team-articles">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Layers</th>
              <th scope="col">Stage</th>
              <th scope="col">Assignee</th>
            </tr>
          </thead>
          <tbody>
            {status.articles.map((article) => (
              <ArticleRow key={article.fingerprint} store={store} status={status} article={article} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The library's articles this library does not share yet, to tick and share (or share them all). */
function ShareSection({ store, status }: { store: AppStore; status: TeamStatus }) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const shared = new Set(status.articles.filter((article) => article.shared).map((article) => article.fingerprint));
  const unshared: DocumentSummary[] = store.documents.value.filter((summary) => !shared.has(summary.fingerprint));
  const chosen = unshared.filter((summary) => ticked.has(summary.id)).map((summary) => summary.id);
  const team = store.team;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
  return (
    <section class="tracked-section" aria-labelledby="team-share-title">
      <div class="team-section-head">
        <h2 id="team-share-title" class="tracked-section-title">
          Share articles
        </h2>
        <div class="team-actions">
          <button
            type="button"
            class="button button-small"
            disabled={chosen.length === 0 || team.busy.value}
            onClick={() => void team.share({ documentIds: chosen }).then((done) => done && setTicked(new Set()))}
          >
            Share ticked ({chosen.length})
          </button>
          <button
            type="button"
            class="button button-small"
            disabled={unshared.length === 0 || team.busy.value}
            onClick={() => void team.share({ all: true })}
          >
            Share all
          </button>
        </div>
      </div>
      {unshared.length === 0 ? (
        <p class="profile-empty">Every article of this library is shared.</p>
      ) : (
        <fieldset class="team-share-list">
          <legend class="visually-hidden">Articles not shared yet</legend>
          {unshared.map((summary) => (
            <label key={summary.id} class="team-share-item">
              <input
                type="checkbox"
                checked={ticked.has(summary.id)}
                onChange={(event) => toggle(summary.id, event.currentTarget.checked)}
              />
              {summary.title}
            </label>
          ))}
        </fieldset>
      )}
      <p class="team-hint">
        Sharing sends the article and your layer on it; each colleague's layer stays theirs, and reaches you in Review.
      </p>
    </section>
  );
}

function NotJoined({ team }: { team: TeamStore }) {
  return (
    <section class="tracked-section" aria-label="No team yet">
      <p class="profile-description">
        This library is in no team. A team shares articles through a Git repository your newsroom already has (GitHub, GitLab, Gitea, or a
        bare repository on a shared drive): each analyst writes only their own files, so nobody overwrites anybody.
      </p>
      <p>
        <button type="button" class="button button-primary" onClick={() => team.openJoin()}>
          Join or create a team…
        </button>
      </p>
    </section>
  );
}

/**
 * The team workspace (Ctrl+Alt+M): the team's members, the shared articles with each annotator's
 * layer, its stage and assignee, what waits to be pushed or pulled, the last sync and Sync now, and
 * the articles to share. Esc goes back to the article.
 */
export function TeamView({ store }: { store: AppStore }) {
  const team = store.team;
  const status = team.status.value;
  const error = team.statusError.value;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from the keyboard, the view takes the focus at its top: Tab goes on to Sync now, Esc back to the article.
  useEffect(() => {
    if (!heading.current?.closest('main')?.contains(document.activeElement)) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <main
      class="workspace entity-profile team-view"
      aria-label="Team"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented && !isTextField(event.target)) {
          event.preventDefault();
          team.close();
        }
      }}
    >
      <div class="profile-scroll">
        <div class="profile-column">
          <nav class="profile-nav" aria-label="Team">
            <button type="button" class="button button-quiet button-small" aria-keyshortcuts="Escape" onClick={() => team.close()}>
              ← Back to the article <kbd>Esc</kbd>
            </button>
          </nav>
          <header class="profile-header">
            {status?.team ? (
              <p class="profile-kicker">
                <span class="profile-type">Team</span>
                <span class="profile-muted">{status.team.remote}</span>
              </p>
            ) : null}
            <h1 class="profile-name" ref={heading} tabIndex={-1}>
              {status?.team?.name ?? 'Team'}
            </h1>
            {status?.team ? (
              <p class="profile-aliases">
                You are {status.team.me.name} ({status.team.me.id})
              </p>
            ) : null}
          </header>
          {status === null && error ? (
            <>
              <p class="team-join-error" role="alert">
                The team’s status could not be read: {error}
              </p>
              <NotJoined team={team} />
            </>
          ) : status === null ? (
            <p class="profile-empty">Reading the team’s status…</p>
          ) : !status.joined ? (
            <NotJoined team={team} />
          ) : (
            <>
              <SyncSection team={team} status={status} />
              <ArticleTable store={store} status={status} />
              <ShareSection store={store} status={status} />
              <MemberList status={status} />
            </>
          )}
        </div>
      </div>
    </main>
  );
}
