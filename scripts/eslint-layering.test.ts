import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve('.') });

/** Runs a command to its end, failing or not. */
function run(command: string, args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(command, args, (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }));
  });
}

/** The rule ids ESLint reports for `code` placed at `file` under the project's config. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const rendererFile = 'renderer/src/layering-probe.ts';
const sharedFile = 'shared/model/layering-probe.ts';
const serviceFile = 'electron/services/layering-probe.ts';

describe('layering rules (docs/ARCHITECTURE.md, Runtimes and layers)', () => {
  it('fail a renderer file that imports electron, node:fs or the services', async () => {
    expect(await violations(rendererFile, "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*Electron/),
    ]);
    expect(await violations(rendererFile, "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([
      expect.stringMatching(/Node built-ins/),
    ]);
    expect(await violations(rendererFile, "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n")).toEqual([
      expect.stringMatching(/Node built-ins/),
    ]);
    expect(
      await violations(rendererFile, "import { dispatch } from '../../electron/services/dispatch.ts';\nexport const a = dispatch;\n"),
    ).toEqual([expect.stringMatching(/^scholia\/layering: renderer may not import from electron\/services/)]);
  });

  it('fail a shared file that imports electron, node:fs or anything of ours outside shared/', async () => {
    expect(await violations(sharedFile, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await violations(sharedFile, "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await violations(sharedFile, "import { x } from '../../renderer/src/x.ts';\nexport const a = x;\n")).toEqual([
      expect.stringMatching(/shared may not import from renderer/),
    ]);
  });

  it('fail plain-Node services that import Electron or the Electron shell', async () => {
    expect(await violations(serviceFile, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await violations(serviceFile, "import { x } from '../main/x.ts';\nexport const a = x;\n")).toEqual([
      expect.stringMatching(/electron\/services may not import from electron\/main/),
    ]);
  });

  it('allow what each layer may use', async () => {
    expect(
      await violations(
        sharedFile,
        "import { z } from 'zod';\nimport { Id } from './ids.ts';\nimport { fingerprint } from '../text/fingerprint.ts';\nexport const a = [z, Id, fingerprint];\n",
      ),
    ).toEqual([]);
    expect(await violations(rendererFile, "import { Id } from '../../shared/model/ids.ts';\nexport const a = Id;\n")).toEqual([]);
    expect(
      await violations(
        serviceFile,
        "import { readFileSync } from 'node:fs';\nimport { Id } from '../../shared/model/ids.ts';\nexport const a = [readFileSync, Id];\n",
      ),
    ).toEqual([]);
  });

  it('keep the renderer one way: components → app → session → commands, reader and model', async () => {
    expect(
      await violations(
        'renderer/src/session/layering-probe.ts',
        "import type { AppStore } from '../app/app-store.ts';\nexport type A = AppStore;\n",
      ),
    ).toEqual([expect.stringMatching(/^scholia\/layering: renderer\/src\/session may not import from renderer\/src\/app/)]);
    expect(
      await violations('renderer/src/app/layering-probe.ts', "import { App } from '../components/App.tsx';\nexport const a = App;\n"),
    ).toEqual([expect.stringMatching(/renderer\/src\/app may not import from renderer\/src\/components/)]);
    expect(await violations('renderer/src/reader/layering-probe.ts', "import { x } from '../model/x.ts';\nexport const a = x;\n")).toEqual([
      expect.stringMatching(/renderer\/src\/reader may not import from renderer\/src\/model/),
    ]);
    expect(
      await violations(
        'renderer/src/components/layering-probe.ts',
        "import type { AppStore } from '../app/app-store.ts';\nexport type A = AppStore;\n",
      ),
    ).toEqual([]);
  });

  it('fail any import cycle, even one of type imports (dependency-cruiser, in npm run lint)', async () => {
    const dir = path.resolve('shared/model/cycle-probe');
    await mkdir(dir, { recursive: true });
    try {
      await writeFile(
        path.join(dir, 'first.ts'),
        "import type { Second } from './second.ts';\nexport interface First { second: Second }\n",
      );
      await writeFile(path.join(dir, 'second.ts'), "import type { First } from './first.ts';\nexport interface Second { first: First }\n");
      const cruise = await run(process.execPath, [
        path.resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        '--config',
        '.dependency-cruiser.cjs',
        'shared/model',
      ]);
      expect(cruise.code).not.toBe(0);
      expect(cruise.stdout).toMatch(
        /error no-cycle: shared\/model\/cycle-probe\/first\.ts →\s+shared\/model\/cycle-probe\/second\.ts →\s+shared\/model\/cycle-probe\/first\.ts/u,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
