import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { TokenSource } from '../services/team/team-service.ts';

/**
 * The team remotes' tokens in the app's data folder (never the library), each encrypted with
 * Electron `safeStorage` (the OS keychain: Keychain, DPAPI, libsecret/kwallet). Where the OS offers
 * no encryption the token is kept in memory only, for this run, and `SCHOLIA_GIT_TOKEN` still works.
 */
export function keychainTokens(userDataDir: string, env: NodeJS.ProcessEnv = process.env): TokenSource {
  const file = path.join(userDataDir, 'team-tokens.json');
  const memory = new Map<string, string>();
  let sealed: Record<string, string> = {};
  try {
    sealed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    sealed = {};
  }
  return {
    get(remote) {
      const kept = memory.get(remote);
      if (kept) return kept;
      const encrypted = sealed[remote];
      if (encrypted && safeStorage.isEncryptionAvailable()) {
        try {
          return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
        } catch {
          return env.SCHOLIA_GIT_TOKEN;
        }
      }
      return env.SCHOLIA_GIT_TOKEN;
    },
    set(remote, token) {
      memory.set(remote, token);
      if (!safeStorage.isEncryptionAvailable()) return;
      sealed = { ...sealed, [remote]: safeStorage.encryptString(token).toString('base64') };
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(sealed), { mode: 0o600 });
      renameSync(temp, file);
    },
  };
}
