import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './content-types.ts';

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['assets/index-1.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/icon.PNG', 'image/png'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/index-1.js.map', 'application/json; charset=utf-8'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });

  it('serves unknown files as opaque bytes', () => {
    expect(contentTypeOf('assets/data.bin')).toBe('application/octet-stream');
    expect(contentTypeOf('README')).toBe('application/octet-stream');
  });
});
