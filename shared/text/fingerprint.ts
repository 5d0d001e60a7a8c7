import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** `"sha256:" + hex(sha256(utf8(text)))`: how a colleague's tag file finds the same article. */
export function fingerprint(text: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
