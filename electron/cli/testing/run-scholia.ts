import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = path.resolve('bin/scholia.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `scholia` command as a user would (the bundle is built by vitest's global setup). */
export function runScholia(...args: string[]): Promise<CliRun> {
  return runScholiaWith({}, ...args);
}

/** `runScholia` with more in the environment. */
export async function runScholiaWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, SCHOLIA_LIBRARY: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
