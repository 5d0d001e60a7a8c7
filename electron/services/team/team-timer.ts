import type { Scholia } from '../open-scholia.ts';

/** How often the app and the browser host sync a library that is in a team, unless `SCHOLIA_TEAM_SYNC_MINUTES` says otherwise. */
export const DEFAULT_SYNC_MINUTES = 5;

/** The sync interval in milliseconds from the environment: minutes, 0 turns it off; undefined when off. */
export function syncIntervalMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SCHOLIA_TEAM_SYNC_MINUTES;
  const minutes = raw === undefined || raw.trim() === '' ? DEFAULT_SYNC_MINUTES : Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0) return undefined;
  return Math.max(0.05, minutes) * 60_000;
}

/** Starts the timed sync of the host (the app or `scholia serve`); the CLI's one-shot commands never start it. */
export function startTeamSync(scholia: Pick<Scholia, 'services'>, env: NodeJS.ProcessEnv = process.env): void {
  const interval = syncIntervalMs(env);
  if (interval !== undefined) scholia.services.team.startAutoSync(interval);
}
