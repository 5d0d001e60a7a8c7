import { expect, test, type Page } from '@playwright/test';
import { startGitHttpServer, type GitHttpServer } from '../electron/services/testing/git-http-server.ts';
import { ReaderPage } from './support/reader-page.ts';
import { annotation, sampleDocument } from './support/review-files.ts';
import { ScholiaHost } from './support/scholia-host.ts';
import { shoot } from './support/screenshots.ts';

/** The token the team's Git server wants (Basic auth), typed into the join dialog. */
const TOKEN = 'e2e-team-token-7f3a';

/** Spans of the sample article Alice marks. */
const SPANS = {
  claimA: 'state sponsor of terrorism',
  claimB: 'the outage was due to "high levels of external network traffic,"',
  note: 'pro-Kremlin group',
} as const;

/** A page on a host, failing the test on a script error or a CSP violation, with the article open. */
async function openPage(page: Page, host: ScholiaHost, problems: string[]): Promise<ReaderPage> {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/iu.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  const reader = new ReaderPage(page);
  await reader.open(host.url);
  return reader;
}

/** Joins (or creates) the team from the team view, the way the analyst does: Ctrl+Alt+M, the join dialog, the token typed. */
async function joinTeam(reader: ReaderPage, server: GitHttpServer, create?: { name: string; screenshot: string }): Promise<void> {
  const page = reader.page;
  await reader.article.focus();
  await page.keyboard.press('Control+Alt+M');
  const view = page.getByRole('main', { name: 'Team' });
  await expect(view).toContainText('This library is in no team');
  await view.getByRole('button', { name: 'Join or create a team…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join a team' });
  await expect(dialog).toBeVisible();
  if (create) await dialog.getByLabel('Create a new team there').check();
  const form = page.getByRole('dialog', { name: create ? 'Create a team' : 'Join a team' });
  await form.getByLabel('Team repository').fill(server.url('team.git'));
  if (create) await form.getByLabel('Team name').fill(create.name);
  const token = form.getByLabel('Access token');
  await expect(token).toHaveAttribute('type', 'password');
  await token.fill(TOKEN);
  if (create) await shoot(page, create.screenshot);
  await form.getByRole('button', { name: create ? 'Create and join' : 'Join' }).click();
  await expect(form).toBeHidden();
  await expect(view.getByRole('heading', { level: 1 })).toHaveText(create?.name ?? 'Europe desk');
  // The token went to the host, never back to the page.
  expect(await page.content()).not.toContain(TOKEN);
}

/** Ticks the library's article in "Share articles", shares it, and syncs; waits for the status line to say it synced. */
async function shareAndSync(reader: ReaderPage, title: string): Promise<void> {
  const view = reader.page.getByRole('main', { name: 'Team' });
  const share = view.getByRole('region', { name: 'Share articles' });
  await share.getByLabel(title).check();
  await share.getByRole('button', { name: 'Share ticked (1)' }).click();
  await expect(view.getByRole('table').getByRole('row', { name: new RegExp(pattern(title), 'u') })).toBeVisible();
  await syncNow(reader);
}

async function syncNow(reader: ReaderPage): Promise<void> {
  await reader.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(reader.page.getByTestId('team-sync-status')).toHaveText(/^Synced \d/u);
}

function pattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

test('two analysts share an article through a Git server: Alice’s layer reaches Bob’s Review, Bob’s decisions reach Alice', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const server = await startGitHttpServer({ token: TOKEN });
  await server.createRepository('team.git');
  const alice = await ScholiaHost.start();
  const bob = await ScholiaHost.start();
  const problems: string[] = [];
  const aliceContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const bobContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await alice.call('settings.set', { annotatorName: 'Alice', profileSet: true });
    await bob.call('settings.set', { annotatorName: 'Bob', profileSet: true });
    const { document } = await sampleDocument(alice);
    const title = document.meta.title;
    const text = document.text;
    await alice.call('annotations.apply', {
      documentId: document.id,
      ops: [
        annotation(text, 'alice-claim-a', 'claim', SPANS.claimA, { status: 'mostly-true' }, 'Alice'),
        annotation(text, 'alice-claim-b', 'claim', SPANS.claimB, { status: 'false' }, 'Alice'),
        annotation(text, 'alice-note', 'note', SPANS.note, { note: 'Which group?' }, 'Alice'),
      ].map((item) => ({ op: 'annotation.add', annotation: item })),
    });

    const aliceReader = await openPage(await aliceContext.newPage(), alice, problems);
    const bobReader = await openPage(await bobContext.newPage(), bob, problems);

    await test.step('Alice creates the team, shares the article and syncs', async () => {
      await joinTeam(aliceReader, server, { name: 'Europe desk', screenshot: 'team-join-dialog' });
      await shareAndSync(aliceReader, title);
      await expect(aliceReader.page.getByTestId('team-sync-status')).toHaveText(/yours pushed/u);
      expect(server.requests.some((request) => request.service === 'git-receive-pack' && request.status === 200)).toBe(true);
    });

    await test.step('Bob joins, shares the same article and syncs: Alice’s layer arrives in his Review', async () => {
      await joinTeam(bobReader, server);
      await shareAndSync(bobReader, title);
      await expect(bobReader.page.getByTestId('team-sync-status')).toHaveText(/1 article from Alice/u);
      const row = bobReader.page.getByRole('main', { name: 'Team' }).getByRole('row', { name: new RegExp(pattern(title), 'u') });
      await expect(row).toContainText('Alice: 2 claims, 1 note');
      await row.getByRole('button', { name: title }).click();
      await bobReader.page.getByRole('button', { name: 'Open review' }).click();
      const panel = bobReader.page.getByRole('region', { name: 'Review' });
      await expect(panel.getByRole('heading', { name: /Alice/u })).toBeVisible();
      await expect(panel.locator('.review-list > li')).toHaveCount(3);
      // The colleague is named, not the layer's path in the team repository.
      await expect(panel.locator('.review-file')).toContainText('Alice’s annotations, from the team');
      await expect(panel.locator('.review-header')).not.toContainText('articles/');
      await shoot(bobReader.page, 'review-team-layer');
    });

    await test.step('Bob accepts one claim, rejects the note, and syncs', async () => {
      const panel = bobReader.page.getByRole('region', { name: 'Review' });
      await panel.locator('[data-review-item-id="alice-claim-a"]').getByRole('button', { name: 'Accept' }).click();
      await expect(panel.locator('[data-review-item-id="alice-claim-a"]')).toHaveClass(/review-decision-accepted/u);
      await panel.locator('[data-review-item-id="alice-note"]').getByRole('button', { name: 'Reject' }).click();
      await expect(panel.locator('[data-review-item-id="alice-note"]')).toHaveClass(/review-decision-rejected/u);
      await expect(bobReader.article).toHaveAttribute('data-highlight-count', '1');
      await bobReader.page.keyboard.press('Control+Alt+M');
      await syncNow(bobReader);
      await expect(bobReader.page.getByTestId('team-to-push')).toHaveText('nothing');
    });

    await test.step('Bob’s accepted claim keeps his name and says where it came from', async () => {
      await bobReader.page.getByRole('main', { name: 'Team' }).getByRole('button', { name: 'Back to the article' }).click();
      await bobReader.article.locator('.ann-claim').first().click();
      await expect(bobReader.page.getByTestId('annotation-history')).toContainText(/^History Accepted by Bob from Alice on /u);
    });

    await test.step('Alice syncs and sees Bob’s layer and his decisions on hers', async () => {
      await syncNow(aliceReader);
      await expect(aliceReader.page.getByTestId('team-sync-status')).toHaveText(/1 article from Bob/u);
      const row = aliceReader.page.getByRole('main', { name: 'Team' }).getByRole('row', { name: new RegExp(pattern(title), 'u') });
      await expect(row).toContainText('You: 2 claims, 1 note');
      await expect(row).toContainText('Bob: 1 claim');
      await expect(row).toContainText('reviewed yours: 1 accepted, 1 rejected');
      await row.getByLabel(`Assignee of ${title}`).selectOption({ label: 'Bob' });
      await row.getByLabel(`Stage of ${title}`).selectOption('in-progress');
      await syncNow(aliceReader);
      await shoot(aliceReader.page, 'team-status');
    });

    await test.step('Bob sees the stage and that the article is his', async () => {
      await bobReader.page.keyboard.press('Control+Alt+Y');
      await expect(bobReader.page.getByTestId('team-sync-status')).toHaveText(/^Synced \d/u);
      await bobReader.page.keyboard.press('Control+Alt+M');
      const row = bobReader.page.getByRole('main', { name: 'Team' }).getByRole('row', { name: new RegExp(pattern(title), 'u') });
      await expect(row.getByLabel(`Assignee of ${title}`)).toHaveValue(/bob/u);
      await expect(row.getByLabel(`Stage of ${title}`)).toHaveValue('in-progress');
    });

    await test.step('the server down: the status line says so, and the next sync catches up', async () => {
      await server.stop();
      await bobReader.page.getByRole('button', { name: 'Sync now' }).click();
      await expect(bobReader.page.getByTestId('team-sync-status')).toHaveText(/^Offline/u);
      const lastSync = bobReader.page.getByTestId('team-last-sync');
      await expect(lastSync).toContainText("What happened: The team's server could not be reached.");
      // Git's own words wait behind "Details", without the token.
      const gitWords = bobReader.page.getByTestId('team-sync-git');
      await expect(gitWords).toBeHidden();
      await lastSync.getByText('Details', { exact: true }).click();
      await expect(gitWords).toBeVisible();
      await expect(gitWords).toContainText(/unable to access|Failed to connect|Connection refused/u);
      await expect(gitWords).not.toContainText(TOKEN);
      await shoot(bobReader.page, 'team-status-offline');
      await server.start();
      await syncNow(bobReader);
    });

    await test.step('a wrong token makes the sync fail; entering the right one again makes it succeed', async () => {
      const enterToken = async (token: string) => {
        await bobReader.page.getByRole('button', { name: 'Enter token again…' }).click();
        const dialog = bobReader.page.getByRole('dialog', { name: 'Enter the token again' });
        const field = dialog.getByLabel('Access token');
        await expect(field).toHaveAttribute('type', 'password');
        await field.fill(token);
        if (token === TOKEN) await shoot(bobReader.page, 'team-token-again');
        await dialog.getByRole('button', { name: 'Use this token' }).click();
        await expect(dialog).toBeHidden();
      };
      await enterToken('not-the-token');
      await bobReader.page.getByRole('button', { name: 'Sync now' }).click();
      await expect(bobReader.page.getByTestId('team-sync-status')).toHaveText(/^Sync failed .*refused the credentials/u);
      await enterToken(TOKEN);
      await syncNow(bobReader);
      expect(await bobReader.page.content()).not.toContain(TOKEN);
    });
    expect(problems, 'no script errors and no CSP violations').toEqual([]);
  } finally {
    await aliceContext.close();
    await bobContext.close();
    await alice.dispose();
    await bob.dispose();
    await server.stop();
  }
});
