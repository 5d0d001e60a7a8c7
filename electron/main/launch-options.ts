// Where the library lives, from the command line, the environment, or the default under userData.
import { resolveLibraryDir } from '../services/paths.ts';

/**
 * The library folder: `--library DIR` (or `--library=DIR`) wins over `SCHOLIA_LIBRARY`, which wins over
 * `defaultDir`. A relative folder is taken from `cwd`.
 */
export function libraryDirFrom(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDir: string,
  cwd: string,
): string {
  return resolveLibraryDir(libraryArgument(argv), env, defaultDir, cwd);
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
