import path from 'node:path';
import { z } from 'zod';
import { MemberId, TeamSyncReport } from '../../../shared/contract/team-channels.ts';
import { ScholiaError } from '../../../shared/contract/errors.ts';
import { describeIssues } from '../../../shared/contract/validation.ts';
import { Fingerprint } from '../../../shared/model/document.ts';
import { DurableJsonFile } from '../store/durable-file.ts';

export const TEAM_SETTINGS_FILE = 'team.json';
/** The working clone, inside the library folder: derived, rebuilt by the next sync when deleted. */
export const TEAM_CLONE_DIR = 'team';

/** `team.json`: the library's team settings. No credential is ever kept here. */
export const TeamSettings = z.object({
  format: z.literal('scholia-team-settings'),
  version: z.literal(1),
  /** The remote: an HTTPS URL without credentials, or the path of a bare repository. */
  remote: z.string().min(1),
  memberId: MemberId,
  /** The articles this library shares (its own layer is committed on each sync). */
  shared: z.array(Fingerprint),
  /** The remote's head after the last sync that merged it: a head that no longer descends from it is a rewritten history. */
  lastRemoteHead: z
    .string()
    .regex(/^[0-9a-f]{40,64}$/)
    .optional(),
  lastSync: TeamSyncReport.optional(),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

/** Takes any user name and password out of a URL; a path is returned as it is. */
export function withoutCredentials(remote: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) return remote;
  try {
    const url = new URL(remote);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    throw new ScholiaError('bad-request', 'The remote is not a valid URL.');
  }
}

/** `team.json` in the library folder, read and validated, written durably (temporary file, fsync, rename). */
export class TeamSettingsFile {
  private readonly file: DurableJsonFile<TeamSettings>;

  constructor(readonly libraryDir: string) {
    this.file = new DurableJsonFile<TeamSettings>(path.join(libraryDir, TEAM_SETTINGS_FILE));
  }

  get cloneDir(): string {
    return path.join(this.libraryDir, TEAM_CLONE_DIR);
  }

  /** The settings, or undefined when this library has not joined a team; a damaged file is reported, never overwritten. */
  async read(): Promise<TeamSettings | undefined> {
    let data: unknown;
    try {
      data = await this.file.read();
    } catch (error) {
      throw new ScholiaError(
        'conflict',
        `${TEAM_SETTINGS_FILE} cannot be read (${error instanceof Error ? error.message : String(error)}); mend or remove it.`,
      );
    }
    if (data === null) return undefined;
    const parsed = TeamSettings.safeParse(data);
    if (!parsed.success)
      throw new ScholiaError('conflict', `${TEAM_SETTINGS_FILE} is not valid (${describeIssues(parsed.error, 3)}); mend or remove it.`);
    return parsed.data;
  }

  async write(settings: TeamSettings): Promise<void> {
    await this.file.write(TeamSettings.parse(settings));
  }
}
