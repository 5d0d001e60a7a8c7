import { useState } from 'preact/hooks';
import { FACET_NAMES, type FacetName, type FacetValue } from '../../../shared/corpus/corpus-query.ts';
import { WORKFLOW_STAGE_LABELS, WORKFLOW_STAGES, type AnnotationKind, type WorkflowStage } from '../../../shared/model/annotation.ts';
import type { Tagset } from '../../../shared/model/tagset.ts';
import { queryValues } from '../app/corpus-facets.ts';
import type { CorpusSearchStore } from '../app/corpus-search-store.ts';
import { FACET_TITLES, KIND_NAMES, monthName } from './corpus-labels.ts';

function isStage(value: string): value is WorkflowStage {
  return (WORKFLOW_STAGES as readonly string[]).includes(value);
}

/** Values a facet shows before "Show all". */
const SHOWN_AT_FIRST = 8;

/** What a facet value reads as: the codebook's and the registry's names, months in words. */
function valueLabel(facet: FacetName, value: FacetValue): string {
  if (facet === 'kind') return KIND_NAMES[value.value as AnnotationKind] ?? value.label;
  if (facet === 'checkworthy') return value.value === 'yes' ? 'Yes' : 'No';
  if ((facet === 'month' || facet === 'checked') && value.label === value.value) return monthName(value.value);
  return value.label;
}

/** The swatch before a value: a verdict's or a claim type's codebook colour, a kind's highlight. */
function ValueMarker({ facet, value, tagset }: { facet: FacetName; value: string; tagset: Tagset }) {
  if (facet === 'kind') return <span class={`swatch swatch-${value}`} aria-hidden="true" />;
  const entry = facet === 'verdict' ? tagset.verdicts.find((verdict) => verdict.id === value) : undefined;
  if (!entry) return null;
  return <span class="swatch swatch-dot" style={{ backgroundColor: entry.colour }} aria-hidden="true" />;
}

interface FacetProps {
  facet: FacetName;
  values: readonly FacetValue[];
  search: CorpusSearchStore;
  tagset: Tagset;
}

/** One facet: its values with their counts, each a checkbox (Space ticks it) that narrows the search. */
function Facet({ facet, values, search, tagset }: FacetProps) {
  const [showAll, setShowAll] = useState(false);
  const ticked = values.filter((value) => search.isTicked(facet, value));
  // A ticked value stays in reach however low its count, so it can be unticked.
  const first = values.slice(0, SHOWN_AT_FIRST);
  const shown = showAll ? values : [...first, ...ticked.filter((value) => !first.includes(value))];
  return (
    <fieldset class="corpus-facet">
      <legend class="corpus-facet-title">{FACET_TITLES[facet]}</legend>
      <ul class="corpus-facet-values">
        {shown.map((value) => {
          const label = valueLabel(facet, value);
          return (
            <li key={value.value}>
              <label class="corpus-facet-value" title={label}>
                <input
                  type="checkbox"
                  aria-label={`${label}, ${value.count.toLocaleString('en')} ${value.count === 1 ? 'annotation' : 'annotations'}`}
                  checked={search.isTicked(facet, value)}
                  onChange={() => void search.toggle(facet, value, values)}
                />
                <ValueMarker facet={facet} value={value.value} tagset={tagset} />
                <span class="corpus-facet-label">{label}</span>
                <span class="corpus-facet-count">{value.count.toLocaleString('en')}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {values.length > SHOWN_AT_FIRST ? (
        <button type="button" class="button button-quiet button-small corpus-facet-more" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      ) : null}
      {(facet === 'month' || facet === 'checked') && ticked.length > 1 ? (
        <p class="corpus-facet-hint">Ticked months make one date range.</p>
      ) : null}
      {facet === 'has' && ticked.length > 1 ? <p class="corpus-facet-hint">Claims with every ticked part.</p> : null}
    </fieldset>
  );
}

/**
 * The facet's values, and the values the query asks for that the result no longer counts (nothing
 * matches them now), so they can still be unticked.
 */
function withAsked(facet: FacetName, values: readonly FacetValue[], search: CorpusSearchStore, tagset: Tagset): FacetValue[] {
  const asked = queryValues(search.query.value, facet).filter((term) => !values.some((value) => matches(value, term)));
  const label = (term: string) => {
    if (facet === 'verdict') return tagset.verdicts.find((verdict) => verdict.id === term)?.label ?? term;
    if ((facet === 'stage' || facet === 'articleStage') && isStage(term)) return WORKFLOW_STAGE_LABELS[term];
    return term;
  };
  return [...values, ...asked.map((term) => ({ value: term, label: label(term), count: 0 }))];
}

/** Whether a term of the query names a facet value (an entity goes in by name or by id). */
function matches(value: FacetValue, term: string): boolean {
  return value.value === term || value.label.toLowerCase() === term.toLowerCase();
}

/** The facet column: every facet that has values, in the contract's order, with counts that follow the other filters. */
export function CorpusFacets({ search, tagset }: { search: CorpusSearchStore; tagset: Tagset }) {
  const facets = search.result.value?.facets;
  if (!facets) return null;
  const shown = FACET_NAMES.map((facet) => ({ facet, values: withAsked(facet, facets[facet] ?? [], search, tagset) })).filter(
    ({ values }) => values.length > 0,
  );
  return (
    <section class="corpus-facets" aria-label="Filters">
      {shown.map(({ facet, values }) => (
        <Facet key={facet} facet={facet} values={values} search={search} tagset={tagset} />
      ))}
    </section>
  );
}
