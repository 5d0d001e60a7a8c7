import { useMemo } from 'preact/hooks';
import type { AppStore } from '../app/app-store.ts';
import { AnnotationToolbar } from './AnnotationToolbar.tsx';
import { DocumentDetailsDialog } from './DocumentDetailsDialog.tsx';
import { ClaimTrackerContext } from './claim-tracker-context.ts';
import { ClaimTrackerView } from './ClaimTrackerView.tsx';
import { CorpusSearchView } from './CorpusSearchView.tsx';
import { DocumentHeader } from './DocumentHeader.tsx';
import { EntityProfileView } from './EntityProfileView.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { FindBar } from './FindBar.tsx';
import { Inspector } from './Inspector.tsx';
import { LibrarySidebar } from './LibrarySidebar.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { ProfilePrompt } from './ProfilePrompt.tsx';
import { ReadOnlyBanner } from './ReadOnlyBanner.tsx';
import { ReaderPane } from './ReaderPane.tsx';
import { RegistryContext, type RegistryActions } from './registry-context.ts';
import { ReviewImport } from './ReviewImport.tsx';
import { ReviewEntry, ReviewPanel } from './ReviewPanel.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { SidePanel } from './SidePanel.tsx';
import { StatusLine } from './StatusLine.tsx';
import { SuggestionsBar } from './SuggestionsBar.tsx';
import { TeamJoinDialog } from './TeamJoinDialog.tsx';
import { TeamView } from './TeamView.tsx';
import { VersionsDialog } from './VersionsDialog.tsx';

/** The window: library and annotation lists on the left, the article in the middle, the inspector on the right, the status line below. */
export function App({ store }: { store: AppStore }) {
  const session = store.session.value;
  const workspace = store.ui.workspace.value;
  const registry = useMemo<RegistryActions>(
    () => ({
      openProfile: (entityId) => void store.entityProfile.openProfile(entityId),
      openDuplicates: () => void store.entityProfile.openDuplicates(),
      searchLibrary: (filter) => store.entityProfile.searchLibrary(filter),
    }),
    [store],
  );
  return (
    <RegistryContext.Provider value={registry}>
      <ClaimTrackerContext.Provider value={store.claimTracker}>
        <div class={workspace === 'search' ? 'app app-corpus-search' : 'app'}>
          <div class="sidebar">
            <LibrarySidebar store={store} />
            <ReviewEntry store={store} />
            {store.review.active.value ? <ReviewPanel store={store} /> : <SidePanel store={store} />}
          </div>
          {workspace === 'search' ? (
            <CorpusSearchView store={store} />
          ) : workspace === 'profile' ? (
            <EntityProfileView store={store} />
          ) : workspace === 'claims' ? (
            <ClaimTrackerView store={store} />
          ) : workspace === 'team' ? (
            <TeamView store={store} />
          ) : (
            <main class="workspace">
              <ReadOnlyBanner store={store} />
              <NoticeBanner store={store} />
              <ProfilePrompt store={store} />
              <AnnotationToolbar store={store} />
              <FindBar store={store} />
              <SuggestionsBar store={store} />
              <div class="reading-scroll">
                {session ? (
                  <div class="reading-column" key={session.id}>
                    <DocumentHeader meta={store.library.editedMeta.value.get(session.id) ?? session.meta} />
                    <ReaderPane session={session} suggestions={store.suggestions} />
                  </div>
                ) : (
                  <div class="reading-column reading-placeholder">
                    <p>
                      {store.started.value ? 'Open a document from the library, or import an article (Ctrl+O).' : 'Loading the library…'}
                    </p>
                  </div>
                )}
              </div>
            </main>
          )}
          {/* The search spans the inspector's column too: its rows open in the reader, where the inspector is. */}
          {workspace === 'search' ? null : <Inspector store={store} />}
          <StatusLine store={store} />
          <ShortcutSheet store={store} />
          <SettingsDialog store={store} />
          <ReviewImport store={store} />
          <ExportDialog store={store} />
          <VersionsDialog store={store} />
          <DocumentDetailsDialog store={store} />
          <TeamJoinDialog store={store} />
        </div>
      </ClaimTrackerContext.Provider>
    </RegistryContext.Provider>
  );
}
