import { spawn } from 'node:child_process';

/** Whether a browser window can be shown: on Linux and the BSDs only under X11 or Wayland. */
export function hasDisplay(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Opens a URL in the user's default browser, as Jupyter does: the command in `BROWSER` if set (with
 * `%s` for the URL, else the URL appended), else the system's opener (the `open` package: `xdg-open`,
 * `open`, `start`). Resolves once the opener has started; never waits for the browser.
 */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const browser = env.BROWSER?.split(':')[0]?.trim();
  if (browser) {
    const [command, ...args] = browser.split(/\s+/u) as [string, ...string[]];
    const withUrl = args.some((arg) => arg.includes('%s')) ? args.map((arg) => arg.replaceAll('%s', url)) : [...args, url];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, withUrl, { stdio: 'ignore', detached: true });
      child.once('error', reject);
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
    return;
  }
  const { default: open } = await import('open');
  const child = await open(url);
  child.unref();
}
