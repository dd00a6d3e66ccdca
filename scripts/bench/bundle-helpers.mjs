// The bench's helpers import TypeScript from the repo: bundled into build/bench/ next to the CLI, with the
// packages left to resolve from node_modules.
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/** Bundles each `name: source` of `entryPoints` into build/bench/<name>.mjs. */
export async function bundleBenchHelpers(entryPoints) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, source]) => [name, join(root, source)])),
    outdir: join(root, 'build/bench'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    loader: { '.txt': 'text' },
    logLevel: 'warning',
  });
}
