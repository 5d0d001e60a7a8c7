import { execFileSync } from 'node:child_process';

/** Builds the Node bundles once, so CLI tests run the command exactly as users do. */
export default function buildNodeBundles(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}
