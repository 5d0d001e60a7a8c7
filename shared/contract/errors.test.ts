import { describe, expect, it } from 'vitest';
import { messageOf, ScholiaError } from './errors.ts';

describe('messageOf', () => {
  it("gives an Error's own message, whatever its class", () => {
    expect(messageOf(new Error('disk full'))).toBe('disk full');
    expect(messageOf(new ScholiaError('not-found', 'No such document.'))).toBe('No such document.');
  });

  it('gives anything else thrown as text', () => {
    expect(messageOf('plain words')).toBe('plain words');
    expect(messageOf(42)).toBe('42');
    expect(messageOf(undefined)).toBe('undefined');
  });
});
