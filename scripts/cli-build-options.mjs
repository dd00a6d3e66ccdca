// The esbuild options of the Node CLI, shared by scripts/build-cli.mjs and the tests that build their own
// copy, so that the tests run the CLI exactly as it ships.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Options for bundling src/node/cli.ts into `outdir` (cli.js and the chunks it loads on demand). */
export function cliBuildOptions(outdir) {
  return {
    entryPoints: [new URL('../src/node/cli.ts', import.meta.url).pathname],
    outdir,
    // Split so that each library loads only in the command that imports it (see cli.ts).
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The libraries (exceljs, jszip, commander, xmldom) are bundled in: loading exceljs from node_modules
    // means resolving, stat-ing and compiling a few hundred small files, which took longer than the rest
    // of the sample's report; bundled, the sample's whole run is about a quarter shorter (README, Speed).
    // Bundled CommonJS libraries call require() for Node's own modules; an ES module has none of its own.
    banner: { js: "import { createRequire as createRequireForBundledLibraries } from 'node:module'; const require = createRequireForBundledLibraries(import.meta.url);" },
    loader: { '.txt': 'text' },
    // `bao-cao --version` prints the package's version.
    define: { PACKAGE_VERSION: JSON.stringify(version) },
    sourcemap: true,
    logLevel: 'warning',
  };
}
