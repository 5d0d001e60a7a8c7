import {
  EVIDENCE_TYPES,
  type Annotation,
  type Evidence,
  type EvidenceFile,
  type EvidenceSnapshot,
  type QuoteForm,
} from '../model/annotation.ts';
import { IsoDate } from '../model/ids.ts';
import type { Target } from '../model/target.ts';

// The edits of one annotation's fields, as pure functions: each returns the annotation as the edit
// leaves it, or null when the edit does not apply to it (another kind) or changes nothing.

/** Whether a link may be a claim's source: an http(s) URL with a host. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A source as kept: URL, title and note trimmed, empty title and note left out, a type and access
 * date kept when valid. Null for a link that is not a web link. A snapshot or a file is never taken
 * from what the analyst typed: only the archive and attach edits set them.
 */
export function cleanEvidence(evidence: Evidence): Evidence | null {
  const url = evidence.url.trim();
  if (!isWebLink(url)) return null;
  return withDescription({ url }, evidence);
}

/** `clean` with the analyst's description of a source from `from`: title, note, type, access date. */
function withDescription(clean: Evidence, from: Evidence): Evidence {
  if (from.title?.trim()) clean.title = from.title.trim();
  if (from.note?.trim()) clean.note = from.note.trim();
  if (from.type && (EVIDENCE_TYPES as readonly string[]).includes(from.type)) clean.type = from.type;
  if (from.accessed && IsoDate.safeParse(from.accessed).success) clean.accessed = from.accessed;
  return clean;
}

/** Replaces one source of a claim's evidence with `next(current)`; null when there is no such source or nothing changes. */
function withEvidenceItem(a: Annotation, index: number, next: (current: Evidence) => Evidence): Annotation | null {
  const current = a.kind === 'claim' ? a.evidence?.[index] : undefined;
  if (a.kind !== 'claim' || !a.evidence || !current) return null;
  const changed = next(current);
  if (JSON.stringify(changed) === JSON.stringify(current)) return null;
  return { ...a, evidence: a.evidence.map((item, at) => (at === index ? changed : item)) };
}

export function withVerdict(a: Annotation, status: string): Annotation | null {
  return a.kind === 'claim' && a.status !== status ? { ...a, status } : null;
}

/** Sets (or with undefined, clears) a claim's type. */
export function withClaimLabel(a: Annotation, label: string | undefined): Annotation | null {
  if (a.kind !== 'claim' || a.label === label) return null;
  const { label: _previous, ...rest } = a;
  return label ? { ...rest, label } : rest;
}

export function withCheckworthy(a: Annotation, checkworthy: boolean): Annotation | null {
  return a.kind === 'claim' && (a.checkworthy ?? false) !== checkworthy ? { ...a, checkworthy } : null;
}

export function withQuoteForm(a: Annotation, form: QuoteForm): Annotation | null {
  return a.kind === 'quote' && a.form !== form ? { ...a, form } : null;
}

/**
 * Sets (or with undefined, clears) a quote's speaker or a claim's claimant. `alongside` says the
 * edit comes with other ops (a new entity, a mention), so it applies even when the value stays.
 */
export function withAttribution(a: Annotation, entityId: string | undefined, alongside = false): Annotation | null {
  if (a.kind === 'quote') {
    if (a.speakerId === entityId && !alongside) return null;
    const { speakerId: _previous, ...rest } = a;
    return entityId ? { ...rest, speakerId: entityId } : rest;
  }
  if (a.kind === 'claim') {
    if (a.claimantId === entityId && !alongside) return null;
    const { claimantId: _previous, ...rest } = a;
    return entityId ? { ...rest, claimantId: entityId } : rest;
  }
  return null;
}

/** Adds a source (already cleaned, see `cleanEvidence`) to a claim's evidence. */
export function withEvidenceAdded(a: Annotation, evidence: Evidence): Annotation | null {
  return a.kind === 'claim' ? { ...a, evidence: [...(a.evidence ?? []), evidence] } : null;
}

/** Replaces the title, note, type and access date of one source of a claim's evidence (its link, snapshot and file stay). */
export function withEvidenceEdited(a: Annotation, index: number, evidence: Evidence): Annotation | null {
  return withEvidenceItem(a, index, (current) =>
    withDescription(
      { url: current.url, ...(current.archive ? { archive: current.archive } : {}), ...(current.file ? { file: current.file } : {}) },
      evidence,
    ),
  );
}

/**
 * Records an archived snapshot on one source, replacing an earlier one; the access date becomes the
 * snapshot's day when the analyst gave none.
 */
export function withEvidenceArchived(a: Annotation, index: number, snapshot: EvidenceSnapshot): Annotation | null {
  return withEvidenceItem(a, index, (current) => ({
    ...current,
    accessed: current.accessed ?? snapshot.fetched.slice(0, 10),
    archive: snapshot,
  }));
}

/** Attaches (or with undefined, detaches) a local file to one source, by reference and hash. */
export function withEvidenceFile(a: Annotation, index: number, file: EvidenceFile | undefined): Annotation | null {
  return withEvidenceItem(a, index, (current) => {
    const { file: _previous, ...rest } = current;
    return file ? { ...rest, file } : rest;
  });
}

export function withEvidenceRemoved(a: Annotation, index: number): Annotation | null {
  if (a.kind !== 'claim' || !a.evidence?.[index]) return null;
  const evidence = a.evidence.filter((_item, at) => at !== index);
  const { evidence: _previous, ...rest } = a;
  return evidence.length > 0 ? { ...rest, evidence } : rest;
}

/** Sets (or with undefined, clears) a quote's cue, the reporting verb. */
export function withCue(a: Annotation, cue: Target | undefined): Annotation | null {
  if (a.kind !== 'quote') return null;
  if (cue) return { ...a, cue };
  if (!a.cue) return null;
  const { cue: _previous, ...rest } = a;
  return rest;
}

/** Sets an annotation's note; a blank note removes it. */
export function withNote(a: Annotation, note: string): Annotation | null {
  const value = note.trim() ? note : undefined;
  if (a.note === value) return null;
  const { note: _previous, ...rest } = a;
  return (value === undefined ? rest : { ...rest, note: value }) as Annotation;
}

/** Moves an annotation to another span of the text. */
export function withTarget(a: Annotation, target: Target): Annotation | null {
  return a.target.start === target.start && a.target.end === target.end ? null : { ...a, target };
}
