import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser, NO_BROWSER_MESSAGE, type BrowserMachine } from './find-browser.ts';

/** A machine whose only files are those given (each may be run); folders are what those paths imply. */
function fakeMachine(
  platform: NodeJS.Platform,
  files: string[],
  env: NodeJS.ProcessEnv = {},
  home = platform === 'win32' ? 'C:\\Users\\ana' : '/home/ana',
): BrowserMachine {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return {
    platform,
    env,
    home,
    isExecutable: (file) => files.includes(file),
    listDir: (dir) => [
      ...new Set(
        files.filter((file) => file.startsWith(dir + paths.sep)).map((file) => file.slice(dir.length + 1).split(paths.sep)[0] ?? ''),
      ),
    ],
  };
}

const LINUX = {
  playwright: '/home/ana/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
  chromium: '/usr/bin/chromium',
  chrome: '/opt/google/chrome/chrome',
  edge: '/opt/microsoft/msedge/msedge',
};

describe('findBrowser', () => {
  it('tries Playwright’s browsers, then the system’s Chromium, then Chrome, then Edge (Linux)', () => {
    const all = Object.values(LINUX);
    expect(findBrowser(fakeMachine('linux', all))).toEqual({ source: 'Playwright', executablePath: LINUX.playwright });
    expect(findBrowser(fakeMachine('linux', all.slice(1)))).toEqual({ source: 'Chromium', executablePath: LINUX.chromium });
    expect(findBrowser(fakeMachine('linux', all.slice(2)))).toEqual({ source: 'Google Chrome', executablePath: LINUX.chrome });
    expect(findBrowser(fakeMachine('linux', all.slice(3)))).toEqual({ source: 'Microsoft Edge', executablePath: LINUX.edge });
  });

  it('takes SCHOLIA_CHROMIUM before anything else, and names it when it points at nothing', () => {
    const env = { SCHOLIA_CHROMIUM: '/srv/browsers/chrome' };
    expect(findBrowser(fakeMachine('linux', [...Object.values(LINUX), '/srv/browsers/chrome'], env))).toEqual({
      source: 'SCHOLIA_CHROMIUM',
      executablePath: '/srv/browsers/chrome',
    });
    expect(() => findBrowser(fakeMachine('linux', Object.values(LINUX), env))).toThrow(
      'SCHOLIA_CHROMIUM is /srv/browsers/chrome, but no browser can be run there.',
    );
  });

  it('stops with one line naming what to install when there is no browser', () => {
    let error: unknown;
    try {
      findBrowser(fakeMachine('linux', ['/usr/bin/firefox']));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toBe(NO_BROWSER_MESSAGE);
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
    expect(NO_BROWSER_MESSAGE).toMatch(/install Chromium, Google Chrome or Microsoft Edge/u);
  });

  it('reads Playwright’s folder from PLAYWRIGHT_BROWSERS_PATH, newest revision first, headless shell included', () => {
    const shell = '/opt/pw/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell';
    const older = '/opt/pw/chromium-1200/chrome-linux64/chrome';
    const env = { PLAYWRIGHT_BROWSERS_PATH: '/opt/pw' };
    expect(findBrowser(fakeMachine('linux', [older, shell, LINUX.chromium], env))).toEqual({ source: 'Playwright', executablePath: shell });
    expect(findBrowser(fakeMachine('linux', [older, LINUX.chromium], env))).toEqual({ source: 'Playwright', executablePath: older });
  });

  it('knows where macOS keeps Chromium, Chrome and Edge', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const userChromium = '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium';
    const playwright =
      '/Users/ana/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    const mac = (files: string[]) => fakeMachine('darwin', files, {}, '/Users/ana');
    expect(findBrowser(mac([edge]))).toEqual({ source: 'Microsoft Edge', executablePath: edge });
    expect(findBrowser(mac([edge, chrome]))).toEqual({ source: 'Google Chrome', executablePath: chrome });
    expect(findBrowser(mac([edge, chrome, userChromium]))).toEqual({ source: 'Chromium', executablePath: userChromium });
    expect(findBrowser(mac([edge, chrome, userChromium, playwright]))).toEqual({ source: 'Playwright', executablePath: playwright });
    expect(() => findBrowser(mac([]))).toThrow(NO_BROWSER_MESSAGE);
  });

  it('knows where Windows keeps them, per user and per machine', () => {
    const env = {
      LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const playwright = 'C:\\Users\\ana\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe';
    const win = (files: string[]) => fakeMachine('win32', files, env);
    expect(findBrowser(win([edge]))).toEqual({ source: 'Microsoft Edge', executablePath: edge });
    expect(findBrowser(win([edge, chrome]))).toEqual({ source: 'Google Chrome', executablePath: chrome });
    expect(findBrowser(win([edge, chrome, playwright]))).toEqual({ source: 'Playwright', executablePath: playwright });
    expect(() => findBrowser(win([]))).toThrow(NO_BROWSER_MESSAGE);
  });
});
