import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Where a browser was found, in the order they are tried. */
export type BrowserSource = 'SCHOLIA_CHROMIUM' | 'Playwright' | 'Chromium' | 'Google Chrome' | 'Microsoft Edge';

export interface FoundBrowser {
  source: BrowserSource;
  executablePath: string;
}

/** What the lookup reads of the machine; tests give a fake one. */
export interface BrowserMachine {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** Whether a file exists and may be run. */
  isExecutable(file: string): boolean;
  /** The names in a folder; none when it cannot be read. */
  listDir(dir: string): string[];
}

/** The one line printed when no browser is found. */
export const NO_BROWSER_MESSAGE =
  'No Chromium-based browser was found: install Chromium, Google Chrome or Microsoft Edge (or run `npx playwright install chromium`), or set SCHOLIA_CHROMIUM to a browser executable.';

/** A browser could not be found, or SCHOLIA_CHROMIUM names no browser. */
export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

/** Windows installs per user (LOCALAPPDATA) or per machine (Program Files, 64- and 32-bit), as Playwright's `channel` looks. */
function windowsPrefixes(env: NodeJS.ProcessEnv): string[] {
  const drive = env.HOMEDRIVE;
  return [
    env.LOCALAPPDATA,
    env.PROGRAMFILES,
    env['PROGRAMFILES(X86)'],
    drive && `${drive}\\Program Files`,
    drive && `${drive}\\Program Files (x86)`,
  ].filter((prefix): prefix is string => Boolean(prefix));
}

/** The standard places of each installed browser, by platform (Playwright's `chrome` and `msedge` channels look in the same ones). */
function installedPlaces(machine: BrowserMachine): [BrowserSource, string[]][] {
  const { platform, env, home } = machine;
  if (platform === 'win32') {
    const join = path.win32.join;
    const under = (suffix: string) => windowsPrefixes(env).map((prefix) => join(prefix, suffix));
    return [
      ['Chromium', under('Chromium\\Application\\chrome.exe')],
      ['Google Chrome', under('Google\\Chrome\\Application\\chrome.exe')],
      ['Microsoft Edge', under('Microsoft\\Edge\\Application\\msedge.exe')],
    ];
  }
  if (platform === 'darwin') {
    const app = (name: string, binary = name) => [
      `/Applications/${name}.app/Contents/MacOS/${binary}`,
      `${home}/Applications/${name}.app/Contents/MacOS/${binary}`,
    ];
    return [
      ['Chromium', app('Chromium')],
      ['Google Chrome', app('Google Chrome')],
      ['Microsoft Edge', app('Microsoft Edge')],
    ];
  }
  return [
    ['Chromium', ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']],
    ['Google Chrome', ['/opt/google/chrome/chrome', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome']],
    ['Microsoft Edge', ['/opt/microsoft/msedge/msedge', '/usr/bin/microsoft-edge-stable', '/usr/bin/microsoft-edge']],
  ];
}

/**
 * The browser that prints PDFs and runs the end-to-end tests, looked for in this order:
 * `SCHOLIA_CHROMIUM`, Playwright's own installed browsers, the system's Chromium, Google Chrome,
 * Microsoft Edge. Throws `BrowserNotFoundError` with one line naming what to install when there is none,
 * or naming the file when `SCHOLIA_CHROMIUM` points at nothing.
 */
export function findBrowser(machine: BrowserMachine = thisMachine()): FoundBrowser {
  const chosen = machine.env.SCHOLIA_CHROMIUM?.trim();
  if (chosen) {
    if (!machine.isExecutable(chosen)) throw new BrowserNotFoundError(`SCHOLIA_CHROMIUM is ${chosen}, but no browser can be run there.`);
    return { source: 'SCHOLIA_CHROMIUM', executablePath: chosen };
  }
  const places: [BrowserSource, string[]][] = [['Playwright', playwrightExecutables(machine)], ...installedPlaces(machine)];
  for (const [source, files] of places) {
    const found = files.find((file) => machine.isExecutable(file));
    if (found) return { source, executablePath: found };
  }
  throw new BrowserNotFoundError(NO_BROWSER_MESSAGE);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Playwright's Chromium and its headless shell, where `npx playwright install` puts them
 * (`PLAYWRIGHT_BROWSERS_PATH`, else the user's cache). Read from its browser folder by name, so the
 * lookup needs no Playwright package at run time.
 */
function playwrightExecutables({ platform, env, home, listDir }: BrowserMachine): string[] {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const root =
    env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0'
      ? env.PLAYWRIGHT_BROWSERS_PATH
      : platform === 'win32'
        ? path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), 'ms-playwright')
        : platform === 'darwin'
          ? path.posix.join(home, 'Library', 'Caches', 'ms-playwright')
          : path.posix.join(env.XDG_CACHE_HOME ?? path.posix.join(home, '.cache'), 'ms-playwright');
  return playwrightBrowserDirs(listDir(root))
    .map((name) => paths.join(root, name))
    .flatMap((dir) => playwrightBinaries(platform).map((binary) => paths.join(dir, binary)));
}

/** `chromium-NNNN` and `chromium_headless_shell-NNNN` folders, newest revision first. */
function playwrightBrowserDirs(names: string[]): string[] {
  const revision = (name: string) => Number(name.slice(name.lastIndexOf('-') + 1));
  return names
    .filter((name) => /^chromium(?:_headless_shell)?-\d+$/u.test(name))
    .sort((a, b) => revision(b) - revision(a) || a.localeCompare(b));
}

function playwrightBinaries(platform: NodeJS.Platform): string[] {
  if (platform === 'win32')
    return ['chrome-win64\\chrome.exe', 'chrome-win\\chrome.exe', 'chrome-headless-shell-win64\\chrome-headless-shell.exe'];
  if (platform === 'darwin') {
    return [
      'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
      'chrome-mac/Chromium.app/Contents/MacOS/Chromium',
      'chrome-headless-shell-mac-arm64/chrome-headless-shell',
      'chrome-headless-shell-mac-x64/chrome-headless-shell',
    ];
  }
  return [
    'chrome-linux64/chrome',
    'chrome-linux/chrome',
    'chrome-headless-shell-linux64/chrome-headless-shell',
    'chrome-linux/headless_shell',
  ];
}

/** This machine, as the lookup reads it. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): BrowserMachine {
  const home = homedir();
  return {
    platform: process.platform,
    env,
    home,
    isExecutable,
    listDir: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
