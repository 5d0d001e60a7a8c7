import type { CoarseType } from './entity-types.ts';
import { placeNames } from './gazetteer.ts';
import type { TaggedSentence, TaggedTerm } from './nlp-terms.ts';
import type { Span } from './suggestion.ts';

/** A name in the text: its span, as written (titles, brackets and possessive `’s` left out), and the type its words suggest. */
export interface NameMention extends Span {
  name: string;
  type: CoarseType;
  /** What the type rests on, for the analyst. */
  evidence: string;
  /** From the first name, when the lexicon knows it: lets "she" skip a man and "he" a woman. */
  gender?: 'female' | 'male';
  /** Whether it opens its sentence, where any word is capitalised. */
  sentenceInitial: boolean;
}

/** Titles and roles written before a name; they are not part of it and split a run ("Parliament President Roberta Metsola"). */
const TITLES = new Set(
  'president vice prime minister chancellor secretary spokesperson spokesman spokeswoman chief director general senator governor mayor mr mrs ms dr prof professor judge councillor councilor leader executive researcher lecturer chairperson head editor reporter correspondent analyst economist sir dame lord lady king queen prince princess pope commissioner chair chairman chairwoman ceo minister-president deputy mp mep ambassador captain colonel sergeant officer inspector lieutenant rep reps sen sens gov del lt gen col maj capt sgt adm rev hon supt'.split(
    ' ',
  ),
);

/** Capitalised words that start sentences but name nothing. */
const NOT_NAMES = new Set(
  'this that these those the a an it its we our my he she they his her their in on at by under only but and or if when while after before since as for from with during there here what who how why yes no some many most all every each both one two three'.split(
    ' ',
  ),
);

/** Words that make a name an organisation, first or last ("Department of Conservation", "Project Jonah", "Labour Party"). */
const ORGANIZATION_WORDS = new Set(
  'parliament council commission ministry department agency office party union bank court police army navy university institute school association federation company group corporation inc ltd plc llc gmbh corp co foundation committee authority board network news times post press assembly senate congress government administration league club fund trust hospital clinic museum library airport station project bureau service services centre center society institution academy college coalition alliance movement campaign organisation organization tribune herald journal guardian telegraph gazette broadcasting media studios airlines airways railways church cathedral charity diocese chamber convention fc afc united rovers athletic wanderers records holdings technologies pharmaceuticals motors magazine'.split(
    ' ',
  ),
);

/** Organisation words that may open a name whose other words the lexicon does not take for a name ("Project Jonah", "Department of …"). */
const LEADING_ORGANIZATION_WORDS = new Set(
  'project department ministry university bank council museum agency office bureau institute foundation fund commission committee court board hospital college academy church society diocese chamber convention league'.split(
    ' ',
  ),
);

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region', 'Address'];

function hasTag(term: TaggedTerm, tags: readonly string[]): boolean {
  return tags.some((tag) => term.tags.has(tag));
}

/** The term's span without leading and trailing marks, brackets and a possessive `’s`. */
function bareSpan(text: string, term: TaggedTerm): Span | null {
  let start = term.start;
  let end = term.end;
  while (start < end && /[^\p{L}\p{N}]/u.test(text.charAt(start))) start += 1;
  const possessive = /['’]s?$/u.exec(text.slice(start, end));
  if (possessive) end -= possessive[0].length;
  while (end > start && /[^\p{L}\p{N}]/u.test(text.charAt(end - 1))) end -= 1;
  return end > start ? { start, end } : null;
}

function isNameTerm(term: TaggedTerm, bare: string): boolean {
  if (!/^\p{Lu}/u.test(bare)) return false;
  if (hasTag(term, ['Date', 'Month', 'WeekDay', 'Pronoun', 'Determiner'])) return false;
  if (term.tags.has('Acronym')) return term.tags.has('Organization') || /^\p{Lu}{2,}s$/u.test(bare) || placeNames().has(bare.toLowerCase());
  return term.tags.has('ProperNoun') || hasTag(term, PERSON_TAGS) || hasTag(term, PLACE_TAGS) || term.tags.has('Organization');
}

/** Whether the text between two terms keeps them in one name: plain space, or a hyphen. */
function joins(text: string, left: TaggedTerm, right: TaggedTerm): boolean {
  const between = text.slice(left.end, right.start);
  // An initial's full stop stays inside the name: "Steven M. Rosenthal".
  if (!/^[ -]?$/u.test(between) && !(/^\p{Lu}$/u.test(left.text) && /^\. $/u.test(between))) return false;
  // A possessive ends a name ("Metsola’s team"), unless an organisation's own word follows ("St Mary’s Hospital").
  return !/['’]s?$/u.test(left.text) || ORGANIZATION_WORDS.has(right.text.toLowerCase());
}

function typeOf(run: readonly TaggedTerm[], words: readonly string[]): { type: CoarseType; evidence: string } {
  const last = (words.at(-1) ?? '').toLowerCase();
  const first = (words[0] ?? '').toLowerCase();
  if (ORGANIZATION_WORDS.has(last) || (words.length > 1 && LEADING_ORGANIZATION_WORDS.has(first)))
    return { type: 'organization', evidence: `an organisation’s word (“${ORGANIZATION_WORDS.has(last) ? words.at(-1) : words[0]}”)` };
  if (placeNames().has(words.join(' ').toLowerCase()))
    return { type: 'location', evidence: 'in the gazetteer of countries, states and cities' };
  if (run.some((term) => term.tags.has('Organization'))) return { type: 'organization', evidence: 'an organisation’s name' };
  if (run.some((term) => hasTag(term, PERSON_TAGS))) return { type: 'person', evidence: 'a person’s name' };
  if (run.some((term) => hasTag(term, PLACE_TAGS))) return { type: 'location', evidence: 'a place name' };
  if (words.length === 1 && /^\p{Lu}{2,}s$/u.test(words[0] ?? '')) return { type: 'group', evidence: 'a plural acronym' };
  return { type: 'other', evidence: 'a capitalised name' };
}

function genderOf(run: readonly TaggedTerm[]): NameMention['gender'] {
  const first = run[0];
  if (first?.tags.has('FemaleName')) return 'female';
  if (first?.tags.has('MaleName')) return 'male';
  return undefined;
}

/** A name right after a title or role ("councillor Priya Nair", "Judge Helen Carter") is a person's, whatever the lexicon says. */
function afterTitle(mention: NameMention): NameMention {
  return mention.type === 'other' ? { ...mention, type: 'person', evidence: 'a name after a title or role' } : mention;
}

function mentionOf(text: string, words: readonly TaggedTerm[], sentenceInitial: boolean): NameMention | null {
  const run = words.at(-1)?.text === 'of' ? words.slice(0, -1) : words;
  const spans = run.map((term) => bareSpan(text, term)).filter((span): span is Span => span !== null);
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return null;
  const names = spans.map((span) => text.slice(span.start, span.end));
  // A lone demonym ("Russian vote") describes; it does not name.
  if (run.length === 1 && run[0]?.tags.has('Demonym')) return null;
  const end = last.end;
  const gender = genderOf(run);
  return {
    start: first.start,
    end,
    name: text.slice(first.start, end),
    ...typeOf(run, names),
    sentenceInitial,
    ...(gender ? { gender } : {}),
  };
}

/**
 * The names of a tagged text: runs of proper nouns (compromise's tags), split at titles, without
 * sentence-initial words that name nothing, lone demonyms, dates or acronyms that are not
 * organisations or groups.
 */
export function nameMentions(text: string, sentences: readonly TaggedSentence[], registryNames: readonly string[] = []): NameMention[] {
  const known = new Set(registryNames.flatMap((name) => name.toLowerCase().split(/\s+/u)));
  // Twice: a capitalised word the tagger did not take for a name (a surname opening a sentence)
  // counts when it is a word of a name found elsewhere in the text or in the registry.
  for (const mention of mentionsWith(text, sentences, known)) for (const word of mention.name.toLowerCase().split(/\s+/u)) known.add(word);
  return mentionsWith(text, sentences, known);
}

function mentionsWith(text: string, sentences: readonly TaggedSentence[], known: ReadonlySet<string>): NameMention[] {
  const mentions: NameMention[] = [];
  for (const sentence of sentences) {
    let run: TaggedTerm[] = [];
    let titled = false;
    const close = () => {
      const mention = run.length > 0 ? mentionOf(text, run, run[0] === sentence.terms[0]) : null;
      if (mention) mentions.push(titled ? afterTitle(mention) : mention);
      run = [];
    };
    const isName = (term: TaggedTerm | undefined): boolean => {
      const span = term ? bareSpan(text, term) : null;
      if (!term || !span || /-$/u.test(term.text)) return false;
      const bare = text.slice(span.start, span.end);
      const lower = bare.toLowerCase();
      return (isNameTerm(term, bare) || (/^\p{Lu}/u.test(bare) && known.has(lower))) && !TITLES.has(lower) && !NOT_NAMES.has(lower);
    };
    sentence.terms.forEach((term, index) => {
      const previous = run.at(-1);
      // "Bank of England", "Denial of Service": a lower-case "of" between two names joins them.
      const linking = previous !== undefined && /^of$/u.test(term.text) && isName(sentence.terms[index + 1]) && joins(text, previous, term);
      // "State-sponsor": a capital before a hyphen and a common word names nothing.
      // "G.K. Butterfield": initials before a name belong to it; so does an organisation's opening word ("Project Jonah",
      // "Department of Conservation") and a capitalised word the lexicon knows only as a noun ("Hori Parata").
      const next = sentence.terms[index + 1];
      const nextIsName = isName(next) || (next?.text === 'of' && isName(sentence.terms[index + 2]));
      const initials =
        (/^(?:\p{Lu}\.)+\p{Lu}?\.?$/u.test(term.text) || (/^\p{Lu}$/u.test(term.text) && /^\. $/u.test(term.post))) && isName(next);
      // "Mitch McConnell": a capital the lexicon knows only as a noun, right after a first name, is the surname.
      const surname =
        previous !== undefined &&
        previous.tags.has('FirstName') &&
        /^\p{Lu}/u.test(term.text) &&
        [...term.tags].every((tag) => tag === 'Noun' || tag === 'Singular');
      const leading =
        /^\p{Lu}/u.test(term.text) &&
        term.post === ' ' &&
        nextIsName &&
        (LEADING_ORGANIZATION_WORDS.has(term.text.toLowerCase()) || [...term.tags].every((tag) => tag === 'Noun' || tag === 'Singular'));
      // "Mr. King": after an honorific, a capitalised word is a surname even when it is also a title.
      const before = sentence.terms[index - 1];
      const afterHonorific = before !== undefined && /^(?:mr|mrs|ms|mx|dr)\.?$/iu.test(before.text) && /^\p{Lu}\p{Ll}/u.test(term.text);
      const nameLike =
        linking ||
        initials ||
        surname ||
        leading ||
        afterHonorific ||
        (isName(term) && !(term.post === '-' && !isName(sentence.terms[index + 1])));
      if (!nameLike || (previous && !joins(text, previous, term))) close();
      if (nameLike && run.length === 0) {
        const before = sentence.terms[index - 1];
        titled = before !== undefined && /^\.?\s+$/u.test(before.post) && TITLES.has(before.text.toLowerCase().replace(/\.$/u, ''));
      }
      if (nameLike) run.push(term);
      if (/[,;:()"“”]/u.test(term.post)) close();
    });
    close();
  }
  return mentions;
}
