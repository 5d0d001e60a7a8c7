import { describe, expect, it } from 'vitest';
import { tagFileHeader, tagFileRoute } from './tag-file-route.ts';

const file = (document: object) => JSON.stringify({ format: 'scholia-tags', version: 1, document });

describe('a dropped tag file', () => {
  it('reads the header of a tag file, and nothing of other JSON', () => {
    expect(tagFileHeader(file({ fingerprint: 'sha256:a', text: 'Text' }))).toEqual({ fingerprint: 'sha256:a', hasText: true });
    expect(tagFileHeader(`\uFEFF${file({ fingerprint: 'sha256:a' })}`)).toEqual({ fingerprint: 'sha256:a', hasText: false });
    expect(tagFileHeader('{"format":"something-else"}')).toBeNull();
    expect(tagFileHeader('not json')).toBeNull();
  });

  it('goes to Review of the open article when it is about it, into the library when it holds its text or names a library article', () => {
    const library = new Set(['sha256:open', 'sha256:other']);
    expect(tagFileRoute({ fingerprint: 'sha256:open', hasText: true }, 'sha256:open', library)).toBe('review');
    expect(tagFileRoute({ fingerprint: 'sha256:new', hasText: true }, 'sha256:open', library)).toBe('library');
    expect(tagFileRoute({ fingerprint: 'sha256:other', hasText: false }, 'sha256:open', library)).toBe('library');
    expect(tagFileRoute({ fingerprint: 'sha256:new', hasText: true }, null, library)).toBe('library');
  });

  it('otherwise goes to Review of the open article, which re-anchors it or lists what is wrong', () => {
    expect(tagFileRoute({ fingerprint: 'sha256:edited', hasText: false }, 'sha256:open', new Set(['sha256:open']))).toBe('review');
    expect(tagFileRoute(null, null, new Set())).toBe('review');
  });
});
