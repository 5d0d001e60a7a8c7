import { WORKFLOW_STAGE_LABELS, WORKFLOW_STAGES, type ClaimAnnotation, type WorkflowStage } from '../../../shared/model/annotation.ts';
import { speakerEntityType } from '../../../shared/layer/new-annotation.ts';
import type { EvidenceActions } from '../app/evidence-actions.ts';
import type { DocumentSession } from '../session/document-session.ts';
import { EntityPicker } from './EntityPicker.tsx';
import { DraftTextField } from './DraftTextField.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { Field } from './Field.tsx';
import { ProfileLink } from './ProfileLink.tsx';
import { TrackedClaimLine } from './TrackedClaimLine.tsx';

/** "Keys 1–8 in the article", from the tagset. */
function verdictKeys(session: DocumentSession): string | undefined {
  const keys = session.tagset.verdicts.map((entry) => entry.key).filter((key): key is string => Boolean(key));
  if (keys.length === 0) return undefined;
  return `In the article: ${keys.length > 2 ? `${keys[0]}–${keys.at(-1)}` : keys.join(', ')}`;
}

/**
 * A claim's fields: where else it is made (the claim tracker), verdict (keys 1–8), stage, check-worthiness (W), claim type,
 * claimant (S), evidence, and the verdict record (rationale, checked by and on).
 */
export function ClaimFields({ session, claim, evidence }: { session: DocumentSession; claim: ClaimAnnotation; evidence: EvidenceActions }) {
  void session.version.value;
  const verdict = session.tagset.verdicts.find((entry) => entry.id === claim.status);
  const claimant = claim.claimantId ? session.records.entity(claim.claimantId) : undefined;
  const personType = session.tagset.entityTypes.find((type) => type.id === speakerEntityType(session.tagset));
  return (
    <>
      <TrackedClaimLine session={session} claim={claim} />
      <Field label="Verdict" hint={verdictKeys(session)}>
        {(id) => (
          <span class="select-with-swatch">
            <span class="swatch swatch-dot" style={verdict ? { backgroundColor: verdict.colour } : undefined} aria-hidden="true" />
            <select
              id={id}
              class="input"
              data-primary-field
              data-field="verdict"
              value={claim.status}
              onChange={(event) => session.setVerdict(claim.id, event.currentTarget.value)}
            >
              {session.tagset.verdicts.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
              {verdict ? null : <option value={claim.status}>{claim.status}</option>}
            </select>
          </span>
        )}
      </Field>
      <Field label="Stage">
        {(id) => (
          <select
            id={id}
            class="input"
            data-field="stage"
            value={claim.stage ?? 'to-check'}
            onChange={(event) => session.setStage(claim.id, event.currentTarget.value as WorkflowStage)}
          >
            {WORKFLOW_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {WORKFLOW_STAGE_LABELS[stage]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label class="field field-inline">
        <input
          type="checkbox"
          checked={claim.checkworthy ?? false}
          onChange={(event) => session.setCheckworthy(claim.id, event.currentTarget.checked)}
        />
        <span class="field-label">
          Worth checking <kbd>W</kbd>
        </span>
      </label>
      {session.tagset.claimLabels.length > 0 ? (
        <Field label="Claim type">
          {(id) => (
            <select
              id={id}
              class="input"
              value={claim.label ?? ''}
              onChange={(event) => session.setClaimLabel(claim.id, event.currentTarget.value || undefined)}
            >
              <option value="">Not set</option>
              {session.tagset.claimLabels.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <EntityPicker
        label="Claimant"
        field="claimant"
        placeholder="Who makes the claim (S: the selected name)"
        entities={[...session.records.entities()]}
        tagset={session.tagset}
        value={claimant}
        offerLibrary
        onPick={(entity) => session.attributeToEntity(claim.id, entity)}
        onCreate={(name) => session.setSpeakerByName(claim.id, name)}
        createTypeLabel={personType?.label}
        onClear={() => session.setClaimant(claim.id, undefined)}
      />
      <ProfileLink entity={claimant} />
      <EvidenceList session={session} claim={claim} actions={evidence} />
      <DraftTextField
        key={`rationale-${claim.id}`}
        field="rationale"
        label="Rationale"
        value={claim.rationale ?? ''}
        multiline
        pauseMs={800}
        placeholder="Why the verdict follows from the evidence…"
        hint="Markdown-lite: **bold**, *italic*, [link](https://…), - lists"
        onCommit={(rationale) => session.setRationale(claim.id, rationale)}
      />
      <div class="field-pair">
        <DraftTextField
          key={`checked-by-${claim.id}`}
          field="checked-by"
          label="Checked by"
          value={claim.checkedBy ?? ''}
          placeholder="Name"
          onCommit={(name) => session.setCheckedBy(claim.id, name)}
        />
        <Field label="Checked on">
          {(id) => (
            <input
              id={id}
              type="date"
              class="input"
              data-field="checked-on"
              value={claim.checkedOn ?? ''}
              onChange={(event) => session.setCheckedOn(claim.id, event.currentTarget.value)}
            />
          )}
        </Field>
      </div>
    </>
  );
}
