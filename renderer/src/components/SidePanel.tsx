import { useMemo } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';
import { PANEL_TABS, type PanelTab } from '../app/ui-state.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { ClaimsList } from './ClaimsList.tsx';
import { EntitiesList } from './EntitiesList.tsx';
import { NotesList } from './NotesList.tsx';
import { QuotesList } from './QuotesList.tsx';

const TAB_LABELS: Record<PanelTab, string> = { claims: 'Claims', quotes: 'Quotes', entities: 'Entities', notes: 'Notes' };

function tabCounts(session: DocumentSession): Record<PanelTab, number> {
  const counts = session.records.counts;
  return { claims: counts.kinds().claims, quotes: counts.kinds().quotes, entities: session.records.entityCount(), notes: counts.notes() };
}

function TabContent({ tab, session }: { tab: PanelTab; session: DocumentSession }) {
  switch (tab) {
    case 'claims':
      return <ClaimsList session={session} />;
    case 'quotes':
      return <QuotesList session={session} />;
    case 'entities':
      return <EntitiesList session={session} />;
    case 'notes':
      return <NotesList session={session} />;
  }
}

/** The open document's annotations as lists, one tab per kind (ARIA tabs: ← and → switch). */
export function SidePanel({ store }: { store: AppStore }) {
  const session = store.session.value;
  const tab = store.ui.panelTab.value;
  const version = session?.listVersion.value;
  const counts = useMemo(() => (session ? tabCounts(session) : null), [session, version]);
  const choose = (next: PanelTab, focus: boolean) => {
    store.ui.panelTab.value = next;
    if (focus) requestAnimationFrame(() => document.getElementById(`panel-tab-${next}`)?.focus());
  };
  const onTabKey = (event: KeyboardEvent) => {
    const index = PANEL_TABS.indexOf(tab);
    let next: PanelTab | undefined;
    if (event.key === 'ArrowRight') next = PANEL_TABS[(index + 1) % PANEL_TABS.length];
    else if (event.key === 'ArrowLeft') next = PANEL_TABS[(index - 1 + PANEL_TABS.length) % PANEL_TABS.length];
    else if (event.key === 'Home') next = PANEL_TABS[0];
    else if (event.key === 'End') next = PANEL_TABS.at(-1);
    if (!next) return;
    event.preventDefault();
    choose(next, true);
  };
  return (
    <section class="side-panel" aria-label="Annotations">
      <div class="tabs" role="tablist" aria-label="Annotation lists">
        {PANEL_TABS.map((name) => (
          <button
            key={name}
            id={`panel-tab-${name}`}
            type="button"
            role="tab"
            class={`tab tab-${name}`}
            aria-selected={tab === name ? 'true' : 'false'}
            aria-controls="panel-tabpanel"
            tabIndex={tab === name ? 0 : -1}
            disabled={!session}
            onClick={() => choose(name, false)}
            onKeyDown={onTabKey}
          >
            {TAB_LABELS[name]}
            {counts ? <span class="tab-count">{counts[name]}</span> : null}
          </button>
        ))}
      </div>
      <div id="panel-tabpanel" class="tab-panel" role="tabpanel" aria-labelledby={`panel-tab-${tab}`}>
        {session ? (
          <TabContent key={`${session.id}-${tab}`} tab={tab} session={session} />
        ) : (
          <p class="list-empty">Open a document to see its annotations.</p>
        )}
      </div>
    </section>
  );
}
