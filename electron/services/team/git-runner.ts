import { execFile } from 'node:child_process';
import os from 'node:os';
import { ScholiaError } from '../../../shared/contract/errors.ts';

/** A git call that failed: its arguments (never a token), exit code and what git said. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly timedOut: boolean,
  ) {
    super(
      `git ${args[0] ?? ''} failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${stderr.trim().split('\n').slice(-3).join(' ') || 'no message'}`,
    );
    this.name = 'GitError';
  }

  /** The remote could not be reached: no network, the server down, a timeout or a server error. */
  get unreachable(): boolean {
    return (
      this.timedOut ||
      /Could not resolve host|Failed to connect|Couldn't connect|Connection refused|Connection timed out|Operation timed out|Empty reply from server|Recv failure|Send failure|returned error: 5\d\d|unable to access|The remote end hung up|early EOF|transfer closed/i.test(
        this.stderr,
      )
    );
  }

  /** The server wants credentials this call did not have, or refused the ones it had. */
  get authentication(): boolean {
    return /Authentication failed|could not read Username|could not read Password|returned error: 40[13]|terminal prompts disabled/i.test(
      this.stderr,
    );
  }

  /** A push refused because the remote moved on (someone pushed first). */
  get pushRejected(): boolean {
    return /\[rejected\]|non-fast-forward|fetch first|failed to push some refs|stale info/i.test(this.stderr);
  }
}

export interface GitCall {
  cwd?: string;
  /** The token of an HTTPS remote, handed to git through a credential helper for this call only. */
  token?: string;
  /** Author and committer of any commit this call makes. */
  author?: { name: string; email: string };
  timeoutMs?: number;
  /** Largest output kept, in bytes. */
  maxBuffer?: number;
}

/** The environment variable the credential helper reads the token from; it exists only in the git process's environment. */
const TOKEN_VARIABLE = 'SCHOLIA_TEAM_GIT_TOKEN';

/**
 * A credential helper for one call: it answers `get` with the token from the environment and
 * ignores `store` and `erase`, so the token is never written by git anywhere. The empty helper
 * before it clears any helper from other configuration.
 */
const CREDENTIAL_ARGS = [
  '-c',
  'credential.helper=',
  '-c',
  `credential.helper=!f() { test "$1" = get && echo username=scholia && echo "password=$${TOKEN_VARIABLE}"; }; f`,
];

/** How long a call may take unless told otherwise (network calls get longer). */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Runs the system's `git` with `execFile` (never a shell) and a fixed environment: no user or system
 * configuration, no prompts, C locale, a private HOME. Checks once that git is there and answers a
 * clear message when it is not.
 */
export class GitRunner {
  private version: Promise<string> | undefined;

  /** `home`: git's HOME (nothing of it is read: no global configuration); `searchPath`: where git is looked for (PATH). */
  constructor(
    private readonly home: string = os.tmpdir(),
    private readonly searchPath: string = process.env.PATH ?? '/usr/bin:/bin',
  ) {}

  /** The installed git's version ("2.39.5"); a `ScholiaError` saying how to install git when there is none. */
  checkInstalled(): Promise<string> {
    this.version ??= this.exec(['--version'], {}).then(
      (out) => /git version (\S+)/.exec(out)?.[1] ?? out.trim(),
      (error: unknown) => {
        this.version = undefined;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new ScholiaError(
            'forbidden',
            'Team sync needs Git, which is not installed on this computer (Debian or Ubuntu: apt install git; macOS: xcode-select --install; Windows: git-scm.com).',
          );
        throw error;
      },
    );
    return this.version;
  }

  async run(args: readonly string[], call: GitCall = {}): Promise<string> {
    await this.checkInstalled();
    return this.exec(args, call);
  }

  /** Like `run`, but answers false instead of failing (for checks such as `merge-base --is-ancestor`). */
  async succeeds(args: readonly string[], call: GitCall = {}): Promise<boolean> {
    try {
      await this.run(args, call);
      return true;
    } catch (error) {
      if (error instanceof GitError) return false;
      throw error;
    }
  }

  private exec(args: readonly string[], call: GitCall): Promise<string> {
    const env: NodeJS.ProcessEnv = {
      PATH: this.searchPath,
      HOME: this.home,
      LC_ALL: 'C',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: os.devNull,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: '',
      SSH_ASKPASS: '',
      GIT_OPTIONAL_LOCKS: '0',
      ...(process.env.SYSTEMROOT ? { SYSTEMROOT: process.env.SYSTEMROOT } : {}),
      ...(call.author
        ? {
            GIT_AUTHOR_NAME: call.author.name,
            GIT_AUTHOR_EMAIL: call.author.email,
            GIT_COMMITTER_NAME: call.author.name,
            GIT_COMMITTER_EMAIL: call.author.email,
          }
        : {}),
      ...(call.token ? { [TOKEN_VARIABLE]: call.token } : {}),
    };
    const fullArgs = call.token ? [...CREDENTIAL_ARGS, ...args] : [...args];
    return new Promise((resolve, reject) => {
      execFile(
        'git',
        fullArgs,
        {
          cwd: call.cwd,
          env,
          timeout: call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxBuffer: call.maxBuffer ?? 256 * 1024 * 1024,
          windowsHide: true,
        },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          if ((error as NodeJS.ErrnoException).code === 'ENOENT' && typeof (error as NodeJS.ErrnoException).code === 'string')
            return reject(error);
          const timedOut = (error as { killed?: boolean }).killed === true;
          const code = typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : null;
          reject(new GitError(args, code, redact(String(stderr), call.token), timedOut));
        },
      );
    });
  }
}

/** What git printed, with the token taken out wherever it might appear. */
function redact(text: string, token: string | undefined): string {
  return token ? text.split(token).join('***') : text;
}
