// Runs electron-builder for real (`--linux dir`) on a stand-in Electron binary, then reads what it packed.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
// Both come with electron-builder; @electron/asar ships its own types, @electron/fuses its constants.
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};
const { SENTINEL } = require('@electron/fuses/dist/constants.js') as { SENTINEL: string };
const run = promisify(execFile);

/** The fuse wire of a stand-in Electron binary: fuse version 1, nine fuses, as Electron 41 ships them. */
const STOCK_FUSES = '101100011';

let work: string;
let appDir: string;
let files: string[];

beforeAll(async () => {
  if (!existsSync(path.join(repo, 'dist/electron/main.cjs')))
    throw new Error('Run `npm run build` first: the package is made of the built bundles.');
  work = await mkdtemp(path.join(tmpdir(), 'scholia-pack-'));
  const electronDist = path.join(work, 'electron-dist');
  await mkdir(electronDist);
  await writeFile(
    path.join(electronDist, 'electron'),
    Buffer.concat([Buffer.from(`#!/bin/sh\n${SENTINEL}`), Buffer.from([1, STOCK_FUSES.length]), Buffer.from(`${STOCK_FUSES}\n`)]),
    { mode: 0o755 },
  );
  await writeFile(path.join(electronDist, 'version'), 'v41.7.1');
  const builder = path.join(repo, 'node_modules/.bin/electron-builder');
  const output = path.join(work, 'release');
  await run(
    builder,
    [
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      '-c.electronVersion=41.7.1',
      `-c.directories.output=${output}`,
    ],
    {
      cwd: repo,
      env: { ...process.env, CI: '1' },
    },
  );
  appDir = path.join(output, 'linux-unpacked');
  files = asar
    .listPackage(path.join(appDir, 'resources/app.asar'), { isPack: false })
    .map((file) => file.replaceAll('\\', '/').replace(/^\//u, ''));
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packaged app (electron-builder --linux dir)', () => {
  it('holds the main and preload bundles, the renderer, the assets, the icons and package.json', () => {
    for (const file of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
      'assets/sample-article.json',
      'assets/sample-article.txt',
      'assets/icons/512x512.png',
      'package.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.some((file) => /^dist\/renderer\/assets\/index-[\w-]+\.js$/u.test(file))).toBe(true);
  });

  it('leaves out tests, fixtures, sources, source maps, node_modules and the CLI bundle', () => {
    const unwanted = files.filter(
      (file) =>
        /\.(test|spec|stress)\.[cm]?[jt]s$/u.test(file) ||
        /\.map$/u.test(file) ||
        /\.tsx?$/u.test(file) ||
        /^(?:fixtures|e2e|bench|eval|scripts|shared|renderer|electron|docs|schemas|node_modules|dist\/node)(?:\/|$)/u.test(file) ||
        file.includes('/node_modules/'),
    );
    expect(unwanted).toEqual([]);
  });

  it('starts the main bundle, and carries what the installers need: homepage, author with e-mail, description', () => {
    const packaged = JSON.parse(asar.extractFile(path.join(appDir, 'resources/app.asar'), 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(packaged.main).toBe('dist/electron/main.cjs');
    expect(packaged.homepage).toMatch(/^https:\/\//u);
    expect(packaged.author).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/@/u) });
    expect(packaged.description).toEqual(expect.any(String));
    const source = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(packaged.version).toBe(source.version);
  });

  it('flips the fuses of electron-builder.yml in the packaged binary', () => {
    const binary = readFileSync(path.join(appDir, 'scholia'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.toString('latin1', at + 2, at + 2 + STOCK_FUSES.length);
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, inspector off, asar integrity on, app only from asar, file: privileges off.
    expect(wire).toBe('010011001');
  });
});
