import { expect, type Locator, type Page } from '@playwright/test';

export type MarkKey = 'c' | 'q' | 'e' | 'n';

/** The Scholia page as the tests use it: the article, its highlights, the inspector and the status line. */
export class ReaderPage {
  readonly article: Locator;
  readonly inspector: Locator;
  readonly saveState: Locator;
  readonly statusMessage: Locator;

  constructor(readonly page: Page) {
    this.article = page.locator('.reader-text');
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.saveState = page.getByTestId('save-state');
    this.statusMessage = page.getByTestId('status-message');
  }

  /** Opens the host's launch URL (which signs the page in) and waits for the article. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.article).toBeVisible();
  }

  /**
   * Selects the `occurrence`-th (from 0) appearance of `text` in the article the way a user's drag
   * would end up: a DOM Range set as the window's selection, with the article focused.
   */
  async selectText(text: string, occurrence = 0): Promise<void> {
    await this.article.evaluate(
      (root, { text, occurrence }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; start: number }[] = [];
        let joined = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const textNode = node as Text;
          nodes.push({ node: textNode, start: joined.length });
          joined += textNode.data;
        }
        let index = -1;
        for (let seen = 0; seen <= occurrence; seen += 1) {
          index = joined.indexOf(text, index + 1);
          if (index < 0) throw new Error(`"${text}" does not occur ${occurrence + 1} time(s) in the article`);
        }
        const locate = (offset: number, isEnd: boolean): [Text, number] => {
          for (const { node, start } of nodes) {
            const end = start + node.data.length;
            if (isEnd ? offset > start && offset <= end : offset >= start && offset < end) return [node, offset - start];
          }
          throw new Error(`offset ${offset} is outside the article's text`);
        };
        const range = document.createRange();
        range.setStart(...locate(index, false));
        range.setEnd(...locate(index + text.length, true));
        (root as HTMLElement).focus({ preventScroll: true });
        // Resolves once the selectionchange has reached ProseMirror and the reader: their listeners,
        // added when the article opened, run before this one.
        const seen = new Promise<void>((resolve) => document.addEventListener('selectionchange', () => resolve(), { once: true }));
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return seen;
      },
      { text, occurrence },
    );
  }

  /** The id of the selected annotation (the one with the outline), or null. */
  async selectedId(): Promise<string | null> {
    const selected = this.page.locator('.reader-text .ann-selected');
    if ((await selected.count()) === 0) return null;
    return selected.first().getAttribute('data-annotation-id');
  }

  /** Selects `text` and presses a marking key; returns the new annotation's id, which is then selected. */
  async mark(text: string, key: MarkKey, occurrence = 0): Promise<string> {
    const before = await this.selectedId();
    await this.selectText(text, occurrence);
    await this.page.keyboard.press(key);
    await expect.poll(() => this.selectedId()).not.toBe(before);
    const id = await this.selectedId();
    if (!id) throw new Error(`pressing ${key} on "${text}" selected no annotation`);
    expect(await this.highlightText(id)).toBe(text);
    return id;
  }

  /** Every element drawing the annotation (an annotation is split where others overlap it). */
  highlight(id: string): Locator {
    return this.page.locator(`.reader-text [data-annotation-id="${id}"]`);
  }

  /** The text an annotation's highlight covers, read from the page. */
  async highlightText(id: string): Promise<string> {
    const parts = await this.highlight(id).allTextContents();
    return parts.join('');
  }

  /** The ids of the highlights of one kind, in reading order, each once. */
  async highlightIds(kind: 'claim' | 'quote' | 'entity' | 'note'): Promise<string[]> {
    const ids = await this.page
      .locator(`.reader-text .ann-${kind}`)
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-annotation-id') ?? ''));
    return [...new Set(ids)];
  }

  /** Clicks an annotation's highlight (where no other annotation is nested inside it) until it is the selected one. */
  async selectAnnotation(id: string): Promise<void> {
    await this.focusArticle();
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    const point = await this.highlight(id).evaluateAll((elements) => {
      const leaf = elements.find((element) => element.querySelector('[data-annotation-id]') === null) ?? elements[0];
      const rect = leaf?.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 } : null;
    });
    if (!point) throw new Error(`annotation ${id} is not drawn`);
    for (let click = 0; click < 4 && (await this.selectedId()) !== id; click += 1) await this.clickSpot(point, click);
    expect(await this.selectedId()).toBe(id);
  }

  /**
   * The `nth` click (from 0) of a series at one spot of the article: alternately 5.5 px above and
   * below it. Two clicks 11 px apart are not "near" for ProseMirror (10 px), so however quickly they
   * follow each other they never make a double-click, which would select a word instead.
   */
  async clickSpot(point: { x: number; y: number }, nth: number): Promise<void> {
    await this.page.mouse.click(point.x, point.y + (nth % 2 === 0 ? -5.5 : 5.5));
  }

  /** Gives the article keyboard focus without scrolling it (as a click would). */
  async focusArticle(): Promise<void> {
    await this.article.evaluate((element) => (element as HTMLElement).focus({ preventScroll: true }));
  }

  /** Waits until every change has been saved. */
  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Saved');
  }

  /** The text of the selected option of a labelled select in the inspector. */
  async selectedOptionText(label: string): Promise<string> {
    return this.inspector
      .getByLabel(label, { exact: true })
      .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.text ?? '');
  }
}
