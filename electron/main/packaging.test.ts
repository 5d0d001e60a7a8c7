// electron-builder.yml against electron-builder's own schema, the build scripts and the icons on disk.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRELOAD_BUNDLE, RENDERER_BUILD } from './layout.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(repo, file));
// js-yaml and app-builder-lib come with electron-builder; neither ships TypeScript types, hence the casts.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface PlatformConfig {
  target: string[];
  icon: string;
  category?: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  extraMetadata: { main: string };
  electronFuses: Record<string, boolean>;
  linux: PlatformConfig;
  mac: PlatformConfig;
  win: PlatformConfig;
}

const config = yaml.load(read('electron-builder.yml').toString('utf8')) as BuilderConfig;
const packageJson = JSON.parse(read('package.json').toString('utf8')) as { main: string; scripts: Record<string, string> };

/** The entry → output pairs of scripts/build-node.mjs. */
function nodeBundles(): Map<string, string> {
  const source = read('scripts/build-node.mjs').toString('utf8');
  const pairs = source.matchAll(/entryPoints:\s*\['([^']+)'\],\s*outfile:\s*'([^']+)'/g);
  return new Map([...pairs].map(([, entry, outfile]) => [entry as string, outfile as string]));
}

/** The width and height of a PNG, from its IHDR chunk; throws if the bytes are not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = read(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The sizes of the images in a Windows .ico (0 in the directory means 256). */
function icoSizes(file: string): number[] {
  const bytes = read(file);
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error(`${file} is not an ICO`);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, index) => bytes.readUInt8(6 + index * 16) || 256);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, fuses included', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and writes packages to release/', () => {
    expect(config.appId).toBe('org.scholia.app');
    expect(config.productName).toBe('Scholia');
    expect(config.directories.output).toBe('release');
  });

  it('builds AppImage and deb for Linux, dmg for macOS, NSIS for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.productivity');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('starts the built main bundle, the one scripts/build-node.mjs writes and package.json names', () => {
    const bundles = nodeBundles();
    expect(config.extraMetadata.main).toBe('dist/electron/main.cjs');
    expect(bundles.get('electron/main/main.ts')).toBe(config.extraMetadata.main);
    expect(packageJson.main).toBe(config.extraMetadata.main);
  });

  it('ships the preload bundle where main.ts looks for it, beside the main bundle', () => {
    const mainDir = path.posix.dirname(config.extraMetadata.main);
    expect(nodeBundles().get('electron/preload/preload.ts')).toBe(path.posix.join(mainDir, PRELOAD_BUNDLE));
  });

  it('ships the renderer build where main.ts serves it from, as vite writes it', () => {
    const mainDir = path.posix.dirname(config.extraMetadata.main);
    const rendererDir = path.posix.join(mainDir, RENDERER_BUILD);
    const viteConfig = read('vite.config.ts').toString('utf8');
    const root = /root:\s*'([^']+)'/.exec(viteConfig)?.[1];
    const outDir = /outDir:\s*'([^']+)'/.exec(viteConfig)?.[1];
    expect(root && outDir && path.posix.join(root, outDir)).toBe(rendererDir);
    expect(config.files).toContain(`${rendererDir}/**`);
  });

  it('packs the bundles, the renderer, the assets and package.json, but no source maps or node_modules', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'assets/**', 'package.json', '!**/*.map', '!node_modules{,/**/*}']),
    );
  });

  it('packages with `npm run dist`', () => {
    expect(packageJson.scripts.dist).toBe('npm run build && electron-builder --config electron-builder.yml');
  });

  it('flips the fuses that close Node and inspector back doors', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names each fuse as @electron/fuses does (the copy electron-builder flips them with), and leaves none unset but the V8 snapshot one', () => {
    const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
    const { FuseV1Options } = fromBuilder('@electron/fuses') as { FuseV1Options: Record<string, string | number> };
    const known = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name)));
    const configured = Object.keys(config.electronFuses).map((key) => key.charAt(0).toUpperCase() + key.slice(1));
    expect(known.length).toBeGreaterThanOrEqual(8);
    for (const name of configured) expect(known, name).toContain(name);
    // Which V8 snapshot file the browser process loads: a start-up matter, not a door to close.
    expect(known.filter((name) => !configured.includes(name))).toEqual(['LoadBrowserProcessSpecificV8Snapshot']);
  });
});

describe('icons', () => {
  it('has a 1024×1024 PNG for macOS and a vector source', () => {
    expect(config.mac.icon).toBe('assets/icons/icon.png');
    expect(pngSize(config.mac.icon)).toEqual({ width: 1024, height: 1024 });
    expect(read('assets/icons/icon.svg').toString('utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
  });

  it('has a PNG of each Linux size in the Linux icon folder, each as large as its name says', () => {
    const folder = config.linux.icon;
    const sized = readdirSync(path.join(repo, folder)).filter((name) => /^\d+x\d+\.png$/.test(name));
    const sizes = sized.map((name) => Number.parseInt(name, 10)).sort((a, b) => a - b);
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256, 512]));
    for (const name of sized) {
      const side = Number.parseInt(name, 10);
      expect(pngSize(path.join(folder, name)), name).toEqual({ width: side, height: side });
    }
  });

  it('has a Windows .ico that holds a 256×256 image', () => {
    expect(config.win.icon).toBe('assets/icons/icon.ico');
    expect(icoSizes(config.win.icon)).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
