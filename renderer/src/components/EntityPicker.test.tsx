// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryEntitySummary } from '../../../shared/corpus/corpus-query.ts';
import type { Entity } from '../../../shared/model/entity.ts';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { RegistryContext, type RegistryActions } from './registry-context.ts';

const OWN: Entity = { id: 'own', name: 'Metsola', type: 'person', aliases: [] };
const LIBRARY: Entity = { id: 'lib', name: 'Roberta Metsola', type: 'person', aliases: ['Metsola'], wikidata: 'Q2158040' };
const summary = (entity: Entity): LibraryEntitySummary => ({ entity, mentions: 12, quotes: 4, claims: 1, documents: 3 });

function renderPicker(offerLibrary: boolean) {
  const asked: string[] = [];
  const picked: Entity[] = [];
  const registry: RegistryActions = {
    openProfile: () => undefined,
    openDuplicates: () => undefined,
    searchLibrary: async (filter) => {
      asked.push(filter);
      // The library holds the article's own entity too; the picker lists it once.
      return [summary(LIBRARY), summary(OWN)];
    },
  };
  render(
    <RegistryContext.Provider value={registry}>
      <EntityPicker
        label="Speaker"
        entities={[OWN]}
        tagset={DEFAULT_TAGSET}
        offerLibrary={offerLibrary}
        onPick={(entity) => picked.push(entity)}
      />
    </RegistryContext.Provider>,
  );
  return { asked, picked, field: screen.getByRole('combobox', { name: 'Speaker' }) };
}

describe('EntityPicker', () => {
  afterEach(cleanup);

  it('lists the article’s entities first, then the library’s from other articles, labelled; picking one gives its record', async () => {
    const { asked, picked, field } = renderPicker(true);
    fireEvent.input(field, { target: { value: 'metsola' } });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(asked).toEqual(['metsola']);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['MetsolaPerson', 'Roberta MetsolaPerson · library']);
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-description')).toBe('from other articles of the library');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(picked).toEqual([LIBRARY]);
  });

  it('asks the library nothing where it is not offered (merging within the article)', async () => {
    const { asked, field } = renderPicker(false);
    fireEvent.input(field, { target: { value: 'metsola' } });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(asked).toEqual([]);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['MetsolaPerson']);
  });
});
