import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64 } from './base64.ts';

/**
 * A UUID (RFC 9562 version 8, name-based on SHA-256) for a name: the same document and
 * annotation always get the same IRI, so re-exports of a document line up.
 */
export function stableUuid(name: string): string {
  return `urn:uuid:${stableGuid(name)}`;
}

/** The bare UUID of `stableUuid` (`xxxxxxxx-xxxx-8xxx-…`), as formats that want a GUID take it (REFI-QDA). */
export function stableGuid(name: string): string {
  return guidOfHash(sha256(utf8ToBytes(name)));
}

/** A stable `urn:uuid:` for a list of names (each ended by a line break), hashed as it goes rather than joined first. */
export function stableUuidOfList(names: Iterable<string>): string {
  const hash = sha256.create();
  for (const name of names) hash.update(utf8ToBytes(`${name}\n`));
  return `urn:uuid:${guidOfHash(hash.digest())}`;
}

function guidOfHash(digest: Uint8Array): string {
  const bytes = digest.slice(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The RFC 6920 `ni:` URI of a Scholia fingerprint (`sha256:<hex>`): names the exact canonical text. */
export function niUri(fingerprint: string): string {
  const hex = fingerprint.replace(/^sha256:/u, '');
  const b64url = base64(hexToBytes(hex)).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
  return `ni:///sha-256;${b64url}`;
}
