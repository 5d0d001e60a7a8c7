import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LibraryEntitySummary } from '../../../shared/corpus/corpus-query.ts';

/**
 * What the article's panels may ask of the library's entity registry: an entity's profile, the
 * possible duplicates, and library entities for the entity picker. The app provides it; a panel
 * drawn without it (a component test) just offers none of these.
 */
export interface RegistryActions {
  openProfile(entityId: string): void;
  openDuplicates(): void;
  searchLibrary(filter: string): Promise<LibraryEntitySummary[]>;
}

export const RegistryContext = createContext<RegistryActions | null>(null);

export function useRegistry(): RegistryActions | null {
  return useContext(RegistryContext);
}
