import { test as base, expect } from '@playwright/test';
import { ReaderPage } from './reader-page.ts';
import { ScholiaHost } from './scholia-host.ts';

interface ScholiaFixtures {
  /** `scholia serve` on a fresh library folder (seeded with the sample article), stopped afterwards. */
  host: ScholiaHost;
  /** The page, signed in to the host and showing the article; fails the test on a script error or a CSP violation. */
  reader: ReaderPage;
}

export const test = base.extend<ScholiaFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await ScholiaHost.start();
    await use(host);
    await host.dispose();
  },
  reader: async ({ page, host }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/iu.test(message.text()))
        problems.push(`CSP: ${message.text()}`);
    });
    const reader = new ReaderPage(page);
    await reader.open(host.url);
    await use(reader);
    expect(problems, 'no script errors and no CSP violations').toEqual([]);
  },
});

export { expect };
