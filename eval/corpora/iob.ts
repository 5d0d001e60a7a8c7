// Reads CoNLL-style IOB files: one token per line (`token<TAB or space>tag`, extra columns before the
// tag ignored), a blank line between sentences. WikiANN's `en:` language prefix is dropped.

export interface IobSentence {
  tokens: string[];
  tags: string[];
}

export function parseIob(text: string): IobSentence[] {
  const sentences: IobSentence[] = [];
  let current: IobSentence = { tokens: [], tags: [] };
  const flush = () => {
    if (current.tokens.length) sentences.push(current);
    current = { tokens: [], tags: [] };
  };
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('-DOCSTART-')) return flush();
    const columns = line.trim().split(/\s+/u);
    const tag = columns.at(-1) ?? '';
    if (columns.length < 2 || !/^(?:O|[BIES]-\S+)$/u.test(tag))
      throw new Error(`IOB line ${index + 1}: expected “token tag”, got “${line}”`);
    current.tokens.push((columns[0] ?? '').replace(/^[a-z]{2,3}:(?=.)/u, ''));
    current.tags.push(tag);
  });
  flush();
  return sentences;
}

export interface IobMention {
  start: number;
  end: number;
  type: string;
}

/** Tokens that attach to the word before them, and those that attach to the word after. */
const NO_SPACE_BEFORE = /^(?:[.,;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/u;
const NO_SPACE_AFTER = /^[([{$]$/u;

/**
 * A sentence as text (tokens joined by a space, none before closing punctuation) with its gold
 * mentions as character spans; an `I-` tag after `O` or another type starts a mention, as conlleval reads it.
 */
export function sentenceText(sentence: IobSentence): { text: string; mentions: IobMention[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  sentence.tokens.forEach((token, index) => {
    const previous = sentence.tokens[index - 1];
    if (index > 0 && !NO_SPACE_BEFORE.test(token) && !(previous && NO_SPACE_AFTER.test(previous))) text += ' ';
    starts.push(text.length);
    text += token;
    ends.push(text.length);
  });
  const mentions: IobMention[] = [];
  let open: IobMention | null = null;
  sentence.tags.forEach((tag, index) => {
    const [prefix, type = ''] = tag === 'O' ? ['O'] : [tag.slice(0, 1), tag.slice(2)];
    const continues = open !== null && (prefix === 'I' || prefix === 'E') && open.type === type;
    if (!continues && open) {
      mentions.push(open);
      open = null;
    }
    if (prefix === 'O') return;
    const start = starts[index] ?? 0;
    const end = ends[index] ?? start;
    if (continues && open) open.end = end;
    else open = { start, end, type };
    if (prefix === 'S' || prefix === 'E') {
      mentions.push(open);
      open = null;
    }
  });
  if (open) mentions.push(open);
  return { text, mentions };
}
