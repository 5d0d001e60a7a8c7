import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.ts';

describe('fingerprint', () => {
  it('is sha256 of the UTF-8 bytes, prefixed', () => {
    expect(fingerprint('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(fingerprint('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes non-ASCII text as UTF-8', () => {
    // sha256 of the two UTF-8 bytes c3 a9
    expect(fingerprint('\u00e9')).toBe('sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
    expect(fingerprint('\u00e9')).not.toBe(fingerprint('e\u0301'));
  });
});
