import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: a plain ES module script without types; it returns esbuild options.
import { cliBuildOptions } from '../../scripts/cli-build-options.mjs';

const root = resolve(__dirname, '../..');

/**
 * Builds the CLI, as it ships, into its own folder under build/ (so test files building at once never read
 * each other's half-written bundle) and returns a runner for it.
 */
export async function buildCliForTest(name: string): Promise<(cwd: string, ...args: string[]) => { code: number | null; stdout: string; stderr: string }> {
  const outdir = join(root, 'build', `test-${name}`);
  await build({ ...cliBuildOptions(outdir), sourcemap: false });
  const cli = join(outdir, 'cli.js');
  return (cwd, ...args) => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}
