// Bundles the Node CLI (src/node/cli.ts) into build/cli.js and the chunks it loads on demand. Runs on
// `npm ci` (prepare) so that `npx bao-cao` works at once; libraries stay external and load from node_modules.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/node/cli.ts'],
  // Split so that each library loads only in the command that imports it (see cli.ts).
  outdir: 'build',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  loader: { '.txt': 'text' },
  // `bao-cao --version` prints the package's version.
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  sourcemap: true,
  logLevel: 'warning',
});
