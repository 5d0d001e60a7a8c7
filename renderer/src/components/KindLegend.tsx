/** What each kind of highlight looks like, with its key. */
export function KindLegend() {
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
    </dl>
  );
}
