import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import type { ClaimAppearance, TrackedClaimView } from '../../shared/contract/claims-channels.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { withLibrary } from './library-client.ts';

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function appearanceLine(appearance: ClaimAppearance): string {
  const who = appearance.claimant ? ` · ${appearance.claimant}` : '';
  return `    ${appearance.date ?? '          '}  ${shorten(appearance.title, 60)}${who} · ${appearance.verdictLabel}\n      “${shorten(appearance.text, 100)}”  [${appearance.documentId} ${appearance.annotationId}]`;
}

function trackedLines(tracked: TrackedClaimView): string[] {
  const verdicts = tracked.verdicts.map((v) => `${v.verdictLabel} ${v.count}`).join(', ');
  const count = `${tracked.appearances.length} ${tracked.appearances.length === 1 ? 'appearance' : 'appearances'}`;
  return [`  “${shorten(tracked.text, 100)}” (${count}; ${verdicts})  [${tracked.id}]`, ...tracked.appearances.map(appearanceLine)];
}

/** The tracked claims as text: confirmed groups, then groups by the same wording, then the suggested matches apart. */
export function formatClaims({ tracked, suggestions }: ChannelOutput<'claims.list'>): string {
  const confirmed = tracked.filter((t) => t.confirmed);
  const grouped = tracked.filter((t) => !t.confirmed);
  const lines: string[] = [];
  const section = (title: string, groups: TrackedClaimView[]) => {
    lines.push(`${title} (${groups.length})`);
    if (groups.length === 0) lines.push('  none');
    for (const group of groups) lines.push(...trackedLines(group));
    lines.push('');
  };
  section('Confirmed tracked claims', confirmed);
  section('Grouped by the same wording, not yet confirmed', grouped);
  lines.push(`Suggested matches (${suggestions.length})`);
  if (suggestions.length === 0) lines.push('  none');
  for (const suggestion of suggestions) {
    const candidate = suggestion.candidate.appearances[0];
    const where = candidate ? ` in ${shorten(candidate.title, 60)}` : '';
    lines.push(`  ${suggestion.score.toFixed(2)}  “${shorten(suggestion.candidate.text, 90)}”${where}`);
    lines.push(`        looks like “${shorten(suggestion.tracked.text, 90)}”  [${suggestion.tracked.id} ${suggestion.candidate.id}]`);
    if (suggestion.checkedBefore) lines.push(`        ${suggestion.checkedBefore.message}`);
  }
  return lines.join('\n');
}

/**
 * `scholia claims [--json]`: the library's tracked claims with their appearances and verdicts,
 * confirmed groups first, suggested matches listed apart; or the `claims.list` answer as JSON.
 */
export async function claimsCommand(libraryDir: string, args: { json?: boolean }): Promise<void> {
  if (!existsSync(path.join(libraryDir, 'library.json'))) throw new ScholiaError('not-found', `There is no library at ${libraryDir}.`);
  await withLibrary({ libraryDir, access: 'read' }, async (api) => {
    const listed = await api.call('claims.list', {});
    console.log(args.json ? JSON.stringify(listed, null, 2) : formatClaims(listed));
  });
}
