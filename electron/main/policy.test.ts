import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isTrustedSender, resolveAppRequest, shouldOpenExternally } from './policy.ts';

describe('isTrustedSender', () => {
  it('trusts the main frame of our app:// page', () => {
    expect(isTrustedSender(APP_ENTRY_URL, true)).toBe(true);
    expect(isTrustedSender('app://scholia/', true)).toBe(true);
    expect(isTrustedSender('app://scholia/index.html#/documents/abc', true)).toBe(true);
  });

  it('refuses subframes, even of our own origin', () => {
    expect(isTrustedSender(APP_ENTRY_URL, false)).toBe(false);
  });

  it('refuses a missing or unparseable frame URL', () => {
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
    expect(isTrustedSender('not a url', true)).toBe(false);
  });

  it.each([
    'https://scholia/index.html',
    'http://127.0.0.1:5173/index.html',
    'file:///index.html',
    'app://evil/index.html',
    'app://scholia.evil.com/index.html',
    'app://scholia:8080/index.html',
    'app://user@scholia/index.html',
    'app://user:secret@scholia/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/inspector.html',
  ])('refuses a frame at %s', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });
});

describe('shouldOpenExternally', () => {
  it.each(['https://example.org/article', 'http://example.org/', 'https://example.org/a?b=c#d'])('opens %s', (url) => {
    expect(shouldOpenExternally(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'mailto:someone@example.org',
    'ftp://example.org/file',
    'smb://server/share',
    'app://scholia/index.html',
    'vscode://file/x',
    'ms-settings:privacy',
    'https://user:pass@example.org/',
    'https://user@example.org/',
    'http://',
    '//example.org/path',
    'example.org',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(shouldOpenExternally(url)).toBe(false);
  });

  it('refuses what is not a string, and absurdly long URLs', () => {
    expect(shouldOpenExternally(undefined)).toBe(false);
    expect(shouldOpenExternally({ toString: () => 'https://example.org' })).toBe(false);
    expect(shouldOpenExternally(`https://example.org/${'a'.repeat(10_000)}`)).toBe(false);
  });
});

describe('resolveAppRequest', () => {
  const root = path.resolve('/opt/scholia/dist/renderer');
  const resolve = (url: string) => resolveAppRequest(root, url);

  it('maps / and the bare origin to index.html', () => {
    expect(resolve('app://scholia/')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://scholia')).toBe(path.join(root, 'index.html'));
  });

  it('maps a file path to the file inside the renderer build', () => {
    expect(resolve('app://scholia/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://scholia/assets/index-3f2a.js')).toBe(path.join(root, 'assets', 'index-3f2a.js'));
  });

  it('ignores the query and the fragment', () => {
    expect(resolve('app://scholia/index.html?x=1#/doc/2')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://scholia/?x=../../etc/passwd')).toBe(path.join(root, 'index.html'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolve('app://scholia/assets/font%20name.woff2')).toBe(path.join(root, 'assets', 'font name.woff2'));
  });

  it.each([
    ['dot-dot traversal', 'app://scholia/../secret.txt'],
    ['nested dot-dot traversal', 'app://scholia/assets/../../secret.txt'],
    ['a single dot segment', 'app://scholia/./index.html'],
    ['encoded dot-dot', 'app://scholia/%2e%2e/secret.txt'],
    ['upper-case encoded dot-dot', 'app://scholia/%2E%2E/secret.txt'],
    ['half-encoded dot-dot', 'app://scholia/.%2e/secret.txt'],
    ['an encoded slash', 'app://scholia/assets%2f..%2f..%2fsecret.txt'],
    ['an encoded slash, upper case', 'app://scholia/..%2F..%2Fsecret.txt'],
    ['an encoded backslash', 'app://scholia/..%5c..%5csecret.txt'],
    ['a backslash', 'app://scholia/..\\..\\secret.txt'],
    ['a backslash inside a name', 'app://scholia/assets\\index.js'],
    ['an absolute path after the host', 'app://scholia//etc/passwd'],
    ['an encoded absolute path', 'app://scholia/%2fetc%2fpasswd'],
    ['a Windows drive', 'app://scholia/C:/Windows/win.ini'],
    ['an encoded Windows drive', 'app://scholia/C%3a%5cWindows%5cwin.ini'],
    ['an NTFS stream', 'app://scholia/index.html::$DATA'],
    ['an encoded NUL', 'app://scholia/index.html%00.png'],
    ['an encoded control character', 'app://scholia/index%0a.html'],
    ['a hidden file', 'app://scholia/.env'],
    ['an empty segment', 'app://scholia/assets//index.js'],
    ['a folder (trailing slash)', 'app://scholia/assets/'],
    ['malformed percent-encoding', 'app://scholia/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a longer host', 'app://scholia.evil/index.html'],
    ['a port', 'app://scholia:80/index.html'],
    ['user info', 'app://user@scholia/index.html'],
    ['another scheme', 'https://scholia/index.html'],
    ['the file scheme', 'file:///etc/passwd'],
    ['an absolute file path', '/etc/passwd'],
    ['a relative path', 'index.html'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    expect(resolve(url)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const attempts = ['..', '%2e%2e', '.%2E', '%2E.', '..%00', '%252e%252e'];
    for (const first of attempts) {
      for (const second of attempts) {
        const file = resolve(`app://scholia/${first}/${second}/etc/passwd`);
        if (file !== null) expect(path.relative(root, file).startsWith('..')).toBe(false);
      }
    }
  });

  it('treats a double-encoded dot-dot as a plain name inside the root', () => {
    expect(resolve('app://scholia/%252e%252e/x')).toBe(path.join(root, '%2e%2e', 'x'));
  });
});

describe('the policy functions against random input', () => {
  const root = path.resolve('/opt/scholia/dist/renderer');
  const segment = fc.oneof(
    fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E.',
      '..%2f..',
      '%2f',
      '%5c',
      '\\',
      '',
      'C:',
      '%00',
      '%0a',
      'a b',
      'index.html',
      'assets',
      '%252e%252e',
    ),
    fc.string({ maxLength: 6 }),
  );

  it('never maps an app:// URL to a file outside the renderer build (5,000 URLs)', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.constantFrom('', '?x=../..', '#/../../x'), (segments, tail) => {
        const file = resolveAppRequest(root, `app://scholia/${segments.join('/')}${tail}`);
        if (file === null) return;
        const relative = path.relative(root, file);
        expect(relative === '' || relative.startsWith('..') || path.isAbsolute(relative)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('hands nothing but credential-free http(s) URLs to the system browser (5,000 strings)', () => {
    const scheme = fc.constantFrom(
      'http:',
      'https:',
      'file:',
      'javascript:',
      'data:',
      'smb:',
      'app:',
      'ms-settings:',
      'HTTPS:',
      ' https:',
      'vbscript:',
    );
    const candidate = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.tuple(scheme, fc.constantFrom('//', '/', ''), fc.string()).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(candidate, (url) => {
        if (!shouldOpenExternally(url)) return;
        const parsed = new URL(url);
        expect(['http:', 'https:']).toContain(parsed.protocol);
        expect(parsed.username + parsed.password).toBe('');
        expect(parsed.hostname).not.toBe('');
      }),
      { numRuns: 5000 },
    );
  });

  it('trusts no frame but the main frame of app://scholia (3,000 URLs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl(),
          fc.string(),
          fc.string().map((rest) => `app://${rest}`),
        ),
        fc.boolean(),
        (url, isMainFrame) => {
          if (!isTrustedSender(url, isMainFrame)) return;
          expect(isMainFrame).toBe(true);
          const parsed = new URL(url);
          expect(parsed.protocol).toBe('app:');
          expect(parsed.host).toBe('scholia');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
