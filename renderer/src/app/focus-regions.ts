/**
 * The window's regions in visual order, for F6 / Shift+F6: the library, the annotation lists, the
 * article (or the corpus search or a profile in its place) and the inspector. Each names where focus lands when the region is entered.
 */
const REGIONS: { name: string; container: string; targets: string[] }[] = [
  { name: 'library', container: '.library', targets: ['.doc-item[aria-current="page"]', '.doc-item', 'button'] },
  { name: 'lists', container: '.side-panel', targets: ['[role="tab"][aria-selected="true"]'] },
  { name: 'article', container: '.reader', targets: ['.reader-text'] },
  // In place of the article: an entity's profile, or the possible duplicates.
  { name: 'profile', container: '.entity-profile', targets: ['.profile-hit-button', '.duplicate button', 'button'] },
  // The corpus search takes the article's place (and the inspector's) while it is shown.
  { name: 'search', container: '.corpus-search', targets: ['.corpus-query-input'] },
  { name: 'inspector', container: '.inspector', targets: ['[data-primary-field]', 'input, select, textarea, button, [tabindex="0"]'] },
];

/** Focuses the first element matching the first selector that matches anything. */
function focusFirst(container: Element, selectors: readonly string[]): boolean {
  for (const selector of selectors) {
    const target = container.querySelector<HTMLElement>(selector);
    if (!target) continue;
    target.focus();
    if (document.activeElement === target) return true;
  }
  // A region with nothing to focus in it (an empty inspector) takes focus itself.
  if (container instanceof HTMLElement && container.tabIndex === -1 && container.hasAttribute('tabindex')) {
    container.focus();
    return document.activeElement === container;
  }
  return false;
}

/** Moves focus to the next (or previous) region of the window, wrapping round. */
export function cycleRegion(step: 1 | -1): void {
  const active = document.activeElement;
  const current = REGIONS.findIndex((region) => active?.closest(region.container));
  const start = current < 0 ? REGIONS.findIndex((region) => region.name === 'article') - step : current;
  for (let tried = 1; tried <= REGIONS.length; tried += 1) {
    const region = REGIONS[(start + step * tried + REGIONS.length * 2) % REGIONS.length];
    const container = region ? document.querySelector(region.container) : null;
    if (region && container && focusFirst(container, region.targets)) return;
  }
}

/** Focuses the inspector's first field (the verdict of a claim, the speaker of a quote…); false when it shows none. */
export function focusInspector(): boolean {
  const inspector = document.querySelector('.inspector');
  if (!inspector) return false;
  return focusFirst(inspector, ['[data-primary-field]', 'input, select, textarea']);
}

/** Focuses a named field of the inspector (by its `data-field` name). */
export function focusInspectorField(name: string): boolean {
  const field = document.querySelector<HTMLElement>(`.inspector [data-field="${CSS.escape(name)}"]`);
  field?.focus();
  return field !== null;
}

/** Whether focus is in a panel around the article (where Escape means "back to the article"). */
export function isInPanel(element: Element | null): boolean {
  return element?.closest('.side-panel, .inspector, .library') != null;
}
