import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ClaimTrackerStore } from '../app/claim-tracker-store.ts';

/**
 * The claim tracker as the inspector reaches it: the tracked claim of the selected claim, opening
 * the tracked claims view, answering a suggestion. The app provides it; an inspector drawn without
 * it (a component test) shows no tracker line.
 */
export const ClaimTrackerContext = createContext<ClaimTrackerStore | null>(null);

export function useClaimTracker(): ClaimTrackerStore | null {
  return useContext(ClaimTrackerContext);
}
