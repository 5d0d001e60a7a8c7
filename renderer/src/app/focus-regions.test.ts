// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { cycleRegion } from './focus-regions.ts';

/** The window while the corpus search is shown: no article and no inspector. */
const SEARCH_PAGE = `
  <nav class="library"><button class="doc-item" aria-current="page">Article</button></nav>
  <section class="side-panel"><button role="tab" aria-selected="true">Claims</button></section>
  <main class="corpus-search"><input class="corpus-query-input" type="search"><button>Search</button></main>
`;

describe('cycleRegion', () => {
  beforeEach(() => (document.body.innerHTML = SEARCH_PAGE));

  it('takes F6 to the corpus search box in the article’s place, and on round the window', () => {
    document.querySelector<HTMLElement>('.doc-item')?.focus();
    cycleRegion(1);
    expect(document.activeElement?.getAttribute('role')).toBe('tab');
    cycleRegion(1);
    expect(document.activeElement?.className).toBe('corpus-query-input');
    cycleRegion(1);
    expect(document.activeElement?.className).toBe('doc-item');
    cycleRegion(-1);
    expect(document.activeElement?.className).toBe('corpus-query-input');
  });
});
