import { describe, expect, it } from 'vitest';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { useTempDirs } from '../testing/temp-dir.ts';
import { GitError, GitRunner } from './git-runner.ts';

const tempDir = useTempDirs();

describe('the git runner', () => {
  it("answers the installed git's version, and says how to install git where there is none", async () => {
    expect(await new GitRunner().checkInstalled()).toMatch(/^\d+\.\d+/);
    const missing = new GitRunner(undefined, await tempDir());
    await expect(missing.checkInstalled()).rejects.toThrow(ScholiaError);
    await expect(missing.run(['status'])).rejects.toThrow(
      /Team sync needs Git, which is not installed on this computer \(Debian or Ubuntu: apt install git/,
    );
  });

  it('turns a failure into a GitError that tells an unreachable remote from a refused push, and never shows the token', async () => {
    const git = new GitRunner();
    const dir = await tempDir();
    const error = await git
      .run(['ls-remote', 'http://127.0.0.1:9/none.git'], { cwd: dir, token: 'secret-token-123' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).unreachable).toBe(true);
    expect((error as GitError).pushRejected).toBe(false);
    expect((error as GitError).message).not.toContain('secret-token-123');
    expect(await git.succeeds(['rev-parse', '--git-dir'], { cwd: dir })).toBe(false);
  });

  it('stops a call that runs past its time limit', async () => {
    const git = new GitRunner();
    const dir = await tempDir();
    await git.run(['init', '--quiet', dir]);
    // `git hash-object --stdin` waits for input that never comes.
    const error = await git.run(['hash-object', '--stdin'], { cwd: dir, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).timedOut).toBe(true);
    expect((error as GitError).unreachable).toBe(true);
  });
});
