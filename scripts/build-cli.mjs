// Bundles the Node CLI (src/node/cli.ts) into build/cli.js and the chunks it loads on demand. Runs on
// `npm ci` (prepare) so that `npx bao-cao` works at once.
//
// Several test files rebuild it while others run it, so the bundle is written into a fresh folder and
// each file then renamed into build/: a reader sees a whole file, old or new, never a half-written one.
// Chunks go first and cli.js last, so cli.js never names a chunk that is not there yet.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { cliBuildOptions } from './cli-build-options.mjs';

const out = new URL('../build/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const fresh = mkdtempSync(join(out, '.building-'));
try {
  await build(cliBuildOptions(fresh));
  const files = readdirSync(fresh).sort((a, b) => Number(a.startsWith('cli.')) - Number(b.startsWith('cli.')));
  for (const f of files) renameSync(join(fresh, f), join(out, f));
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
