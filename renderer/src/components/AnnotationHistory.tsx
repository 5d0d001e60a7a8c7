import { useEffect, useState } from 'preact/hooks';
import type { AnnotationChange } from '../../../shared/contract/team-channels.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import type { TeamStore } from '../app/team-store.ts';
import { historyLine } from '../model/team-words.ts';

/**
 * Who did what to an annotation, from the team's Git history: "Created by Alice on 2 Dec · verdict
 * changed by Bob from Mostly true to Mixed on 3 Dec". Shows only in a team library, once Git has
 * something on the annotation; read again after each sync that brought changes.
 */
export function AnnotationHistory({
  team,
  documentId,
  annotationId,
  tagset,
}: {
  team: TeamStore;
  documentId: string;
  annotationId: string;
  tagset: Tagset;
}) {
  const [changes, setChanges] = useState<AnnotationChange[]>([]);
  const joined = team.status.value?.joined === true;
  const syncs = team.syncs.value;
  const lastSync = team.status.value?.lastSync?.at;
  useEffect(() => {
    if (!joined) {
      setChanges([]);
      return;
    }
    let current = true;
    void team.history(documentId, annotationId).then((found) => {
      if (current) setChanges(found);
    });
    return () => {
      current = false;
    };
  }, [team, joined, documentId, annotationId, syncs, lastSync]);
  if (changes.length === 0) return null;
  return (
    <p class="inspector-history" data-testid="annotation-history">
      <span class="field-label">History</span> {historyLine(changes, tagset)}
    </p>
  );
}
