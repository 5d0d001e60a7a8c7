/** One line of the shortcut sheet: the keys (alternatives) and what they do. */
export interface ShortcutRow {
  keys: readonly string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  /** Where the keys work. */
  where: string;
  rows: readonly ShortcutRow[];
}

/** Every key of the app, as the shortcut sheet (`?`) and the README show them. */
export const SHORTCUTS: readonly ShortcutGroup[] = [
  {
    title: 'Select text',
    where: 'in the article',
    rows: [
      { keys: ['←', '→', '↑', '↓'], action: 'Move the caret' },
      { keys: ['Ctrl+←', 'Ctrl+→'], action: 'Move by word (Ctrl+↑/↓ by paragraph)' },
      { keys: ['Home', 'End'], action: 'Start or end of the line (with Ctrl: of the article)' },
      { keys: ['Shift+arrows'], action: 'Extend the selection (with Ctrl: word by word)' },
      { keys: ['Ctrl+F'], action: 'Find in the article; Esc leaves the match selected' },
      { keys: ['"'], action: 'Select the quotation around the caret' },
      { keys: ['Ctrl+A'], action: 'Select the whole article' },
    ],
  },
  {
    title: 'Mark',
    where: 'with text selected',
    rows: [
      { keys: ['C'], action: 'Claim' },
      { keys: ['Q'], action: 'Quote (with just a caret inside quotation marks: the quotation)' },
      { keys: ['E'], action: 'Entity (links to the entity of that name, or registers it)' },
      { keys: ['T'], action: 'Entity, and tag all its other mentions at once' },
      { keys: ['N'], action: 'Note' },
    ],
  },
  {
    title: 'Annotations',
    where: 'in the article',
    rows: [
      { keys: ['[', ']'], action: 'Previous or next annotation' },
      { keys: ['{', '}'], action: 'Previous or next one of the same kind' },
      { keys: ['Enter'], action: 'Open the inspector on the selected annotation' },
      { keys: ['Alt+←', 'Alt+→'], action: 'Move the start of its span by a word (out, in)' },
      { keys: ['Alt+Shift+←', 'Alt+Shift+→'], action: 'Move the end of its span by a word (in, out)' },
      { keys: ['R'], action: 'Make the selected text its span' },
      { keys: ['Shift+C', 'Shift+Q', 'Shift+E', 'Shift+N'], action: 'Change it into a claim, quote, entity or note' },
      { keys: ['Delete'], action: 'Delete the selected annotation' },
      { keys: ['Esc'], action: 'Drop the text selection, then the annotation selection' },
    ],
  },
  {
    title: 'Claims and quotes',
    where: 'with a claim or quote selected',
    rows: [
      { keys: ['1 … 8'], action: 'Set the verdict of the selected claim' },
      { keys: ['W'], action: 'Worth checking, on or off' },
      { keys: ['S'], action: 'Speaker (claimant) from the selected name; with nothing selected, type one' },
      { keys: ['A'], action: 'Give the quote the last speaker used' },
      { keys: ['U'], action: 'The selected word is the quote’s cue (“said”)' },
    ],
  },
  {
    title: 'Entities',
    where: 'with an entity mention selected',
    rows: [
      { keys: ['P', 'O', 'L', 'G', 'V', 'X'], action: 'Set the entity’s type (the codebook’s keys)' },
      { keys: ['T'], action: 'Tag all mentions of the entity' },
      { keys: ['{', '}'], action: 'Previous or next mention of the same entity' },
      { keys: ['F2'], action: 'Rename the entity' },
      { keys: ['M'], action: 'Merge into another entity' },
    ],
  },
  {
    title: 'Lists',
    where: 'in the side panel',
    rows: [
      { keys: ['←', '→'], action: 'Switch between claims, quotes, entities and notes (on the tabs)' },
      { keys: ['↑', '↓'], action: 'Move through the items' },
      { keys: ['Enter'], action: 'Show the item in the article' },
    ],
  },
  {
    title: 'Review',
    where: 'in the review list',
    rows: [
      { keys: ['↑', '↓'], action: 'Move through their items (the article shows each)' },
      { keys: ['A', 'Enter'], action: 'Accept the item into your annotations' },
      { keys: ['R', 'Backspace'], action: 'Reject the item' },
      { keys: ['O'], action: 'Reopen (take the decision back)' },
    ],
  },
  {
    title: 'Suggestions',
    where: 'with a suggestion current (dashed in the article)',
    rows: [
      { keys: ['Ctrl+Alt+S'], action: 'Suggest; when suggestions show, go to the next one' },
      { keys: ['Enter'], action: 'Accept it as an annotation' },
      { keys: ['Backspace'], action: 'Reject it (it does not come back)' },
      { keys: ['Tab', 'Shift+Tab'], action: 'Next or previous suggestion' },
      { keys: ['Esc'], action: 'Leave the suggestions (the keys are the article’s again)' },
    ],
  },
  {
    title: 'Everywhere',
    where: 'anywhere in the window',
    rows: [
      { keys: ['Ctrl+Z'], action: 'Undo' },
      { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], action: 'Redo' },
      { keys: ['F6', 'Shift+F6'], action: 'Next or previous region: library, lists, article, inspector' },
      { keys: ['/'], action: 'Search the open list' },
      { keys: ['Ctrl+,'], action: 'Settings: your name and the codebook' },
      { keys: ['Ctrl+Alt+R'], action: 'Review a colleague’s tag file (or drop the .json on the window)' },
      { keys: ['Ctrl+Shift+E'], action: 'Export a report or a data file' },
      { keys: ['Esc'], action: 'From a list or the inspector: back to the article' },
      { keys: ['?'], action: 'This sheet' },
    ],
  },
];
