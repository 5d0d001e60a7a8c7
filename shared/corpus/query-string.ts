import { ScholiaError } from '../contract/errors.ts';
import { describeIssues } from '../contract/validation.ts';
import { ANNOTATION_KINDS, WORKFLOW_STAGE_LABELS, WORKFLOW_STAGES, type WorkflowStage } from '../model/annotation.ts';
import { CorpusQuery, RECORD_PARTS, type RecordPart } from './corpus-query.ts';

/**
 * The query string of a corpus search, shared by the app's search box, `scholia search` and
 * `--query` (docs/CORPUS.md, "Query syntax"): free words are `text`; `key:value` filters (a value
 * with spaces in double quotes, `\"` and `\\` escaped inside); a repeated key adds an alternative;
 * `/regex/` is a JavaScript regular expression over the annotation's text and note.
 */

/** Keys that take any number of values, and the query field each fills. */
export const LIST_KEYS = {
  kind: 'kinds',
  verdict: 'verdicts',
  label: 'labels',
  speaker: 'speakers',
  claimant: 'claimants',
  entity: 'entities',
  annotator: 'annotators',
  tag: 'tags',
  source: 'sources',
  stage: 'stages',
  articlestage: 'articleStages',
  checkedby: 'checkedBy',
  has: 'has',
  document: 'documentIds',
} as const;

/** Keys that take one value. */
const SINGLE_KEYS = ['checkworthy', 'from', 'to', 'checkedfrom', 'checkedto'] as const;

/** The single keys that take a day, and the query field each fills. */
const DAY_KEYS = { from: 'from', to: 'to', checkedfrom: 'checkedFrom', checkedto: 'checkedTo' } as const;

type ListKey = keyof typeof LIST_KEYS;
type SingleKey = (typeof SINGLE_KEYS)[number];

/** Every key the syntax knows, in the order a formatted query writes them. */
export const QUERY_KEYS: readonly string[] = [
  'kind',
  'verdict',
  'stage',
  'label',
  'checkworthy',
  'checkedby',
  'checkedfrom',
  'checkedto',
  'has',
  'speaker',
  'claimant',
  'entity',
  'annotator',
  'tag',
  'source',
  'articlestage',
  'from',
  'to',
  'document',
];

const KEY_PREFIX = /^([A-Za-z]+):/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function badRequest(message: string): ScholiaError {
  return new ScholiaError('bad-request', `Search query: ${message}`);
}

/**
 * Compiles a query's regular expression as the search runs it (Unicode, case-sensitive), or
 * refuses a broken one with a message naming the problem.
 */
export function compileCorpusRegex(source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw badRequest(`the regular expression /${source}/ is broken (${reason})`);
  }
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isCalendarDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

type Token = { kind: 'word'; value: string } | { kind: 'filter'; key: string; value: string } | { kind: 'regex'; source: string };

/** Reads a double-quoted string starting at `start` (the quote); returns its value and the index after the closing quote. */
function readQuoted(text: string, start: number): { value: string; next: number } {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\' && index + 1 < text.length) {
      value += text[index + 1];
      index += 2;
    } else if (char === '"') {
      return { value, next: index + 1 };
    } else {
      value += char;
      index += 1;
    }
  }
  throw badRequest(`a double quote opened at character ${start + 1} is never closed`);
}

/** Reads `/…/` starting at `start`: a slash inside brackets or after a backslash does not close it. */
function readRegex(text: string, start: number): { source: string; next: number } {
  let index = start + 1;
  let inClass = false;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) break;
      index += 1;
    }
  }
  if (index >= text.length) throw badRequest(`the regular expression opened at character ${start + 1} has no closing "/"`);
  const next = index + 1;
  if (next < text.length && !isSpace(text[next])) {
    throw badRequest(`the regular expression /${text.slice(start + 1, index)}/ must be followed by a space (flags are not supported)`);
  }
  return { source: text.slice(start + 1, index), next };
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

function readBare(text: string, start: number): { value: string; next: number } {
  let index = start;
  while (index < text.length && !isSpace(text[index])) index += 1;
  return { value: text.slice(start, index), next: index };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    if (isSpace(text[index])) {
      index += 1;
      continue;
    }
    if (text[index] === '/') {
      const { source, next } = readRegex(text, index);
      tokens.push({ kind: 'regex', source });
      index = next;
      continue;
    }
    if (text[index] === '"') {
      const { value, next } = readQuoted(text, index);
      tokens.push({ kind: 'word', value });
      index = next;
      continue;
    }
    const key = KEY_PREFIX.exec(text.slice(index, index + 40));
    if (key) {
      const valueStart = index + key[0].length;
      const { value, next } = text[valueStart] === '"' ? readQuoted(text, valueStart) : readBare(text, valueStart);
      tokens.push({ kind: 'filter', key: (key[1] ?? '').toLowerCase(), value });
      index = next;
      continue;
    }
    const { value, next } = readBare(text, index);
    tokens.push({ kind: 'word', value });
    index = next;
  }
  return tokens;
}

function isListKey(key: string): key is ListKey {
  return Object.hasOwn(LIST_KEYS, key);
}

function isSingleKey(key: string): key is SingleKey {
  return (SINGLE_KEYS as readonly string[]).includes(key);
}

function parseCheckworthy(value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'yes' || lower === 'true') return true;
  if (lower === 'no' || lower === 'false') return false;
  throw badRequest(`checkworthy takes yes or no, not "${value}"`);
}

/** A workflow stage given by its id or its label, in any case ("in-progress", "In progress"); undefined when it names none. */
export function stageNamed(value: string): WorkflowStage | undefined {
  const folded = value.trim().toLowerCase().replace(/\s+/g, '-');
  return WORKFLOW_STAGES.find((known) => known === folded || WORKFLOW_STAGE_LABELS[known].toLowerCase().replace(/\s+/g, '-') === folded);
}

/** A part of the verdict record (`has:`), in any case; undefined when it names none. */
export function recordPartNamed(value: string): RecordPart | undefined {
  const folded = value.trim().toLowerCase();
  return RECORD_PARTS.find((part) => part === folded);
}

/** A list key's value as the query keeps it: kinds, stages and record parts checked and lower-cased. */
function listValue(key: ListKey, value: string): string {
  if (key === 'kind') {
    const kind = value.toLowerCase();
    if (!(ANNOTATION_KINDS as readonly string[]).includes(kind))
      throw badRequest(`kind takes ${ANNOTATION_KINDS.join(', ')}, not "${value}"`);
    return kind;
  }
  if (key === 'stage' || key === 'articlestage') {
    const stage = stageNamed(value);
    if (!stage) throw badRequest(`${key} takes ${WORKFLOW_STAGES.join(', ')}, not "${value}"`);
    return stage;
  }
  if (key === 'has') {
    const part = recordPartNamed(value);
    if (!part) throw badRequest(`has takes ${RECORD_PARTS.join(', ')}, not "${value}"`);
    return part;
  }
  return value;
}

/** Parses a query string into a checked `CorpusQuery`; anything wrong is a `bad-request` naming it. */
export function parseQueryString(text: string): CorpusQuery {
  const words: string[] = [];
  const lists: Partial<Record<(typeof LIST_KEYS)[ListKey], string[]>> = {};
  const query: Record<string, unknown> = {};
  for (const token of tokenize(text)) {
    if (token.kind === 'word') {
      words.push(...token.value.split(/\s+/).filter(Boolean));
    } else if (token.kind === 'regex') {
      if (query.regex !== undefined) throw badRequest('only one /regular expression/ can be given');
      if (token.source === '') throw badRequest('the regular expression // is empty');
      compileCorpusRegex(token.source);
      query.regex = token.source;
    } else {
      const { key, value } = token;
      if (!isListKey(key) && !isSingleKey(key)) {
        throw badRequest(`unknown key "${key}:"; the known keys are ${QUERY_KEYS.map((known) => `${known}:`).join(', ')}`);
      }
      const trimmed = value.trim();
      if (trimmed === '') throw badRequest(`${key}: needs a value`);
      if (isListKey(key)) {
        const item = listValue(key, trimmed);
        const values = (lists[LIST_KEYS[key]] ??= []);
        if (!values.includes(item)) values.push(item);
      } else {
        const field = key === 'checkworthy' ? key : DAY_KEYS[key];
        if (query[field] !== undefined) throw badRequest(`${key}: can be given only once`);
        if (key === 'checkworthy') query.checkworthy = parseCheckworthy(trimmed);
        else if (!isCalendarDay(trimmed)) throw badRequest(`${key}: takes a day as YYYY-MM-DD, not "${trimmed}"`);
        else query[field] = trimmed;
      }
    }
  }
  if (words.length > 0) query.text = words.join(' ');
  Object.assign(query, lists);
  if (typeof query.from === 'string' && typeof query.to === 'string' && query.from > query.to) {
    throw badRequest(`from:${query.from} is after to:${query.to}`);
  }
  if (typeof query.checkedFrom === 'string' && typeof query.checkedTo === 'string' && query.checkedFrom > query.checkedTo) {
    throw badRequest(`checkedfrom:${query.checkedFrom} is after checkedto:${query.checkedTo}`);
  }
  const checked = CorpusQuery.safeParse(query);
  if (!checked.success) throw badRequest(describeIssues(checked.error));
  return checked.data;
}

/** Writes a value as the parser reads it back: bare when it can be, else in double quotes. */
function quoteValue(value: string): string {
  return /^[^\s"\\]+$/.test(value) ? value : `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** A free word that would read as something else (a filter, a regex, a quoted string) is quoted. */
function formatWord(word: string): string {
  return KEY_PREFIX.test(word) || word.startsWith('/') || /["\\]/.test(word) ? `"${word.replace(/[\\"]/g, (char) => `\\${char}`)}"` : word;
}

/** Escapes each `/` outside brackets that is not escaped yet, so the pattern reads back between slashes. */
function escapeSlashes(source: string): string {
  let out = '';
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') {
      out += source.slice(index, index + 2);
      index += 1;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char === '/' && !inClass ? '\\/' : char;
  }
  return out;
}

/** Writes a query as a query string that parses back to the same query. */
export function formatQueryString(query: CorpusQuery): string {
  const parts: string[] = [];
  if (query.text) parts.push(...query.text.split(/\s+/).filter(Boolean).map(formatWord));
  for (const key of QUERY_KEYS) {
    if (isListKey(key)) {
      for (const value of query[LIST_KEYS[key]] ?? []) parts.push(`${key}:${quoteValue(value)}`);
    } else if (key === 'checkworthy') {
      if (query.checkworthy !== undefined) parts.push(`checkworthy:${query.checkworthy ? 'yes' : 'no'}`);
    } else if (key === 'from' || key === 'to' || key === 'checkedfrom' || key === 'checkedto') {
      const day = query[DAY_KEYS[key]];
      if (day) parts.push(`${key}:${day}`);
    }
  }
  if (query.regex) parts.push(`/${escapeSlashes(query.regex)}/`);
  return parts.join(' ');
}
