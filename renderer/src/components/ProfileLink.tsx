import type { Entity } from '../../../shared/model/entity.ts';
import { useRegistry } from './registry-context.ts';

/** "Profile of Roberta Metsola": the speaker's or claimant's page across the library. */
export function ProfileLink({ entity }: { entity: Entity | undefined }) {
  const registry = useRegistry();
  if (!registry || !entity) return null;
  return (
    <p class="profile-link">
      <button
        type="button"
        class="button button-quiet button-small"
        aria-keyshortcuts="Shift+P"
        title="Every quote, claim and mention of them across the library (Shift+P in the article)"
        onClick={() => registry.openProfile(entity.id)}
      >
        Profile of {entity.name} ↗
      </button>
    </p>
  );
}
