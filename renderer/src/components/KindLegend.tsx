import type { Tagset } from '../../../shared/model/tagset.ts';

/** What each kind of highlight looks like, with its key, and the colour of each entity type. */
export function KindLegend({ tagset }: { tagset: Tagset | null }) {
  const rows = [
    { kind: 'claim', key: 'C', label: 'Claim', hint: 'a checkable statement; give it a verdict' },
    { kind: 'quote', key: 'Q', label: 'Quote', hint: 'words attributed to a speaker' },
    { kind: 'entity', key: 'E', label: 'Entity', hint: 'a person, organisation, place…' },
    { kind: 'note', key: 'N', label: 'Note', hint: 'your comment on a passage' },
  ];
  return (
    <dl class="legend">
      {rows.map((row) => (
        <div key={row.kind} class="legend-row">
          <dt>
            <kbd>{row.key}</kbd> <span class={`legend-sample ann ann-${row.kind} legend-${row.kind}`}>{row.label}</span>
          </dt>
          <dd>{row.hint}</dd>
        </div>
      ))}
      {tagset ? (
        <div class="legend-row legend-types">
          <dt>Entity types</dt>
          <dd>
            {tagset.entityTypes.map((type) => (
              <span key={type.id} class={`legend-sample ann ann-entity entity-${type.id}`} style={{ '--ann-colour': type.colour }}>
                {type.label}
              </span>
            ))}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
