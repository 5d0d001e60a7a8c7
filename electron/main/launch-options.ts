// Where the library lives, from the command line, the environment, or the default under userData.
import path from 'node:path';

/**
 * The library folder: `--library DIR` (or `--library=DIR`) wins over `SCHOLIA_LIBRARY`, which wins over
 * `defaultDir`. A relative folder is taken from `cwd`.
 */
export function libraryDirFrom(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, defaultDir: string, cwd: string): string {
  const chosen = libraryArgument(argv) ?? nonEmpty(env.SCHOLIA_LIBRARY) ?? defaultDir;
  return path.resolve(cwd, chosen);
}

function libraryArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === '--library') found = nonEmpty(argv[index + 1]) ?? found;
    else if (arg.startsWith('--library=')) found = nonEmpty(arg.slice('--library='.length)) ?? found;
  });
  return found;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' && !value.startsWith('--') ? value : undefined;
}
