import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract/channels.ts';
import { openScholia } from '../services/open-scholia.ts';
import { CLAIMED, NEAR, threeClaimArticles } from '../services/testing/claim-fixtures.ts';
import { useTempDirs } from '../services/testing/temp-dir.ts';
import { runScholia as scholia } from './testing/run-scholia.ts';

const tempDir = useTempDirs();

async function library() {
  const dir = await tempDir();
  const open = await openScholia({ libraryDir: dir, debounceMs: 5 });
  const ids = await threeClaimArticles(open);
  await open.close();
  return { dir, ids };
}

describe('scholia claims', () => {
  it('prints tracked claims with their appearances and verdicts, confirmed groups first, suggested matches apart', async () => {
    const { dir, ids } = await library();
    const printed = await scholia('claims', '--library', dir);
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    const text = printed.stdout;
    expect(text).toContain('Confirmed tracked claims (0)\n  none');
    expect(text).toContain('Grouped by the same wording, not yet confirmed (1)');
    expect(text).toMatch(new RegExp(`^  “${CLAIMED}” \\(2 appearances; False 1, Unverified 1\\)`, 'mu'));
    expect(text).toContain(`“${CLAIMED}”  [${ids.a} ca]`);
    expect(text).toMatch(/^ {16}article · Jane Minister · False$/mu);
    const suggested = text.slice(text.indexOf('Suggested matches (1)'));
    expect(suggested).toContain(`“${NEAR}” in article`);
    expect(suggested).toContain(`looks like “${CLAIMED}”`);
    expect(suggested).toContain('Checked before: False, on 31 January 2026');
    expect(text.indexOf('Confirmed')).toBeLessThan(text.indexOf('Grouped'));
  });

  it('answers the claims.list JSON with --json, and refuses arguments and a missing library clearly', async () => {
    const { dir, ids } = await library();
    const printed = await scholia('claims', '--json', '--library', dir);
    expect(printed.code).toBe(0);
    const listed = JSON.parse(printed.stdout) as ChannelOutput<'claims.list'>;
    expect(listed.tracked.map((t) => t.appearances.map((a) => a.documentId))).toEqual([[ids.a, ids.b]]);
    expect(listed.suggestions.map((s) => s.candidate.appearances[0]?.documentId)).toEqual([ids.c]);

    const extra = await scholia('claims', 'everything', '--library', dir);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('claims takes no arguments');
    const missing = await scholia('claims', '--library', `${dir}-none`);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('There is no library at');
  });
});
