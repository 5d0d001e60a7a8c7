import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where Electron keeps the app's data (`app.getPath('userData')`) for an app named Scholia, per platform. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Scholia');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Scholia');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Scholia');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** The library folder: `--library DIR`, else `SCHOLIA_LIBRARY`, else `defaultDir` (`<userData>/library`); relative folders from `cwd`. */
export function resolveLibraryDir(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  defaultDir = path.join(defaultUserDataDir(process.platform, env), 'library'),
  cwd = process.cwd(),
): string {
  return path.resolve(cwd, nonEmpty(flag) ?? nonEmpty(env.SCHOLIA_LIBRARY) ?? defaultDir);
}

/** The nearest folder `relative` above `fromDir` that holds `marker`, walking up. */
function findUp(fromDir: string, relative: string, marker: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(path.join(candidate, marker))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`cannot find ${relative}/${marker} above ${fromDir}`);
  }
}

/** The `assets/` folder that ships with the app. */
export function findAssetsDir(fromDir: string): string {
  return findUp(fromDir, 'assets', 'sample-article.txt');
}

/** The built renderer (`dist/renderer`), found from the CLI bundle or from the sources. */
export function findRendererDir(fromDir: string): string {
  const besideBundle = path.join(fromDir, '..', 'renderer');
  if (existsSync(path.join(besideBundle, 'index.html'))) return besideBundle;
  return findUp(fromDir, path.join('dist', 'renderer'), 'index.html');
}
