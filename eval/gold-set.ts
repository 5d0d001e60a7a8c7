import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalText } from '../shared/text/canonical.ts';

/** A span of a gold text given by its words and which occurrence of them it is (0 = the first). */
export interface GoldSpanRef {
  text: string;
  occurrence?: number;
}

interface GoldFile {
  title: string;
  /** Kept apart from the texts the rules were written against: reported on their own as a check. */
  heldOut: boolean;
  paragraphs: string[];
  /** Every occurrence of an entity's name or alias (whole words, longest first) is one of its mentions. */
  entities: { name: string; type: string; aliases: string[] }[];
  quotes: (GoldSpanRef & { speaker: string | null; form: 'direct' | 'indirect' | 'mixed' })[];
  claims: GoldSpanRef[];
}

export interface Span {
  start: number;
  end: number;
}

export interface GoldText {
  file: string;
  title: string;
  heldOut: boolean;
  text: string;
  mentions: (Span & { entity: string; type: string })[];
  quotes: (Span & { speaker: string | null; form: string })[];
  claims: Span[];
  /** Each gold entity's name and aliases, lower-cased, for judging a speaker. */
  names: Map<string, string[]>;
}

/** Where the `occurrence`-th appearance of `words` starts; a missing one is an error in the gold file. */
export function locate(text: string, ref: GoldSpanRef, file: string): Span {
  let at = -1;
  for (let seen = 0; seen <= (ref.occurrence ?? 0); seen += 1) {
    at = text.indexOf(ref.text, at + 1);
    if (at < 0) throw new Error(`${file}: “${ref.text}” (occurrence ${ref.occurrence ?? 0}) is not in the text`);
  }
  return { start: at, end: at + ref.text.length };
}

const isWordChar = (char: string) => /[\p{L}\p{N}]/u.test(char);

/** Every whole-word occurrence of an entity's names, longest names first, never two on the same words. */
function mentionsOf(text: string, entities: GoldFile['entities']): GoldText['mentions'] {
  const names = entities.flatMap((entity) => [entity.name, ...entity.aliases].map((name) => ({ name, entity })));
  names.sort((a, b) => b.name.length - a.name.length);
  const found: GoldText['mentions'] = [];
  for (const { name, entity } of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      const whole = !isWordChar(text.charAt(at - 1)) && !isWordChar(text.charAt(end));
      if (!whole || found.some((mention) => mention.start < end && mention.end > at)) continue;
      found.push({ start: at, end, entity: entity.name, type: entity.type });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function readGold(file: string): GoldText {
  const gold = JSON.parse(readFileSync(file, 'utf8')) as GoldFile;
  const name = path.basename(file);
  const text = canonicalText(gold.paragraphs);
  return {
    file: name,
    title: gold.title,
    heldOut: gold.heldOut,
    text,
    mentions: mentionsOf(text, gold.entities),
    quotes: gold.quotes.map((quote) => ({ ...locate(text, quote, name), speaker: quote.speaker, form: quote.form })),
    claims: gold.claims.map((claim) => locate(text, claim, name)),
    names: new Map(gold.entities.map((entity) => [entity.name, [entity.name, ...entity.aliases].map((n) => n.toLowerCase())])),
  };
}

/** The gold texts of a folder, in file order. */
export function readGoldSet(dir: string): GoldText[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => readGold(path.join(dir, file)));
}
