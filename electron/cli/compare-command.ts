import path from 'node:path';
import type { AnnotatorItems } from '../../shared/agreement/agreement-items.ts';
import { agreementItems } from '../../shared/agreement/agreement-items.ts';
import { formatFigure } from '../../shared/agreement/agreement-files.ts';
import { AGREEMENT_SCOPES, computeAgreement, type AgreementReport, type AgreementScope } from '../../shared/agreement/agreement-report.ts';
import { AGREEMENT_FIGURES, FIGURE_EXPLANATIONS } from '../../shared/agreement/figure-explanations.ts';
import { ANCHOR_STATUSES, type AnchorStatus } from '../../shared/anchoring/anchor.ts';
import { matchEntities } from '../../shared/anchoring/entity-matching.ts';
import { ScholiaError } from '../../shared/contract/errors.ts';
import { checkTagFile, type TagFileProblem } from '../../shared/model/tag-file-check.ts';
import { MAX_TAG_FILE_BYTES, type TagFileV1 } from '../../shared/model/tag-file.ts';
import { buildReview } from '../../shared/review/build-review.ts';
import { entityKeys } from '../../shared/review/entity-keys.ts';
import { canonicalText } from '../../shared/text/canonical.ts';
import { fingerprint } from '../../shared/text/fingerprint.ts';
import { parsePlainText } from '../../shared/text/plain-text.ts';
import { readJsonFileInput } from '../services/json-file-input.ts';
import { readTextFile } from '../services/text-file.ts';
import { UsageError } from './usage-error.ts';

export interface CompareOptions {
  /** The article as a text file; else the text embedded in the first file that has one. */
  text?: string;
  json: boolean;
}

interface ComparedFile {
  file: string;
  annotator: string;
  placement: Record<AnchorStatus, number>;
  items: AnnotatorItems;
}

async function readTagFiles(files: readonly string[]): Promise<{ file: string; tags?: TagFileV1; problems: TagFileProblem[] }[]> {
  return Promise.all(
    files.map(async (file) => {
      let json: unknown;
      try {
        // Refused by its size before it is read, as `export` and `validate` do.
        json = await readJsonFileInput(file, MAX_TAG_FILE_BYTES);
      } catch (error) {
        // A missing file keeps its short reason; an oversized or unparsable one says which and why ("x.json is 100 MiB; a tag file may be at most 64 MiB").
        if (error instanceof ScholiaError && error.code === 'not-found')
          return { file, problems: [{ path: '$', message: 'not readable JSON: there is no such file' }] };
        return {
          file,
          problems: [
            {
              path: '$',
              message:
                error instanceof ScholiaError
                  ? error.message
                  : `not readable JSON: ${error instanceof Error ? error.message : String(error)}`,
            },
          ],
        };
      }
      const check = checkTagFile(json);
      return check.ok ? { file, tags: check.file, problems: [] } : { file, problems: check.problems };
    }),
  );
}

/** Names made unique by the file they come from, so two files by one annotator stay two columns. */
function annotatorNames(files: readonly { file: string; tags: TagFileV1 }[]): string[] {
  const names = files.map((f) => f.tags.annotator.name);
  return names.map((name, i) =>
    names.indexOf(name) === names.lastIndexOf(name) ? name : `${name} (${path.basename(files[i]?.file ?? '')})`,
  );
}

/** Every file placed on the common text (when there is one) and turned into agreement items, entities keyed by the first file's registry. */
function compared(files: readonly { file: string; tags: TagFileV1 }[], text: string | undefined): ComparedFile[] {
  const names = annotatorNames(files);
  const reference = files[0]?.tags.entities ?? [];
  return files.map(({ file, tags }, i) => {
    const name = names[i] as string;
    if (text === undefined) {
      const matches = matchEntities(tags.entities, reference);
      const key = (id: string) => {
        const match = matches.get(id);
        return match ? `ref:${match.myId}` : `${i}:${id}`;
      };
      const placement = { ...Object.fromEntries(ANCHOR_STATUSES.map((s) => [s, 0])), exact: tags.annotations.length } as Record<
        AnchorStatus,
        number
      >;
      return {
        file,
        annotator: tags.annotator.name,
        placement,
        items: { name, items: agreementItems(tags.annotations, tags.entities, key) },
      };
    }
    const review = buildReview({ text, fingerprint: fingerprint(text), entities: reference }, tags, {
      id: `file${i}`,
      now: new Date().toISOString(),
    });
    const keys = entityKeys(reference, review);
    const placed = review.items.filter((item) => item.anchor.status !== 'orphaned').map((item) => item.annotation);
    const placement = Object.fromEntries(
      ANCHOR_STATUSES.map((s) => [s, review.items.filter((item) => item.anchor.status === s).length]),
    ) as Record<AnchorStatus, number>;
    return {
      file,
      annotator: tags.annotator.name,
      placement,
      items: {
        name,
        items: agreementItems(placed, tags.entities, (id) =>
          keys
            .theirs(id)
            .replace(/^mine:/u, 'ref:')
            .replace(/^theirs:/u, `${i}:`),
        ),
      },
    };
  });
}

const SCOPE_LABELS: Record<AgreementScope, string> = { all: 'all', claim: 'claims', quote: 'quotes', entity: 'entities', note: 'notes' };

function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function placementText(placement: Record<AnchorStatus, number>): string {
  return ANCHOR_STATUSES.filter((status) => placement[status] > 0)
    .map((status) => `${placement[status]} ${status}`)
    .join(', ');
}

/** The agreement table as plain text: the files, every pair per kind, the overall figures, the majority view and what each figure means. */
function formatAgreementTable(files: readonly ComparedFile[], report: AgreementReport, title: string): string {
  const lines: string[] = [];
  lines.push(`Agreement of ${files.length} tag files on ${title} (${report.textLength.toLocaleString('en')} characters)`, '');
  lines.push(
    columns(
      files.map((f) => [
        `  ${f.file}`,
        f.items.name,
        `${f.items.items.length} placed`,
        `(${placementText(f.placement) || 'no annotations'})`,
      ]),
    ),
    '',
  );
  const pairRows: string[][] = [['pair', 'kind', 'marked', 'precision', 'recall', 'exact F1', 'overlap F1', 'κ']];
  for (const pair of report.pairs) {
    AGREEMENT_SCOPES.forEach((scope, i) => {
      const s = pair.scopes[scope];
      pairRows.push([
        i === 0 ? `${pair.a} – ${pair.b}` : '',
        SCOPE_LABELS[scope],
        `${s.exact.a}/${s.exact.b}`,
        formatFigure(s.exact.precision),
        formatFigure(s.exact.recall),
        formatFigure(s.exact.f1),
        formatFigure(s.overlap.f1),
        formatFigure(s.kappa.value),
      ]);
    });
    pairRows.push(['', 'speaker', `${pair.speaker.agreed} of ${pair.speaker.pairs}`, '', '', '', '', formatFigure(pair.speaker.value)]);
    pairRows.push(['', 'verdict', `${pair.verdict.agreed} of ${pair.verdict.pairs}`, '', '', '', '', formatFigure(pair.verdict.value)]);
  }
  lines.push(columns(pairRows), '');
  const overallRows = [
    ['overall', 'exact F1', 'overlap F1', 'κ', 'αu'],
    ...AGREEMENT_SCOPES.map((scope) => {
      const s = report.overall.scopes[scope];
      return [SCOPE_LABELS[scope], formatFigure(s.exactF1), formatFigure(s.overlapF1), formatFigure(s.kappa), formatFigure(s.alphaU.value)];
    }),
  ];
  lines.push(columns(overallRows));
  lines.push(
    `speaker agreement ${formatFigure(report.overall.speaker)}, verdict agreement ${formatFigure(report.overall.verdict)} (F1, κ and value agreement: means over ${report.pairs.length} ${report.pairs.length === 1 ? 'pair' : 'pairs'}; αu: all annotators at once)`,
  );
  if (files.length >= 3) {
    const counts = Object.entries(report.majority.byCount).sort(([a], [b]) => Number(b) - Number(a));
    lines.push(
      '',
      `majority: ${counts.map(([count, stretches]) => `${stretches} ${stretches === 1 ? 'stretch' : 'stretches'} marked by ${count} of ${files.length}`).join(', ')}`,
    );
  }
  lines.push('', 'What the figures mean:', ...AGREEMENT_FIGURES.map((figure) => `  ${FIGURE_EXPLANATIONS[figure]}`));
  return lines.join('\n');
}

/**
 * `scholia compare A.json B.json [C.json…] [--text ARTICLE.txt] [--json]`: places every tag file
 * on one article text and prints the agreement table (JSON with --json). A file that fails
 * validation is reported with every problem, and the command exits 1.
 */
export async function compareCommand(positionals: string[], options: CompareOptions): Promise<void> {
  if (positionals.length < 2) throw new UsageError('compare needs at least two tag files');
  const read = await readTagFiles(positionals);
  const failed = read.filter((r) => r.problems.length > 0);
  if (failed.length > 0) {
    for (const { file, problems } of failed) for (const problem of problems) console.log(`${file}: ${problem.path}: ${problem.message}`);
    console.error(
      `scholia: ${failed.map((f) => f.file).join(', ')} ${failed.length === 1 ? 'is not a valid tag file' : 'are not valid tag files'}; nothing compared.`,
    );
    process.exitCode = 1;
    return;
  }
  const files = read.map((r) => ({ file: r.file, tags: r.tags as TagFileV1 }));
  let text: string | undefined;
  if (options.text !== undefined) text = canonicalText(parsePlainText(await readTextFile(options.text)).blocks);
  else text = files.find((f) => f.tags.document.text !== undefined)?.tags.document.text;
  const fingerprints = new Set(files.map((f) => f.tags.document.fingerprint));
  if (text === undefined && fingerprints.size > 1) {
    console.error(
      'scholia: the tag files are of different versions of the article and none embeds its text; give the article with --text ARTICLE.txt.',
    );
    process.exitCode = 1;
    return;
  }
  const length = text?.length ?? files[0]?.tags.document.textLength ?? 0;
  const results = compared(files, text);
  const report = computeAgreement(
    results.map((r) => r.items),
    length,
  );
  const title = files.find((f) => f.tags.document.title)?.tags.document.title;
  if (options.json) {
    console.log(
      JSON.stringify(
        { files: results.map((r) => ({ file: r.file, annotator: r.annotator, name: r.items.name, placement: r.placement })), ...report },
        null,
        2,
      ),
    );
    return;
  }
  console.log(formatAgreementTable(results, report, title ? `“${title}”` : 'the article'));
}
