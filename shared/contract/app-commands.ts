/**
 * Commands the Electron shell sends to the page (from the native menu). The browser host has no
 * native menu; there the page's own toolbar and keyboard shortcuts reach the same actions.
 */
export type AppCommand =
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'export' }
  | { type: 'review' }
  /** Opens the page's import dialog (web address, paste, files). */
  | { type: 'import' }
  /** Opens the team view; `team-sync` syncs with the team now. */
  | { type: 'team' }
  | { type: 'team-sync' }
  | { type: 'open-document'; id: string };

export const APP_COMMAND_CHANNEL = 'scholia:command';

/**
 * The one IPC call besides the contract's channels: the desktop app's native dialog to choose a
 * file to attach to a source (docs/EVIDENCE.md, "Local files"). It takes nothing from the page and
 * answers the chosen path, or null when the analyst cancels.
 */
export const PICK_EVIDENCE_FILE_CHANNEL = 'scholia:pick-evidence-file';

export function isAppCommand(value: unknown): value is AppCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as { type?: unknown; id?: unknown };
  if (
    command.type === 'undo' ||
    command.type === 'redo' ||
    command.type === 'export' ||
    command.type === 'review' ||
    command.type === 'import' ||
    command.type === 'team' ||
    command.type === 'team-sync'
  )
    return true;
  return command.type === 'open-document' && typeof command.id === 'string';
}

/** What the preload script exposes to the page as `window.scholia`. */
export interface ScholiaBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** The desktop app's file dialog: the path the analyst chose, or null. */
  pickEvidenceFile(): Promise<string | null>;
}
