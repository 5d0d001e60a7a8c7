import { describe, expect, it } from 'vitest';
import { chromiumSandboxAllowed } from './chromium-pdf.ts';

describe('the sandbox of the Chromium that prints PDFs', () => {
  it('is kept wherever Chromium can run it: any user on macOS and Windows, any user but root on Linux', () => {
    expect(chromiumSandboxAllowed('darwin', 501, {})).toBe(true);
    expect(chromiumSandboxAllowed('win32', undefined, {})).toBe(true);
    expect(chromiumSandboxAllowed('linux', 1000, {})).toBe(true);
  });

  it('is left off as root on Linux, where Chromium refuses to start with it, or when the machine says it cannot run it', () => {
    expect(chromiumSandboxAllowed('linux', 0, {})).toBe(false);
    expect(chromiumSandboxAllowed('linux', 1000, { SCHOLIA_CHROMIUM_NO_SANDBOX: '1' })).toBe(false);
  });
});
