// Where the built pieces sit next to the bundled main script (dist/electron/main.cjs), in development and in the package.
import path from 'node:path';

/** The preload bundle, beside the main bundle. */
export const PRELOAD_BUNDLE = 'preload.cjs';
/** The renderer build, relative to the main bundle's folder. */
export const RENDERER_BUILD = '../renderer';

export interface BuiltLayout {
  preload: string;
  rendererRoot: string;
}

export function builtLayout(mainDir: string): BuiltLayout {
  return { preload: path.join(mainDir, PRELOAD_BUNDLE), rendererRoot: path.resolve(mainDir, RENDERER_BUILD) };
}
