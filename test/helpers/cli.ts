import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(__dirname, '../..');

/**
 * Builds the CLI into its own file under build/ (so test files building at once never read each other's
 * half-written bundle) and returns a runner for it.
 */
export async function buildCliForTest(name: string): Promise<(cwd: string, ...args: string[]) => { code: number | null; stdout: string; stderr: string }> {
  const outfile = join(root, 'build', `cli-${name}.js`);
  await build({ entryPoints: [join(root, 'src/node/cli.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', loader: { '.txt': 'text' }, logLevel: 'warning' });
  return (cwd, ...args) => {
    const r = spawnSync(process.execPath, [outfile, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}
