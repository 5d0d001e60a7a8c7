import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { exportTagFile } from '../../shared/export/tag-file-export.ts';
import { applyAnnotationOps } from '../../shared/layer/apply-layer-ops.ts';
import { entityIdsOf } from '../../shared/model/annotation.ts';
import type { ScholiaDocument } from '../../shared/model/document.ts';
import { DEFAULT_TAGSET } from '../../shared/model/tagset.ts';
import { documentFromRawText } from '../../shared/testing/annotated-sample.ts';
import { teamJson, type MemberFile, type TeamFile } from '../../shared/team/team-files.ts';
import { TEAM_FORMAT, TEAM_FORMAT_VERSION, teamPaths } from '../../shared/team/team-layout.ts';
import { generateAnnotationOps, generateArticle } from './generate.ts';
import { isolatedGitEnv } from '../../electron/services/testing/git-http-server.ts';

/** The size of a generated team repository. */
export interface TeamRepositorySize {
  articles: number;
  members: number;
  /** How many members annotated each article. */
  annotatorsPerArticle: number;
  /** Words per article, and annotations in each member's layer. */
  words: number;
  annotationsPerLayer: number;
}

/** The issue's repository: 10,000 articles, each annotated by 3 of 50 annotators. */
export const ISSUE_TEAM: TeamRepositorySize = {
  articles: 10_000,
  members: 50,
  annotatorsPerArticle: 3,
  words: 250,
  annotationsPerLayer: 8,
};

/** Articles per commit: the history the generator writes is one commit for the team and its members, then one per batch. */
const ARTICLES_PER_COMMIT = 500;
const CREATED = Date.parse('2026-11-02T09:00:00.000Z');

export const memberIdOf = (index: number): string => `analyst-${String(index + 1).padStart(2, '0')}`;
export const memberNameOf = (index: number): string => `Analyst ${String(index + 1).padStart(2, '0')}`;

/** The members who annotated article `index`: three (or `count`) different ones, spread evenly over the team. */
export function annotatorsOf(index: number, size: TeamRepositorySize): number[] {
  const step = Math.max(1, Math.floor(size.members / size.annotatorsPerArticle));
  return Array.from({ length: size.annotatorsPerArticle }, (_, k) => (index * 7 + k * step) % size.members);
}

/** Article `index` of the generated team, its text only. */
export function teamArticle(index: number, size: TeamRepositorySize): ScholiaDocument {
  const document = documentFromRawText(generateArticle(size.words, 10_000 + index).raw, `Team article ${index + 1}`, `team-${index}`);
  return { ...document, meta: { ...document.meta, url: `https://news.example.org/articles/${index + 1}` } };
}

/** One member's layer on an article: generated annotations signed by them, with the entities they refer to. */
export function memberLayer(article: ScholiaDocument, memberIndex: number, size: TeamRepositorySize, seed: number): ScholiaDocument {
  const ops = generateAnnotationOps(article.text, size.annotationsPerLayer, seed);
  const layer = applyAnnotationOps(article.text, DEFAULT_TAGSET, article, ops);
  const author = memberNameOf(memberIndex);
  const annotations = layer.annotations.map((annotation) => ({ ...annotation, id: `${memberIdOf(memberIndex)}-${annotation.id}`, author }));
  const used = new Set(annotations.flatMap(entityIdsOf));
  return { ...article, annotations, entities: layer.entities.filter((entity) => used.has(entity.id)) };
}

/** The files of article `index` in the team layout: the article (a tag file with its text, no annotations) and each annotator's layer. */
export function articleFiles(index: number, size: TeamRepositorySize): Map<string, string> {
  const article = teamArticle(index, size);
  const stamp = new Date(CREATED + index * 60_000).toISOString();
  const files = new Map<string, string>();
  const annotators = annotatorsOf(index, size);
  const sharedBy = memberNameOf(annotators[0] ?? 0);
  files.set(
    teamPaths.article(article.fingerprint),
    teamJson(exportTagFile(article, DEFAULT_TAGSET, { annotator: sharedBy, exportedAt: stamp })),
  );
  for (const member of annotators) {
    const layer = memberLayer(article, member, size, index * 101 + member);
    files.set(
      teamPaths.layer(article.fingerprint, memberIdOf(member)),
      teamJson(exportTagFile(layer, DEFAULT_TAGSET, { annotator: memberNameOf(member), embedText: false, exportedAt: stamp })),
    );
  }
  return files;
}

/** The team's own files: `scholia-team.json` and each member's file. */
export function teamFiles(size: TeamRepositorySize, name = 'Bench desk'): Map<string, string> {
  const created = new Date(CREATED).toISOString();
  const team: TeamFile = { format: TEAM_FORMAT, version: TEAM_FORMAT_VERSION, name, created };
  const files = new Map<string, string>([[teamPaths.team, teamJson(team)]]);
  for (let member = 0; member < size.members; member++) {
    const id = memberIdOf(member);
    const file: MemberFile = { format: 'scholia-team-member', version: 1, id, name: memberNameOf(member), joined: created };
    files.set(teamPaths.member(id), teamJson(file));
  }
  return files;
}

/** A fixed environment for the bench's git processes: no user or system configuration, no prompts. */
export const gitEnv = (home: string): NodeJS.ProcessEnv => isolatedGitEnv(home);

/**
 * Writes a generated team repository into the bare repository `gitDir` (its `main` branch) with
 * `git fast-import`: no working tree, no per-file process. Each commit is signed by a member at a
 * fixed time, so two runs write the same history. Returns the number of files written.
 */
export async function writeTeamRepository(gitDir: string, size: TeamRepositorySize, home: string): Promise<number> {
  const importer = spawn('git', ['--git-dir', gitDir, 'fast-import', '--quiet', '--force'], {
    env: gitEnv(home),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  importer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(importer, 'close') as Promise<[number | null]>;
  const input = importer.stdin;
  const write = async (chunk: string | Buffer): Promise<void> => {
    if (!input.write(chunk)) await once(input, 'drain');
  };
  let mark = 0;
  let files = 0;
  let commits = 0;
  let parent: number | undefined;
  const commit = async (contents: Map<string, string>, author: string, message: string): Promise<void> => {
    const blobs: [string, number][] = [];
    for (const [file, text] of contents) {
      const bytes = Buffer.from(text, 'utf8');
      mark += 1;
      await write(`blob\nmark :${mark}\ndata ${bytes.length}\n`);
      await write(bytes);
      await write('\n');
      blobs.push([file, mark]);
    }
    mark += 1;
    const when = Math.floor(CREATED / 1000) + commits * 3600;
    const body = Buffer.from(message, 'utf8');
    const lines = [
      'commit refs/heads/main',
      `mark :${mark}`,
      `author ${author} <${author.toLowerCase().replace(/\s+/gu, '-')}@team.invalid> ${when} +0000`,
      `committer ${author} <${author.toLowerCase().replace(/\s+/gu, '-')}@team.invalid> ${when} +0000`,
      `data ${body.length}`,
    ];
    await write(`${lines.join('\n')}\n`);
    await write(body);
    await write(`\n${parent === undefined ? '' : `from :${parent}\n`}`);
    await write(`${blobs.map(([file, blob]) => `M 100644 :${blob} ${file}`).join('\n')}\n\n`);
    parent = mark;
    commits += 1;
    files += blobs.length;
  };
  try {
    await commit(teamFiles(size), memberNameOf(0), `Team with ${size.members} members`);
    for (let first = 0; first < size.articles; first += ARTICLES_PER_COMMIT) {
      const batch = new Map<string, string>();
      const last = Math.min(size.articles, first + ARTICLES_PER_COMMIT);
      for (let index = first; index < last; index++) for (const [file, text] of articleFiles(index, size)) batch.set(file, text);
      await commit(batch, memberNameOf(first % size.members), `Articles ${first + 1}–${last} with their layers`);
    }
    input.end('done\n');
  } catch (error) {
    importer.kill('SIGKILL');
    throw error;
  }
  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${stderr.trim()}`);
  return files;
}
