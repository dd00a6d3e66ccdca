// What the bench's process-level steps share: timing a `node` child from the repo root, medians, and
// numbers written the Vietnamese way.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

export const root = resolve(import.meta.dirname, '../..');
export const fmt = (x, d = 2) => x.toFixed(d).replace('.', ',');
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `node args` from the repo root; throws with its stderr on a non-zero exit. */
export function runNode(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { ms: performance.now() - start, stdout: r.stdout };
}
