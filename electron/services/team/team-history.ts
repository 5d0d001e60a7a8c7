import type { AnnotationChange } from '../../../shared/contract/team-channels.ts';
import { articleKey, parseTeamPath } from '../../../shared/team/team-layout.ts';
import type { TeamRepo } from './team-repo.ts';

/** What the history reads of a layer file: it may be any JSON (history is not checked again), so every field is looked at with care. */
interface LooseAnnotation {
  id: string;
  kind?: unknown;
  status?: unknown;
  modified?: unknown;
  target?: { start?: unknown; end?: unknown };
  acceptedFrom?: { annotator?: unknown };
}

interface LooseLayer {
  annotations: Map<string, LooseAnnotation>;
  verdictLabel: (id: string) => string;
}

function looseLayer(text: string | undefined): LooseLayer | undefined {
  if (text === undefined) return undefined;
  let data: { annotations?: unknown; tagset?: { verdicts?: unknown } };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return undefined;
  }
  if (!Array.isArray(data.annotations)) return undefined;
  const annotations = new Map<string, LooseAnnotation>();
  for (const annotation of data.annotations as unknown[]) {
    const id = (annotation as { id?: unknown } | null)?.id;
    if (typeof id === 'string') annotations.set(id, annotation as LooseAnnotation);
  }
  const verdicts = Array.isArray(data.tagset?.verdicts) ? (data.tagset.verdicts as { id?: unknown; label?: unknown }[]) : [];
  const labels = new Map(
    verdicts.filter((v) => typeof v?.id === 'string' && typeof v.label === 'string').map((v) => [v.id as string, v.label as string]),
  );
  return { annotations, verdictLabel: (id) => labels.get(id) ?? id };
}

const spanOf = (annotation: LooseAnnotation): string => `${String(annotation.target?.start)}–${String(annotation.target?.end)}`;

/** The changes one commit made to one member's layer, annotation by annotation. */
export function layerChanges(
  before: LooseLayer | undefined,
  after: LooseLayer | undefined,
): Omit<AnnotationChange, 'commit' | 'at' | 'memberId' | 'name'>[] {
  const changes: Omit<AnnotationChange, 'commit' | 'at' | 'memberId' | 'name'>[] = [];
  const old = before?.annotations ?? new Map<string, LooseAnnotation>();
  const now = after?.annotations ?? new Map<string, LooseAnnotation>();
  for (const [id, annotation] of now) {
    const previous = old.get(id);
    if (!previous) {
      const from = annotation.acceptedFrom?.annotator;
      changes.push(
        typeof from === 'string' ? { annotationId: id, change: 'accepted', after: from } : { annotationId: id, change: 'created' },
      );
      continue;
    }
    if (annotation.kind === 'claim' && previous.status !== annotation.status && after && before)
      changes.push({
        annotationId: id,
        change: 'verdict',
        before: before.verdictLabel(String(previous.status)),
        after: after.verdictLabel(String(annotation.status)),
      });
    if (spanOf(previous) !== spanOf(annotation))
      changes.push({ annotationId: id, change: 'span', before: spanOf(previous), after: spanOf(annotation) });
    else if (previous.status === annotation.status && JSON.stringify(previous) !== JSON.stringify(annotation))
      changes.push({ annotationId: id, change: 'fields' });
  }
  for (const id of old.keys()) if (!now.has(id)) changes.push({ annotationId: id, change: 'deleted' });
  return changes;
}

/**
 * An article's history from `git log` of its layer files, oldest first: each commit that changed a
 * member's layer, compared with the layer before it. The member is the layer's writer (its path), so
 * a commit cannot sign another member's work.
 */
export async function teamHistory(repo: TeamRepo, fingerprint: string, nameOf: (memberId: string) => string): Promise<AnnotationChange[]> {
  const folder = `articles/${articleKey(fingerprint)}/tags/`;
  const out = await repo.read([
    'log',
    '--reverse',
    '--no-merges',
    '--no-renames',
    '--format=%x01%H %at',
    '--name-only',
    'HEAD',
    '--',
    folder,
  ]);
  const changes: AnnotationChange[] = [];
  for (const block of out.split('\x01').filter((b) => b.trim())) {
    const [header, ...files] = block.split('\n').filter(Boolean);
    const [commit, seconds] = (header ?? '').split(' ');
    if (!commit || !seconds) continue;
    const at = new Date(Number(seconds) * 1000).toISOString();
    for (const file of files) {
      const parsed = parseTeamPath(file);
      if (!parsed || parsed.kind !== 'tags') continue;
      const before = looseLayer(await repo.show(`${commit}^`, file));
      const after = looseLayer(await repo.show(commit, file));
      for (const change of layerChanges(before, after))
        changes.push({ commit, at, memberId: parsed.memberId, name: nameOf(parsed.memberId), ...change });
    }
  }
  return changes;
}
