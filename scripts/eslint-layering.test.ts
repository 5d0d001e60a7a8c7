import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve('.') });

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
    expect(await violations(rendererFile, "import { app } from 'electron';\nexport const a = app;\n")).toEqual([expect.stringMatching(/^no-restricted-imports: .*Electron/)]);
    expect(await violations(rendererFile, "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([expect.stringMatching(/Node built-ins/)]);
    expect(await violations(rendererFile, "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n")).toEqual([expect.stringMatching(/Node built-ins/)]);
    expect(await violations(rendererFile, "import { dispatch } from '../../electron/services/dispatch.ts';\nexport const a = dispatch;\n")).toEqual([
      expect.stringMatching(/^scholia\/layering: renderer may not import from electron\/services/),
    ]);
  });

  it('fail a shared file that imports electron, node:fs or anything of ours outside shared/', async () => {
    expect(await violations(sharedFile, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await violations(sharedFile, "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await violations(sharedFile, "import { x } from '../../renderer/src/x.ts';\nexport const a = x;\n")).toEqual([expect.stringMatching(/shared may not import from renderer/)]);
  });

  it('fail plain-Node services that import Electron or the Electron shell', async () => {
    expect(await violations(serviceFile, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await violations(serviceFile, "import { x } from '../main/x.ts';\nexport const a = x;\n")).toEqual([expect.stringMatching(/electron\/services may not import from electron\/main/)]);
  });

  it('allow what each layer may use', async () => {
    expect(await violations(sharedFile, "import { z } from 'zod';\nimport { Id } from './ids.ts';\nimport { fingerprint } from '../text/fingerprint.ts';\nexport const a = [z, Id, fingerprint];\n")).toEqual([]);
    expect(await violations(rendererFile, "import { Id } from '../../shared/model/ids.ts';\nexport const a = Id;\n")).toEqual([]);
    expect(await violations(serviceFile, "import { readFileSync } from 'node:fs';\nimport { Id } from '../../shared/model/ids.ts';\nexport const a = [readFileSync, Id];\n")).toEqual([]);
  });
});
