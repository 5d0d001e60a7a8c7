import { ANNOTATION_KINDS } from '../../../shared/model/annotation.ts';
import type { TeamLayer } from '../../../shared/contract/team-channels.ts';
import { ReviewsFile, StatusFile } from '../../../shared/team/team-files.ts';
import { parseTeamPath } from '../../../shared/team/team-layout.ts';
import type { TeamRepo } from './team-repo.ts';

/** What the status needs of one team file. */
type FileInfo =
  | { kind: 'article'; title: string }
  | { kind: 'tags'; counts: TeamLayer['counts']; modified?: string }
  | { kind: 'status'; status?: StatusFile }
  | { kind: 'reviews'; reviews?: ReviewsFile }
  | { kind: 'deleted' };

/** One article of the team as the status shows it. */
export interface TreeArticle {
  key: string;
  title?: string;
  layers: Map<string, { counts: TeamLayer['counts']; modified?: string }>;
  statuses: StatusFile[];
  reviews: ReviewsFile[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads what the status needs of a file; files that do not parse give empty information (they are refused on sync, not here). */
export function fileInfo(kind: FileInfo['kind'], text: string): FileInfo {
  const data = parseJson(text) as Record<string, unknown> | undefined;
  switch (kind) {
    case 'article': {
      const title = (data?.document as { title?: unknown } | undefined)?.title;
      return { kind, title: typeof title === 'string' ? title : '(untitled)' };
    }
    case 'tags': {
      const annotations = Array.isArray(data?.annotations) ? (data.annotations as { kind?: unknown }[]) : [];
      const counts = Object.fromEntries(
        ANNOTATION_KINDS.map((k) => [k, annotations.filter((a) => a?.kind === k).length]),
      ) as TeamLayer['counts'];
      return { kind, counts, ...(typeof data?.exportedAt === 'string' ? { modified: data.exportedAt } : {}) };
    }
    case 'status': {
      const parsed = StatusFile.safeParse(data);
      return parsed.success ? { kind, status: parsed.data } : { kind };
    }
    case 'reviews': {
      const parsed = ReviewsFile.safeParse(data);
      return parsed.success ? { kind, reviews: parsed.data } : { kind };
    }
    default:
      return { kind: 'deleted' };
  }
}

/**
 * The team's articles as of the clone's last commit, with this member's files not yet committed laid
 * over them. Each file is read once per version: what was read is kept by blob id, so a status after
 * a sync reads only the files the sync changed.
 */
export class TeamTree {
  private readonly byBlob = new Map<string, FileInfo>();

  async articles(repo: TeamRepo, overlay: ReadonlyMap<string, string>): Promise<Map<string, TreeArticle>> {
    const entries = await repo.tree('articles');
    const unknown = entries.filter((entry) => !this.byBlob.has(entry.oid) && parseTeamPath(entry.file));
    const contents = await repo.blobs([...new Set(unknown.map((entry) => entry.oid))]);
    for (const entry of unknown) {
      const parsed = parseTeamPath(entry.file);
      const text = contents.get(entry.oid);
      if (parsed && text !== undefined) this.byBlob.set(entry.oid, fileInfo(parsed.kind, text));
    }
    const articles = new Map<string, TreeArticle>();
    const place = (file: string, info: FileInfo | undefined): void => {
      const parsed = parseTeamPath(file);
      if (!parsed || !info) return;
      let article = articles.get(parsed.key);
      if (!article) {
        article = { key: parsed.key, layers: new Map(), statuses: [], reviews: [] };
        articles.set(parsed.key, article);
      }
      if (info.kind === 'article') article.title = info.title;
      else if (info.kind === 'tags' && parsed.kind === 'tags')
        article.layers.set(parsed.memberId, { counts: info.counts, ...(info.modified ? { modified: info.modified } : {}) });
      else if (info.kind === 'status' && info.status && parsed.kind === 'status' && info.status.memberId === parsed.memberId) {
        article.statuses = [...article.statuses.filter((s) => s.memberId !== parsed.memberId), info.status];
      } else if (info.kind === 'reviews' && info.reviews && parsed.kind === 'reviews' && info.reviews.memberId === parsed.memberId) {
        article.reviews = [...article.reviews.filter((r) => r.memberId !== parsed.memberId), info.reviews];
      }
    };
    for (const entry of entries) place(entry.file, this.byBlob.get(entry.oid));
    for (const [file, text] of overlay) {
      const parsed = parseTeamPath(file);
      if (parsed) place(file, fileInfo(parsed.kind, text));
    }
    return articles;
  }
}
