import { useMemo, useState } from 'preact/hooks';
import { WORKFLOW_STAGE_LABELS, WORKFLOW_STAGES } from '../../../shared/model/annotation.ts';
import { filteredClaims, searchClaims, type ClaimFilter } from '../model/annotation-lists.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { AnnotationItem } from './AnnotationItem.tsx';
import { EmptyList, FilterSelect, ListFilters, RowList, useSelectedRow } from './ListParts.tsx';
import { rowKeys, useVirtualRows } from './virtual-rows.ts';

/** The document's claims in reading order, filtered by verdict and check-worthiness, searchable. */
export function ClaimsList({ session }: { session: DocumentSession }) {
  const [filter, setFilter] = useState<ClaimFilter>({ verdict: 'all', stage: 'all', checkworthyOnly: false, query: '' });
  const version = session.listVersion.value;
  const { verdict: verdictFilter, stage: stageFilter, checkworthyOnly, query } = filter;
  // Filtered and sorted once per change of the records; a keystroke only searches this.
  const filtered = useMemo(
    () => filteredClaims(session.records, { verdict: verdictFilter, stage: stageFilter ?? 'all', checkworthyOnly }),
    [session, version, verdictFilter, stageFilter, checkworthyOnly],
  );
  const claims = useMemo(() => searchClaims(filtered, session.records, session.tagset, query), [session, filtered, query]);
  const keys = useMemo(() => rowKeys(claims.map((claim) => claim.id)), [claims]);
  const rows = useVirtualRows({ keys, estimateSize: 56 });
  const selectedId = useSelectedRow(session, rows, keys.indexOf);
  const counts = session.records.counts.verdicts();
  const total = session.records.counts.kinds().claims;
  return (
    <div class="list-body">
      <ListFilters label="claims" query={filter.query} onQuery={(query) => setFilter({ ...filter, query })} rows={rows}>
        <FilterSelect label="Filter claims by verdict" value={filter.verdict} onChange={(verdict) => setFilter({ ...filter, verdict })}>
          <option value="all">All verdicts ({total})</option>
          {session.tagset.verdicts.map((verdict) => (
            <option key={verdict.id} value={verdict.id}>
              {verdict.label} ({counts.get(verdict.id) ?? 0})
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label="Filter claims by stage"
          value={filter.stage ?? 'all'}
          onChange={(stage) => setFilter({ ...filter, stage: stage as ClaimFilter['stage'] })}
        >
          <option value="all">All stages</option>
          {WORKFLOW_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {WORKFLOW_STAGE_LABELS[stage]}
            </option>
          ))}
        </FilterSelect>
        <label class="filter-check">
          <input
            type="checkbox"
            checked={filter.checkworthyOnly}
            onChange={(event) => setFilter({ ...filter, checkworthyOnly: event.currentTarget.checked })}
          />
          Worth checking
        </label>
      </ListFilters>
      {claims.length === 0 ? (
        <EmptyList
          filtered={total > 0}
          none="No claim matches."
          empty={
            <>
              No claims yet. Select a checkable statement and press <kbd>C</kbd>.
            </>
          }
        />
      ) : (
        <RowList rows={rows} label="Claims">
          {rows.rows.map((row) => {
            const claim = claims[row.index];
            if (!claim) return null;
            const verdict = session.tagset.verdicts.find((entry) => entry.id === claim.status);
            const label = session.tagset.claimLabels.find((entry) => entry.id === claim.label);
            const claimant = claim.claimantId ? session.records.entity(claim.claimantId) : undefined;
            const sources = claim.evidence?.length ?? 0;
            return (
              <AnnotationItem
                key={claim.id}
                session={session}
                annotation={claim}
                placement={rows.place(row)}
                current={claim.id === selectedId}
                marker={<span class="verdict-dot" style={verdict ? { backgroundColor: verdict.colour } : undefined} aria-hidden="true" />}
                meta={
                  <>
                    <span class="meta-strong">{verdict?.label ?? claim.status}</span>
                    {claim.stage ? <span>{WORKFLOW_STAGE_LABELS[claim.stage]}</span> : null}
                    {label ? <span>{label.label}</span> : null}
                    {claim.checkworthy ? <span class="meta-flag">Worth checking</span> : null}
                    {claimant ? <span>by {claimant.name}</span> : null}
                    {sources > 0 ? <span>{sources === 1 ? '1 source' : `${sources} sources`}</span> : null}
                    {claim.note ? <span class="meta-note">note</span> : null}
                  </>
                }
              />
            );
          })}
        </RowList>
      )}
    </div>
  );
}
