import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import type { AnnotationChange, TeamStatus } from '../../shared/contract/team-channels.ts';
import { TEAM_STAGES } from '../../shared/contract/team-channels.ts';
import { withLibrary } from './library-client.ts';
import { UsageError } from './usage-error.ts';

export interface TeamArgs {
  json: boolean;
  all: boolean;
  /** init: the team's name. */
  name?: string;
  /** init, join: the analyst's name in the team (the library's annotator name). */
  as?: string;
  /** join: join as this existing member (the same analyst on another computer). */
  member?: string;
  /** assign: the member to assign ("nobody" clears it), and the stage. */
  to?: string;
  stage?: string;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The team status as text: the team, its members, each shared article with every annotator's layer, what waits to be pushed or pulled. */
export function formatTeamStatus(status: TeamStatus): string {
  if (!status.joined || !status.team) return 'This library is not in a team. Create one with: scholia team init PATH|URL --name NAME';
  const { team } = status;
  const lines = [
    `Team: ${team.name}  (${team.remote})`,
    `You: ${team.me.name} [${team.me.id}]`,
    `Members: ${team.members.map((m) => `${m.name} [${m.id}]`).join(', ') || 'none yet'}`,
    `Waiting: ${plural(status.pending.toPush, 'commit')} to push, ${plural(status.pending.toPull, 'commit')} to pull`,
  ];
  if (status.lastSync) lines.push(`Last sync: ${status.lastSync.at} ${status.lastSync.outcome}: ${status.lastSync.message}`);
  lines.push('', `Articles (${status.articles.length})`);
  for (const article of status.articles) {
    const where = article.documentId ? `[${article.documentId}]` : `[${article.fingerprint}] not in this library`;
    const stage = [article.stage, article.assignee ? `assigned to ${article.assignee}` : undefined].filter(Boolean).join(', ');
    lines.push(`  ${article.title}${article.shared ? '' : ' (not shared by you)'}${stage ? ` · ${stage}` : ''}  ${where}`);
    for (const layer of article.layers) {
      const c = layer.counts;
      const reviewed = layer.reviewedMine
        ? ` · on yours: ${layer.reviewedMine.accepted} accepted, ${layer.reviewedMine.rejected} rejected`
        : '';
      lines.push(
        `    ${layer.name} [${layer.memberId}]: ${plural(c.claim, 'claim')}, ${plural(c.quote, 'quote')}, ${plural(c.entity, 'entity', 'entities')}, ${plural(c.note, 'note')}${layer.reviewId ? ` · in Review as ${layer.reviewId}` : ''}${reviewed}`,
      );
    }
  }
  return lines.join('\n');
}

function changeLine(change: AnnotationChange): string {
  const what =
    change.change === 'verdict'
      ? `changed the verdict of ${change.annotationId} from ${change.before} to ${change.after}`
      : change.change === 'span'
        ? `moved ${change.annotationId} from ${change.before} to ${change.after}`
        : change.change === 'accepted'
          ? `accepted ${change.annotationId} from ${change.after}`
          : change.change === 'fields'
            ? `edited ${change.annotationId}`
            : `${change.change} ${change.annotationId}`;
  return `${change.at}  ${change.name} [${change.memberId}] ${what}  (${change.commit.slice(0, 10)})`;
}

function assertLibrary(libraryDir: string): void {
  if (!existsSync(path.join(libraryDir, 'library.json'))) throw new UsageError(`there is no library at ${libraryDir}`);
}

/**
 * `scholia team init|join|share|sync|status|log|assign`: the team library on Git (docs/TEAM.md). A
 * remote's token comes from `SCHOLIA_GIT_TOKEN`, never from the command line.
 */
export async function teamCommand(libraryDir: string, rest: string[], args: TeamArgs): Promise<void> {
  const [sub, ...operands] = rest;
  const one = (what: string): string => {
    if (operands.length !== 1 || !operands[0]) throw new UsageError(`team ${sub} takes one ${what}`);
    return operands[0];
  };
  switch (sub) {
    case 'init':
    case 'join': {
      const remote = one('PATH or URL');
      if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(remote)) throw new UsageError('give the token in SCHOLIA_GIT_TOKEN, not inside the URL');
      return withLibrary({ libraryDir }, async (api) => {
        if (args.as) await api.call('settings.set', { annotatorName: args.as });
        const status =
          sub === 'init'
            ? await api.call('team.init', { remote, name: args.name ?? 'Scholia team' })
            : await api.call('team.join', { remote, ...(args.member ? { memberId: args.member } : {}) });
        console.log(args.json ? JSON.stringify(status, null, 2) : formatTeamStatus(status));
      });
    }
    case 'share': {
      if (operands.length === 0 && !args.all)
        throw new UsageError('team share takes DOC… (ids, or team articles by sha256:… fingerprint) or --all');
      const fingerprints = operands.filter((o) => o.startsWith('sha256:'));
      const documentIds = operands.filter((o) => !o.startsWith('sha256:'));
      assertLibrary(libraryDir);
      return withLibrary({ libraryDir }, async (api) => {
        const status = await api.call('team.share', {
          ...(documentIds.length > 0 ? { documentIds } : {}),
          ...(fingerprints.length > 0 ? { fingerprints } : {}),
          ...(args.all ? { all: true } : {}),
        });
        console.log(args.json ? JSON.stringify(status, null, 2) : formatTeamStatus(status));
      });
    }
    case 'sync': {
      if (operands.length > 0) throw new UsageError('team sync takes no arguments');
      assertLibrary(libraryDir);
      const report = await withLibrary({ libraryDir }, (api) => api.call('team.sync', {}));
      console.log(args.json ? JSON.stringify(report, null, 2) : report.message);
      for (const refused of report.refused ?? []) console.error(`refused ${refused.file}:\n${refused.message}`);
      if (report.outcome === 'failed' || report.outcome === 'history-rewritten') process.exitCode = 1;
      return;
    }
    case 'status': {
      if (operands.length > 0) throw new UsageError('team status takes no arguments');
      assertLibrary(libraryDir);
      const status = await withLibrary({ libraryDir, access: 'read' }, (api) => api.call('team.status', {}));
      console.log(args.json ? JSON.stringify(status, null, 2) : formatTeamStatus(status));
      return;
    }
    case 'log': {
      const documentId = one('DOC');
      assertLibrary(libraryDir);
      const { changes }: ChannelOutput<'team.log'> = await withLibrary({ libraryDir, access: 'read' }, (api) =>
        api.call('team.log', { documentId }),
      );
      console.log(
        args.json ? JSON.stringify({ changes }, null, 2) : changes.length === 0 ? 'No history yet.' : changes.map(changeLine).join('\n'),
      );
      return;
    }
    case 'assign': {
      const documentId = one('DOC');
      if (args.stage !== undefined && !(TEAM_STAGES as readonly string[]).includes(args.stage))
        throw new UsageError(`--stage is one of ${TEAM_STAGES.join(', ')}`);
      if (args.to === undefined && args.stage === undefined)
        throw new UsageError('team assign takes --to MEMBER (or nobody) and/or --stage STAGE');
      assertLibrary(libraryDir);
      return withLibrary({ libraryDir }, async (api) => {
        const status = await api.call('team.assign', {
          documentId,
          ...(args.to !== undefined ? { assignee: args.to === 'nobody' ? null : args.to } : {}),
          ...(args.stage !== undefined ? { stage: args.stage as (typeof TEAM_STAGES)[number] } : {}),
        });
        console.log(args.json ? JSON.stringify(status, null, 2) : formatTeamStatus(status));
      });
    }
    default:
      throw new UsageError(sub ? `unknown team command "${sub}"` : 'team needs a command: init, join, share, sync, status, log, assign');
  }
}
