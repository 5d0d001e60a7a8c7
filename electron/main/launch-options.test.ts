import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryDirFrom } from './launch-options.ts';

const cwd = path.resolve('/home/analyst');
const fallback = path.resolve('/home/analyst/.config/Scholia/library');

describe('libraryDirFrom', () => {
  it('defaults to the library under userData', () => {
    expect(libraryDirFrom(['/opt/Scholia/scholia'], {}, fallback, cwd)).toBe(fallback);
  });

  it('takes SCHOLIA_LIBRARY from the environment', () => {
    expect(libraryDirFrom(['scholia'], { SCHOLIA_LIBRARY: '/data/lib' }, fallback, cwd)).toBe(path.resolve('/data/lib'));
  });

  it('prefers --library DIR and --library=DIR over the environment', () => {
    const env = { SCHOLIA_LIBRARY: '/data/lib' };
    expect(libraryDirFrom(['electron', '.', '--library', '/tmp/a'], env, fallback, cwd)).toBe(path.resolve('/tmp/a'));
    expect(libraryDirFrom(['scholia', '--library=/tmp/b'], env, fallback, cwd)).toBe(path.resolve('/tmp/b'));
  });

  it('resolves a relative folder against the working directory', () => {
    expect(libraryDirFrom(['scholia', '--library', 'work/lib'], {}, fallback, cwd)).toBe(path.join(cwd, 'work', 'lib'));
  });

  it('ignores a --library with no folder after it, and an empty variable', () => {
    expect(libraryDirFrom(['scholia', '--library'], { SCHOLIA_LIBRARY: '' }, fallback, cwd)).toBe(fallback);
    expect(libraryDirFrom(['scholia', '--library', '--inspect'], {}, fallback, cwd)).toBe(fallback);
  });
});
