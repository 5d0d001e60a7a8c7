import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHost } from '../host/server.ts';
import { openScholia } from '../services/open-scholia.ts';
import { findAssetsDir, findRendererDir, resolveLibraryDir } from '../services/paths.ts';
import { claimsCommand } from './claims-command.ts';
import { compareCommand } from './compare-command.ts';
import { evidenceCommand } from './evidence-command.ts';
import { exportCommand } from './export-command.ts';
import { importCommand } from './import-command.ts';
import { clientOf, withLibrary } from './library-client.ts';
import { hasDisplay, openInBrowser } from './open-browser.ts';
import { restoreCommand } from './restore-command.ts';
import { searchCommand } from './search-command.ts';
import { suggestCommand } from './suggest-command.ts';
import { startTeamSync } from '../services/team/team-timer.ts';
import { teamCommand } from './team-command.ts';
import { UsageError } from './usage-error.ts';
import { validateCommand } from './validate-command.ts';

const USAGE = `Usage:
  scholia serve [--library DIR] [--port N] [--open | --no-open]
                                                 run the browser host on 127.0.0.1; --open opens it in the
                                                 default browser ($BROWSER if set) where there is a display
  scholia import FILE|URL... [--library DIR] [--json] [--allow-private-network]
                                                 import articles (txt, md, html, docx, pdf, or http(s) pages); print their ids.
                                                 Web pages come from public addresses only; --allow-private-network
                                                 also fetches from this computer and the local network (an intranet)
  scholia list [--library DIR] [--json]          list the library's documents
  scholia export DOC --format FORMAT --out PATH [--library DIR]
        [--sections LIST] [--verdicts LIST] [--no-article] [--no-text] [--csv-raw-formulas]
                                                 export a document (an id, or a tag file with its text)
        FORMAT: html, pdf, md, docx (reports); tags, w3c, csv, claimreview, brat, conll (data).
        brat writes PATH.txt and PATH.ann, or one zip when PATH ends in .zip.
        When PATH is an existing folder, the file (brat: both files) goes inside it, named after the title.
        --sections: summary,claims,quotes,entities,notes  --verdicts: verdict ids to keep
        --csv-raw-formulas: leave CSV cells starting with = + - @ as they are (else they get a leading ')
  scholia export --library [DIR] [--query QUERY] --format FORMAT --out PATH
                                                 export the whole library, or what a search finds, as one file
        FORMAT: csv, w3c, tags-zip, qdpx (data); html, pdf, md, docx (corpus report).
        QUERY uses the search syntax: words, kind:claim verdict:false speaker:"Roberta Metsola" from:2026-01-01 …
        Without DIR the library is $SCHOLIA_LIBRARY, else the app's data folder. -o is short for --out.
  scholia validate TAGFILE                        check a tag file; print each problem with its JSON path
  scholia compare A.json B.json [C.json...] [--text ARTICLE.txt] [--json]
                                                 agreement between tag files of one article, placed on one text
  scholia restore DOC [--list | --version N] [--library DIR] [--json]
                                                 list a document's previous versions, or restore one (1 is the newest)
  scholia suggest DOC [--library DIR] [--json] [--apply [--min-confidence N]]
                                                 suggest entities, quotes with speakers and check-worthy claims;
                                                 --apply stores those at or above N (default 0.5) as machine-suggested
  scholia search [WORDS...] [--library DIR] [--json] [--limit N] [--query "Q"] [--saved NAME]
        [--kind K] [--verdict V] [--label L] [--checkworthy | --not-checkworthy] [--speaker S] [--claimant C]
        [--entity E] [--annotator A] [--tag T] [--source S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--regex R]
        [--stage S] [--article-stage S] [--checked-by A] [--checked-from YYYY-MM-DD] [--checked-to YYYY-MM-DD]
        [--has rationale|evidence|archive]
                                                 search every annotation of the library: words of the text, note, tags
                                                 and evidence; a repeated flag adds an alternative. Speakers, claimants
                                                 and entities by id, name, alias or Wikidata id. --query takes the
                                                 search box's syntax (kind:claim verdict:false speaker:"A B" /regex/);
                                                 --saved starts from a saved search. Stages: to-check, in-progress,
                                                 checked, published (a claim's, or with --article-stage its article's);
                                                 --has wants every part named. Prints articles newest first with
                                                 facet counts; --limit N articles (default 50)
  scholia claims [--library DIR] [--json]        the tracked claims: claims that make the same assertion across the
                                                 library, with their appearances (article, date, claimant, text) and
                                                 verdicts; confirmed groups first, suggested matches listed apart
  scholia evidence DOC CLAIM [N] [--archive [--allow-private-network] | --attach FILE | --check] [--library DIR] [--json]
                                                 list a claim's sources; archive source N (1 is the first) through the
                                                 import pipeline, attach a local file to it by path and SHA-256, or
                                                 check that the attached file still matches (exit 1 when not)
  scholia team init PATH|URL [--name TEAM] [--as NAME]    create a team repository (a bare repository at PATH, or an
                                                 empty one at URL) and join it; --as sets your name in the team
  scholia team join URL|PATH [--as NAME] [--member ID]    join a team; --member joins as yourself on another computer
  scholia team share DOC...|sha256:FINGERPRINT...|--all   share documents; a fingerprint takes a team article into the library
  scholia team sync [--json]                     commit your layers, fetch, merge, push; colleagues' layers go to Review
                                                 (exit 1 when the team's history was rewritten or the sync failed)
  scholia team status [--json]                   the team, each article with every annotator's layer and counts, and
                                                 what waits to be pushed or pulled
  scholia team log DOC [--json]                  an article's history from Git: who created, changed, accepted what
  scholia team assign DOC [--to MEMBER|nobody] [--stage to-check|in-progress|checked|published]
        Team commands take --library DIR. An HTTPS remote's token is read from $SCHOLIA_GIT_TOKEN, never from arguments.

The library folder is --library DIR, else $SCHOLIA_LIBRARY, else the app's data folder.`;

const moduleDir = path.dirname(fileURLToPath(import.meta.url));

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
        version: { type: 'string' },
        list: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        sections: { type: 'string' },
        verdicts: { type: 'string' },
        'no-article': { type: 'boolean', default: false },
        'no-text': { type: 'boolean', default: false },
        'csv-raw-formulas': { type: 'boolean', default: false },
        text: { type: 'string' },
        apply: { type: 'boolean', default: false },
        'min-confidence': { type: 'string' },
        'allow-private-network': { type: 'boolean', default: false },
        archive: { type: 'boolean', default: false },
        attach: { type: 'string' },
        check: { type: 'boolean', default: false },
        kind: { type: 'string', multiple: true },
        verdict: { type: 'string', multiple: true },
        label: { type: 'string', multiple: true },
        checkworthy: { type: 'boolean', default: false },
        'not-checkworthy': { type: 'boolean', default: false },
        speaker: { type: 'string', multiple: true },
        claimant: { type: 'string', multiple: true },
        entity: { type: 'string', multiple: true },
        annotator: { type: 'string', multiple: true },
        tag: { type: 'string', multiple: true },
        source: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        stage: { type: 'string', multiple: true },
        'article-stage': { type: 'string', multiple: true },
        'checked-by': { type: 'string', multiple: true },
        'checked-from': { type: 'string' },
        'checked-to': { type: 'string' },
        has: { type: 'string', multiple: true },
        regex: { type: 'string' },
        query: { type: 'string' },
        saved: { type: 'string' },
        limit: { type: 'string' },
        name: { type: 'string' },
        as: { type: 'string' },
        member: { type: 'string' },
        all: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A flag that search takes many times and other commands once. */
function onlyOne(flag: string, values: string[] | undefined): string | undefined {
  if (values && values.length > 1) throw new UsageError(`${flag} is given once here`);
  return values?.[0];
}

/** The options that were given (exact optional properties take no `undefined`). */
function definedOnly<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return port;
}

/** Opens the host's URL in the browser when asked to and a display is there; says why not otherwise. */
async function openWhenAsked(url: string, open: boolean): Promise<void> {
  if (!open) return;
  if (!hasDisplay()) {
    console.log('No display was found, so no browser was opened: open the address above in a Chromium-based browser.');
    return;
  }
  await openInBrowser(url).catch((error: unknown) => {
    console.error(
      `scholia: the browser could not be opened (${error instanceof Error ? error.message : String(error)}); open the address above.`,
    );
  });
}

async function serve(libraryDir: string, port: number, open: boolean): Promise<void> {
  // Signals are taken from the start, so a stop during start-up still flushes and exits cleanly.
  let stopRequested = false;
  let stop = async (): Promise<void> => {
    stopRequested = true;
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const scholia = await openScholia({ libraryDir, seedFrom: findAssetsDir(moduleDir), owner: 'scholia serve' });
  const { readOnly } = await clientOf(scholia).call('library.list', {});
  const host = await startHost({ scholia, rendererDir: findRendererDir(moduleDir), port });
  startTeamSync(scholia);
  let stopping = false;
  stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await scholia.close();
    process.exit(0);
  };
  if (stopRequested) return stop();
  if (readOnly) console.error(`scholia: ${readOnly.message}`);
  console.log(`Scholia is running at ${host.url}`);
  console.log(`Library: ${libraryDir}. Press Ctrl+C to stop.`);
  await openWhenAsked(host.url, open);
}

async function list(libraryDir: string, json: boolean): Promise<void> {
  if (!existsSync(path.join(libraryDir, 'library.json')) && !existsSync(path.join(libraryDir, 'documents'))) {
    if (json) console.log('[]');
    else console.log(`No library at ${libraryDir}.`);
    return;
  }
  const { documents, notices } = await withLibrary({ libraryDir, access: 'read' }, (api) => api.call('library.list', { check: true }));
  for (const notice of notices) console.error(`scholia: ${notice.message}`);
  if (json) {
    console.log(JSON.stringify(documents, null, 2));
    return;
  }
  for (const d of documents) {
    const counts = `${d.counts.claims} claims, ${d.counts.quotes} quotes, ${d.counts.entities} entities, ${d.counts.notes} notes`;
    console.log(`${d.id}\t${d.published ?? '          '}\t${d.title}\t(${counts})`);
  }
}

/**
 * `--library` with no folder after it (at the end, or before another option) asks `export` for the
 * whole library; parseArgs would take the next option as its folder, so it is taken out first.
 */
function takeBareLibraryFlag(argv: string[]): { argv: string[]; bareLibrary: boolean } {
  const at = argv.findIndex((arg, i) => arg === '--library' && (i === argv.length - 1 || (argv[i + 1] ?? '').startsWith('-')));
  return at === -1 ? { argv, bareLibrary: false } : { argv: [...argv.slice(0, at), ...argv.slice(at + 1)], bareLibrary: true };
}

async function main(rawArgv: string[]): Promise<void> {
  const { argv, bareLibrary } = takeBareLibraryFlag(rawArgv);
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    if (!command && !values.help) process.exitCode = 2;
    return;
  }
  if (values['allow-private-network'] && command !== 'import' && command !== 'evidence') {
    throw new UsageError(
      `--allow-private-network is for import; ${command === 'serve' ? 'the browser host follows the setting in Settings' : `${command} fetches no web page`}`,
    );
  }
  if (bareLibrary && command !== 'export') throw new UsageError('--library needs a folder: --library DIR');
  if (values.query !== undefined && command !== 'export' && command !== 'search')
    throw new UsageError(`--query is for search and export --library; ${command} takes no query`);
  const libraryDir = resolveLibraryDir(values.library);
  switch (command) {
    case 'serve':
      return serve(libraryDir, parsePort(values.port), values.open && !values['no-open']);
    case 'import':
      return importCommand(libraryDir, rest, { json: values.json, allowPrivateNetwork: values['allow-private-network'] });
    case 'list':
      return list(libraryDir, values.json);
    case 'claims':
      if (rest.length > 0) throw new UsageError(`claims takes no arguments, not "${rest.join(' ')}"`);
      return claimsCommand(libraryDir, { json: values.json });
    case 'export':
      return exportCommand(libraryDir, rest, {
        // `--library` alone, or `--library DIR` with no DOC, exports the library as a corpus.
        library: bareLibrary || (values.library !== undefined && rest.length === 0),
        ...(values.query !== undefined ? { query: values.query } : {}),
        ...(values.format !== undefined ? { format: values.format } : {}),
        ...(values.out !== undefined ? { out: values.out } : {}),
        ...(values.sections !== undefined ? { sections: values.sections } : {}),
        ...(values.verdicts !== undefined ? { verdicts: values.verdicts } : {}),
        noArticle: values['no-article'],
        noText: values['no-text'],
        csvRawFormulas: values['csv-raw-formulas'],
      });
    case 'compare':
      return compareCommand(rest, { ...(values.text !== undefined ? { text: values.text } : {}), json: values.json });
    case 'validate':
      return validateCommand(rest);
    case 'restore':
      return restoreCommand(libraryDir, rest, {
        ...(values.version !== undefined ? { version: values.version } : {}),
        list: values.list,
        json: values.json,
      });
    case 'suggest':
      return suggestCommand(libraryDir, rest, {
        json: values.json,
        apply: values.apply,
        ...(values['min-confidence'] !== undefined ? { minConfidence: values['min-confidence'] } : {}),
      });
    case 'search':
      return searchCommand(libraryDir, rest, {
        json: values.json,
        checkworthy: values.checkworthy,
        notCheckworthy: values['not-checkworthy'],
        ...definedOnly({
          kind: values.kind,
          verdict: values.verdict,
          label: values.label,
          speaker: values.speaker,
          claimant: values.claimant,
          entity: values.entity,
          annotator: values.annotator,
          tag: values.tag,
          source: values.source,
          from: values.from,
          to: values.to,
          stage: values.stage,
          articleStage: values['article-stage'],
          checkedBy: values['checked-by'],
          checkedFrom: values['checked-from'],
          checkedTo: values['checked-to'],
          has: values.has,
          regex: values.regex,
          query: values.query,
          saved: values.saved,
          limit: values.limit,
        }),
      });
    case 'evidence':
      return evidenceCommand(libraryDir, rest, {
        json: values.json,
        archive: values.archive,
        check: values.check,
        allowPrivateNetwork: values['allow-private-network'],
        ...(values.attach !== undefined ? { attach: values.attach } : {}),
      });
    case 'team':
      return teamCommand(libraryDir, rest, {
        json: values.json,
        all: values.all,
        ...definedOnly({ name: values.name, as: values.as, member: values.member, to: values.to, stage: onlyOne('--stage', values.stage) }),
      });
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`scholia: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`scholia: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
