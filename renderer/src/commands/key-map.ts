/** What the article's own keymap does (`session/reader-keys.ts`). */
export const READER_COMMANDS = [
  'reader.select-quotation',
  'reader.mark-claim',
  'reader.mark-quote',
  'reader.mark-entity',
  'reader.mark-note',
  'reader.tag-all',
  'reader.previous',
  'reader.next',
  'reader.previous-similar',
  'reader.next-similar',
  'reader.open-inspector',
  'reader.start-out',
  'reader.start-in',
  'reader.end-in',
  'reader.end-out',
  'reader.span-to-selection',
  'reader.change-to-claim',
  'reader.change-to-quote',
  'reader.change-to-entity',
  'reader.change-to-note',
  'reader.delete',
  'reader.clear-selection',
  'reader.toggle-checkworthy',
  'reader.speaker',
  'reader.last-speaker',
  'reader.cue',
  'reader.rename-entity',
  'reader.merge-entity',
  'reader.open-profile',
] as const;
export type ReaderCommand = (typeof READER_COMMANDS)[number];

/** What the article's keys do while a suggestion is current (`session/suggestion-keys.ts`). */
export const SUGGESTION_COMMANDS = [
  'suggestion.accept',
  'suggestion.reject',
  'suggestion.next',
  'suggestion.previous',
  'suggestion.leave',
] as const;
export type SuggestionCommand = (typeof SUGGESTION_COMMANDS)[number];

/** What a key does on a row of the review list (`components/ReviewPanel.tsx`). */
export const REVIEW_COMMANDS = ['review.accept', 'review.reject', 'review.reopen'] as const;
export type ReviewCommand = (typeof REVIEW_COMMANDS)[number];

/** What a key does on a source of a claim's evidence list (`components/EvidenceList.tsx`). */
export const EVIDENCE_COMMANDS = ['evidence.archive', 'evidence.open-snapshot'] as const;
export type EvidenceCommand = (typeof EVIDENCE_COMMANDS)[number];

/** What the page-wide keys do (`app/global-shortcuts.ts`). */
export const WINDOW_COMMANDS = [
  'window.find',
  'window.suggest',
  'window.undo',
  'window.redo',
  'window.next-region',
  'window.previous-region',
  'window.list-search',
  'window.settings',
  'window.import',
  'window.review',
  'window.export',
  'window.back-to-article',
  'window.shortcuts',
  'window.corpus-search',
  'window.tracked-claims',
  'window.team',
  'window.team-sync',
] as const;
export type WindowCommand = (typeof WINDOW_COMMANDS)[number];

export type KeyCommand = ReaderCommand | SuggestionCommand | ReviewCommand | EvidenceCommand | WindowCommand;

/**
 * One line of the key map: the key combinations (alternatives, written as the sheet shows them:
 * `Ctrl+Shift+Z`, `Alt+←`, a letter in capitals) and what they do. `does` names the command a
 * keymap binds them to — one for all the keys, or one per key in order. A line without it describes
 * keys handled elsewhere: the caret motion, the codebook's own keys, the lists' widgets, the browser.
 */
export interface KeyRow {
  keys: readonly string[];
  action: string;
  does?: KeyCommand | readonly KeyCommand[];
}

export interface KeyGroup {
  title: string;
  /** Where the keys work. */
  where: string;
  rows: readonly KeyRow[];
}

/**
 * Every key of the app: the shortcut sheet (`?`) shows it, the README's key table is generated
 * from it (`npm run keys`), and the reader's, the suggestions', the review list's and the
 * page-wide keys are bound by its commands.
 */
export const KEY_MAP: readonly KeyGroup[] = [
  {
    title: 'Select text',
    where: 'in the article',
    rows: [
      { keys: ['←', '→', '↑', '↓'], action: 'Move the caret' },
      { keys: ['Ctrl+←', 'Ctrl+→'], action: 'Move by word (Ctrl+↑/↓ by paragraph)' },
      { keys: ['Home', 'End'], action: 'Start or end of the line (with Ctrl: of the article)' },
      { keys: ['Shift+arrows'], action: 'Extend the selection (with Ctrl: word by word)' },
      { keys: ['Ctrl+F'], action: 'Find in the article; Esc leaves the match selected', does: 'window.find' },
      { keys: ['"'], action: 'Select the quotation around the caret', does: 'reader.select-quotation' },
      { keys: ['Ctrl+A'], action: 'Select the whole article' },
    ],
  },
  {
    title: 'Mark',
    where: 'with text selected',
    rows: [
      { keys: ['C'], action: 'Claim', does: 'reader.mark-claim' },
      { keys: ['Q'], action: 'Quote (with just a caret inside quotation marks: the quotation)', does: 'reader.mark-quote' },
      { keys: ['E'], action: 'Entity (links to the entity of that name, or registers it)', does: 'reader.mark-entity' },
      { keys: ['T'], action: 'Entity, and tag all its other mentions at once', does: 'reader.tag-all' },
      { keys: ['N'], action: 'Note', does: 'reader.mark-note' },
    ],
  },
  {
    title: 'Annotations',
    where: 'in the article',
    rows: [
      { keys: ['[', ']'], action: 'Previous or next annotation', does: ['reader.previous', 'reader.next'] },
      { keys: ['{', '}'], action: 'Previous or next one of the same kind', does: ['reader.previous-similar', 'reader.next-similar'] },
      { keys: ['Enter'], action: 'Open the inspector on the selected annotation', does: 'reader.open-inspector' },
      { keys: ['Alt+←', 'Alt+→'], action: 'Move the start of its span by a word (out, in)', does: ['reader.start-out', 'reader.start-in'] },
      {
        keys: ['Alt+Shift+←', 'Alt+Shift+→'],
        action: 'Move the end of its span by a word (in, out)',
        does: ['reader.end-in', 'reader.end-out'],
      },
      { keys: ['R'], action: 'Make the selected text its span', does: 'reader.span-to-selection' },
      {
        keys: ['Shift+C', 'Shift+Q', 'Shift+E', 'Shift+N'],
        action: 'Change it into a claim, quote, entity or note',
        does: ['reader.change-to-claim', 'reader.change-to-quote', 'reader.change-to-entity', 'reader.change-to-note'],
      },
      { keys: ['Delete', 'Backspace'], action: 'Delete the selected annotation', does: 'reader.delete' },
      { keys: ['Esc'], action: 'Drop the text selection, then the annotation selection', does: 'reader.clear-selection' },
    ],
  },
  {
    title: 'Claims and quotes',
    where: 'with a claim or quote selected',
    rows: [
      { keys: ['1 … 8'], action: 'Set the verdict of the selected claim (the codebook’s keys)' },
      { keys: ['W'], action: 'Worth checking, on or off', does: 'reader.toggle-checkworthy' },
      { keys: ['S'], action: 'Speaker (claimant) from the selected name; with nothing selected, type one', does: 'reader.speaker' },
      { keys: ['A'], action: 'Give the quote the last speaker used', does: 'reader.last-speaker' },
      { keys: ['U'], action: 'The selected word is the quote’s cue (“said”)', does: 'reader.cue' },
    ],
  },
  {
    title: 'Entities',
    where: 'with an entity mention selected',
    rows: [
      { keys: ['P', 'O', 'L', 'G', 'V', 'X'], action: 'Set the entity’s type (the codebook’s keys)' },
      { keys: ['T'], action: 'Tag all mentions of the entity', does: 'reader.tag-all' },
      { keys: ['{', '}'], action: 'Previous or next mention of the same entity', does: ['reader.previous-similar', 'reader.next-similar'] },
      { keys: ['F2'], action: 'Rename the entity', does: 'reader.rename-entity' },
      { keys: ['M'], action: 'Merge into another entity', does: 'reader.merge-entity' },
      {
        keys: ['Shift+P'],
        action: 'Profile across the library (of the entity, or of the selected quote’s speaker or claim’s claimant)',
        does: 'reader.open-profile',
      },
    ],
  },
  {
    title: 'Entity profile',
    where: 'in an entity’s profile or the possible duplicates',
    rows: [
      { keys: ['↑', '↓'], action: 'Move through the mentions, quotes and claims' },
      { keys: ['Enter'], action: 'Open the row in its article, the span selected' },
      { keys: ['Space'], action: 'Pick the row, to move the picked rows to a new entity' },
      { keys: ['Ctrl+Z', 'Ctrl+Shift+Z'], action: 'Undo or redo the last merge, split or edit, in every article it touched' },
      { keys: ['Esc'], action: 'Back to the article' },
    ],
  },
  {
    title: 'Lists',
    where: 'in the side panel',
    rows: [
      { keys: ['←', '→'], action: 'Switch between claims, quotes, entities and notes (on the tabs)' },
      { keys: ['↑', '↓'], action: 'Move through the items' },
      { keys: ['Enter'], action: 'Show the item in the article' },
      { keys: ['Shift+P'], action: 'On an entity: its profile across the library' },
    ],
  },
  {
    title: 'Library search',
    where: 'in the corpus search (Ctrl+Shift+F)',
    rows: [
      { keys: ['Enter'], action: 'In the search box: run the search; on a result: open it in its article' },
      { keys: ['Tab'], action: 'On to the saved searches, the filters and the results' },
      { keys: ['↑', '↓'], action: 'Move through the results (↓ from the search box goes to the first)' },
      { keys: ['Space'], action: 'Tick or untick a filter value' },
      { keys: ['Esc'], action: 'Back to the article (the search is kept for next time)' },
    ],
  },
  {
    title: 'Tracked claims',
    where: 'in the tracked claims (Ctrl+Alt+C)',
    rows: [
      { keys: ['Enter'], action: 'On an appearance: open it in its article' },
      { keys: ['Tab'], action: 'On to the suggestions’ Same claim / Not the same, each appearance and the verdict to apply' },
      { keys: ['Ctrl+Z'], action: 'Undo the last verdict applied to all appearances, in every article' },
      { keys: ['Esc'], action: 'Back to the article' },
    ],
  },
  {
    title: 'Team',
    where: 'in the team view (Ctrl+Alt+M)',
    rows: [
      { keys: ['Tab'], action: 'On to Sync now, each shared article’s stage and assignee, and the articles to share' },
      { keys: ['Space'], action: 'Tick or untick an article to share' },
      { keys: ['Esc'], action: 'Back to the article' },
    ],
  },
  {
    title: 'Evidence',
    where: 'on a source in a claim’s evidence list',
    rows: [
      { keys: ['A'], action: 'Archive the source: fetch its page and keep a snapshot in the library', does: 'evidence.archive' },
      { keys: ['O'], action: 'Open its archived snapshot, read-only', does: 'evidence.open-snapshot' },
    ],
  },
  {
    title: 'Review',
    where: 'in the review list',
    rows: [
      { keys: ['↑', '↓'], action: 'Move through their items (the article shows each)' },
      { keys: ['A', 'Enter'], action: 'Accept the item into your annotations', does: 'review.accept' },
      { keys: ['R', 'Backspace', 'Delete'], action: 'Reject the item', does: 'review.reject' },
      { keys: ['O'], action: 'Reopen (take the decision back)', does: 'review.reopen' },
    ],
  },
  {
    title: 'Suggestions',
    where: 'with a suggestion current (dashed in the article)',
    rows: [
      { keys: ['Ctrl+Alt+S'], action: 'Suggest; when suggestions show, go to the next one', does: 'window.suggest' },
      { keys: ['Enter'], action: 'Accept it as an annotation', does: 'suggestion.accept' },
      { keys: ['Backspace'], action: 'Reject it (it does not come back)', does: 'suggestion.reject' },
      { keys: ['Tab', 'Shift+Tab'], action: 'Next or previous suggestion', does: ['suggestion.next', 'suggestion.previous'] },
      { keys: ['Esc'], action: 'Leave the suggestions (the keys are the article’s again)', does: 'suggestion.leave' },
    ],
  },
  {
    title: 'Everywhere',
    where: 'anywhere in the window',
    rows: [
      { keys: ['Ctrl+Z'], action: 'Undo', does: 'window.undo' },
      { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'Redo', does: 'window.redo' },
      {
        keys: ['F6', 'Shift+F6'],
        action: 'Next or previous region: library, lists, article (or the profile in its place), inspector',
        does: ['window.next-region', 'window.previous-region'],
      },
      { keys: ['/'], action: 'Search the open list', does: 'window.list-search' },
      { keys: ['Ctrl+O'], action: 'Import an article: from files, the web or the clipboard', does: 'window.import' },
      { keys: ['Ctrl+,'], action: 'Settings: your name and the codebook', does: 'window.settings' },
      { keys: ['Ctrl+Alt+R'], action: 'Review a colleague’s tag file (or drop the .json on the window)', does: 'window.review' },
      { keys: ['Ctrl+Shift+E'], action: 'Export a report or a data file', does: 'window.export' },
      { keys: ['Ctrl+Shift+F'], action: 'Search every annotation of the library', does: 'window.corpus-search' },
      {
        keys: ['Ctrl+Alt+C'],
        action: 'Tracked claims: claims made more than once across the library, one verdict for all',
        does: 'window.tracked-claims',
      },
      { keys: ['Ctrl+Alt+M'], action: 'The team: join, share articles, members, what each annotator did', does: 'window.team' },
      { keys: ['Ctrl+Alt+Y'], action: 'Sync with the team now (it also syncs by itself every few minutes)', does: 'window.team-sync' },
      { keys: ['Esc'], action: 'From a list or the inspector: back to the article', does: 'window.back-to-article' },
      { keys: ['?'], action: 'Show every key (this sheet)', does: 'window.shortcuts' },
    ],
  },
];

/** A key combination of the map and the command it is bound to. */
export interface KeyBinding<C extends KeyCommand> {
  combo: string;
  command: C;
}

/** Every combination the map binds to a command of one keymap (each once, in the map's order). */
export function keyBindings<C extends KeyCommand>(isOwn: (command: KeyCommand) => command is C): KeyBinding<C>[] {
  const bindings = new Map<string, KeyBinding<C>>();
  for (const group of KEY_MAP) {
    for (const row of group.rows) {
      const does = row.does;
      if (does === undefined) continue;
      row.keys.forEach((combo, index) => {
        const command = typeof does === 'string' ? does : does[index];
        if (command !== undefined && isOwn(command)) bindings.set(`${combo}\n${command}`, { combo, command });
      });
    }
  }
  return [...bindings.values()];
}

/** Whether a command is the article keymap's. */
export const isReaderCommand = (command: KeyCommand): command is ReaderCommand => (READER_COMMANDS as readonly string[]).includes(command);
/** Whether a command is the suggestions' keymap's. */
export const isSuggestionCommand = (command: KeyCommand): command is SuggestionCommand =>
  (SUGGESTION_COMMANDS as readonly string[]).includes(command);
/** Whether a command is the review list's. */
export const isReviewCommand = (command: KeyCommand): command is ReviewCommand => (REVIEW_COMMANDS as readonly string[]).includes(command);
/** Whether a command is the evidence list's. */
export const isEvidenceCommand = (command: KeyCommand): command is EvidenceCommand =>
  (EVIDENCE_COMMANDS as readonly string[]).includes(command);
/** Whether a command is a page-wide one. */
export const isWindowCommand = (command: KeyCommand): command is WindowCommand => (WINDOW_COMMANDS as readonly string[]).includes(command);

const KEY_NAMES: Record<string, string> = { '←': 'ArrowLeft', '→': 'ArrowRight', '↑': 'ArrowUp', '↓': 'ArrowDown', Esc: 'Escape' };

/**
 * The prosemirror-keymap names of a combination as the map writes it: `Alt+Shift+←` is
 * `Alt-Shift-ArrowLeft`; a lone capital letter is that key in either case (Caps Lock on or off).
 */
export function keymapNames(combo: string): string[] {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  const key = parts.at(-1) ?? combo;
  const name = [...parts.slice(0, -1), KEY_NAMES[key] ?? key].join('-');
  return parts.length === 1 && /^[A-Z]$/u.test(key) ? [key.toLowerCase(), key] : [name];
}

/** The command of a key pressed without modifiers, for keymaps of plain keys (a letter in either case). */
export function plainKeyCommand<C extends KeyCommand>(key: string, isOwn: (command: KeyCommand) => command is C): C | null {
  const pressed = key.length === 1 ? key.toUpperCase() : key;
  const shown = Object.entries(KEY_NAMES).find(([, name]) => name === pressed)?.[0] ?? pressed;
  return keyBindings(isOwn).find((binding) => binding.combo === shown)?.command ?? null;
}
