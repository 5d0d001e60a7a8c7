import type { Page } from 'playwright-core';

/** What the page checks to call an article fully rendered. */
export interface ArticleExpectation {
  /** The title of the document, as the library lists it. */
  title: string;
  /** How many annotations the document holds. */
  annotations: number;
  /** The text of the article's last paragraph. */
  lastParagraph: string;
}

/**
 * Clicks a document in the library and returns the milliseconds from the click (which makes the
 * `library.get` call) to the first paint of a fully rendered, scrollable reader: a new article
 * element whose last paragraph is the article's last paragraph (the whole text is in the page),
 * with every annotation in the reader's highlight state and highlights drawn, in a scroll area
 * taller than the window, laid out and painted.
 */
export async function openFromLibrary(page: Page, expected: ArticleExpectation): Promise<number> {
  return page.evaluate(async ({ title, annotations, lastParagraph }) => {
    const before = document.querySelector('.reader-text');
    const button = [...document.querySelectorAll<HTMLElement>('.doc-item')].find(
      (item) => item.querySelector('.doc-title')?.textContent === title,
    );
    if (!button) throw new Error(`"${title}" is not in the library`);
    if (button.getAttribute('aria-current') === 'page') throw new Error(`"${title}" is open already`);
    const scroller = document.querySelector<HTMLElement>('.reading-scroll');
    if (!scroller) throw new Error('no reading area');
    const startedAt = performance.now();
    button.click();
    return window.benchProbes.whenReady(() => {
      const root = document.querySelector<HTMLElement>('.reader-text');
      if (!root || root === before || Number(root.dataset.highlightCount) !== annotations) return false;
      // The last block, inside the last section where a long article has them.
      let last = root.lastElementChild;
      while (last && last.tagName !== 'P') last = last.lastElementChild;
      if (last?.textContent !== lastParagraph) return false;
      if (annotations > 0 && !root.querySelector('[data-annotation-id]')) return false;
      return scroller.scrollHeight > scroller.clientHeight;
    }, startedAt);
  }, expected);
}

/** Opens a document from the library unless it is the open one. */
export async function showDocument(page: Page, expected: ArticleExpectation): Promise<void> {
  const open = await page.evaluate(
    (title) => document.querySelector('.doc-item[aria-current="page"] .doc-title')?.textContent === title,
    expected.title,
  );
  if (!open) await openFromLibrary(page, expected);
}

/**
 * The static-HTML baseline in the same page: fetches the article as HTML with its highlights as
 * `<mark>` elements from the same host, puts it in a reading column of the same scroll area (the
 * app's column hidden meanwhile), and returns the milliseconds from the fetch to the first paint of
 * it laid out and scrollable. The column is removed afterwards; its marks are counted (untimed).
 */
export async function openStaticBaseline(page: Page, url: string, expected: ArticleExpectation): Promise<{ ms: number; marked: number }> {
  return page.evaluate(
    async ({ url, lastParagraph }) => {
      const { scroller, column } = window.benchProbes.baselineColumn();
      try {
        const startedAt = performance.now();
        const response = await fetch(url, { cache: 'no-store' });
        column.innerHTML = await response.text();
        const ms = await window.benchProbes.whenReady(() => {
          const root = column.querySelector('.reader-text');
          return root?.lastElementChild?.textContent === lastParagraph && scroller.scrollHeight > scroller.clientHeight;
        }, startedAt);
        const marked = new Set([...column.querySelectorAll('mark')].map((mark) => mark.getAttribute('data-annotation-id'))).size;
        return { ms, marked };
      } finally {
        window.benchProbes.removeBaselineColumn();
      }
    },
    { url, lastParagraph: expected.lastParagraph },
  );
}
