// Builds the two Apps Script projects: the commune's (src/apps-script/main.ts, appsscript.json -> dist/)
// and the district's (src/apps-script-district/main.ts, src/apps-script-district/appsscript.json ->
// dist-district/), each with its own manifest so the commune's stays least-privilege. Each is laid out
// for `clasp push` (rootDir: dist or dist-district):
//   dist/Code.js          the bundle (IIFE assigning the global BaoCao) followed by one top-level
//                         delegating function per export of src/apps-script/main.ts
//   dist/appsscript.json  the manifest, copied from the project root
//   dist/*.html           every src/apps-script/ui/*.html (HtmlService.createHtmlOutputFromFile('name'))
// Apps Script only sees top-level `function` declarations as triggers, menu handlers and
// google.script.run targets, so the wrappers are generated from the entry's real exports (an ESM pass
// of the same entry gives esbuild's metafile `exports`; the IIFE output is then evaluated to confirm each
// one is a function) and can never drift from main.ts.
// The build fails loudly when the bundle uses something V8 Apps Script lacks (see FORBIDDEN below) or
// syntax newer than ES2019 (parsed with espree, ESLint's parser, at ecmaVersion 2019).
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import * as espree from 'espree';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GLOBAL_NAME = 'BaoCao';

/** The projects built: entry, manifest, dialogs folder and output folder. */
export const TARGETS = {
  commune: { entry: 'src/apps-script/main.ts', manifest: 'appsscript.json', uiDir: 'src/apps-script/ui', outDir: 'dist' },
  district: { entry: 'src/apps-script-district/main.ts', manifest: 'src/apps-script-district/appsscript.json', uiDir: 'src/apps-script-district/ui', outDir: 'dist-district' },
};
const TARGET = 'es2019';

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  write: false,
  metafile: true,
  minify: false,
  target: TARGET,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  loader: { '.txt': 'text', '.html': 'text' },
  charset: 'utf8',
  logLevel: 'silent',
};

/** Token sequences that must not appear in the bundle's code (strings and comments are not code). */
const FORBIDDEN = [
  { what: 'require(', test: (t, next) => t.type === 'Identifier' && t.value === 'require' && next?.value === '(' },
  { what: 'import(', test: (t, next) => t.type === 'Keyword' && t.value === 'import' && next?.value === '(' },
  { what: 'process.', test: (t, next) => t.type === 'Identifier' && t.value === 'process' && next?.value === '.' },
  { what: 'setTimeout', test: (t) => t.type === 'Identifier' && (t.value === 'setTimeout' || t.value === 'setInterval') },
  { what: 'Buffer', test: (t) => t.type === 'Identifier' && t.value === 'Buffer' },
];

function fail(message) {
  const err = new Error(`build-apps-script: ${message}`);
  err.buildFailure = true;
  throw err;
}

/** Names exported by the entry, from esbuild's metafile of an ESM build of the same entry. */
async function entryExports(ENTRY) {
  const esm = await build({ ...common, entryPoints: [ENTRY], format: 'esm', outfile: 'out/entry-exports.mjs' });
  const out = Object.values(esm.metafile.outputs).find((o) => o.entryPoint === ENTRY);
  if (!out) fail(`no output for ${ENTRY} in the metafile`);
  return [...out.exports].sort();
}

/** Syntax newer than the target and forbidden globals, found on the parsed bundle. */
export function checkBundle(code) {
  let tokens;
  try {
    tokens = espree.tokenize(code, { ecmaVersion: 'latest', sourceType: 'script', loc: true });
  } catch (e) {
    fail(`the bundle cannot be tokenized: ${e.message}`);
  }
  const found = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const rule of FORBIDDEN) {
      if (rule.test(tokens[i], tokens[i + 1])) found.push(`${rule.what} at line ${tokens[i].loc.start.line}`);
    }
  }
  if (found.length > 0) {
    fail(`the bundle uses things V8 Apps Script does not have:\n  ${found.join('\n  ')}`);
  }
  try {
    espree.parse(code, { ecmaVersion: 2019, sourceType: 'script' });
  } catch (e) {
    fail(`the bundle is not valid ${TARGET} script syntax (static class fields, ?. and ?? are not allowed): ${e.message}`);
  }
}

/** Evaluates the IIFE in an empty context: top-level code must not touch services, exports must be functions. */
function checkExportsAreFunctions(code, names, ENTRY) {
  const context = vm.createContext({});
  try {
    vm.runInContext(`${code}\n;this.__exports = ${GLOBAL_NAME};`, context, { filename: 'bundle.js' });
  } catch (e) {
    fail(`evaluating the bundle at top level failed (top-level code must not call Google services): ${e.message}`);
  }
  const exported = context.__exports;
  for (const name of names) {
    if (typeof exported[name] !== 'function') fail(`export "${name}" of ${ENTRY} is not a function; export functions only`);
  }
}

function wrappers(names) {
  const valid = /^[A-Za-z_$][\w$]*$/;
  return names
    .map((name) => {
      if (!valid.test(name)) fail(`export name "${name}" cannot be a top-level function name`);
      // One named parameter keeps the signature Apps Script shows (onOpen(e)); apply forwards every
      // argument so google.script.run targets with several parameters work too.
      return `function ${name}(e) { return ${GLOBAL_NAME}.${name}.apply(${GLOBAL_NAME}, arguments); }`;
    })
    .join('\n');
}

/** Writes through a temporary file and a rename, so a concurrent reader never sees half a file. */
async function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export async function buildAppsScript({ outDir, target = 'commune' } = {}) {
  const t = TARGETS[target];
  if (!t) fail(`unknown target ${target}`);
  const ENTRY = t.entry;
  const UI_DIR = t.uiDir;
  outDir = outDir ?? join(ROOT, t.outDir);
  const names = await entryExports(ENTRY);
  if (names.length === 0) fail(`${ENTRY} exports nothing`);

  const iife = await build({ ...common, entryPoints: [ENTRY], format: 'iife', globalName: GLOBAL_NAME, outfile: 'dist/bundle.js' });
  const bundle = iife.outputFiles[0].text;
  checkBundle(bundle);
  checkExportsAreFunctions(bundle, names, ENTRY);

  const code = [
    `// Generated by scripts/build-apps-script.mjs from ${ENTRY}. Do not edit.`,
    bundle.trimEnd(),
    '',
    `// Top-level functions for Apps Script (triggers, menu items, google.script.run), one per export.`,
    wrappers(names),
    '',
  ].join('\n');
  checkBundle(code);

  await mkdir(outDir, { recursive: true });
  await writeAtomic(join(outDir, 'Code.js'), code);

  const manifest = JSON.parse(await readFile(join(ROOT, t.manifest), 'utf8'));
  await writeAtomic(join(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const uiFiles = (await readdir(join(ROOT, UI_DIR)).catch(() => [])).filter((f) => f.endsWith('.html')).sort();
  for (const f of uiFiles) {
    const tmp = join(outDir, `${f}.${process.pid}.tmp`);
    await copyFile(join(ROOT, UI_DIR, f), tmp);
    await rename(tmp, join(outDir, f));
  }
  // Anything else left in dist/ from an earlier build would be pushed by clasp: remove it.
  const keep = new Set(['Code.js', 'appsscript.json', ...uiFiles]);
  for (const f of await readdir(outDir)) {
    if (!keep.has(f) && !f.endsWith('.tmp')) await rm(join(outDir, f), { recursive: true, force: true });
  }
  return { outDir, exports: names, html: uiFiles, bytes: Buffer.byteLength(code) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --out-dir=DIR builds the commune's project into DIR; --target=district one project; default both.
  const outArg = process.argv.find((a) => a.startsWith('--out-dir='));
  const targetArg = process.argv.find((a) => a.startsWith('--target='))?.slice('--target='.length);
  const targets = outArg || targetArg ? [targetArg ?? 'commune'] : Object.keys(TARGETS);
  try {
    for (const target of targets) {
      const r = await buildAppsScript({ target, ...(outArg ? { outDir: resolve(outArg.slice('--out-dir='.length)) } : {}) });
      console.log(
        `build-apps-script: ${basename(r.outDir)}/Code.js (${r.bytes} bytes), top-level functions: ${r.exports.join(', ')}; ` +
          `html: ${r.html.length ? r.html.join(', ') : 'none'}`,
      );
    }
  } catch (e) {
    console.error(e.buildFailure ? e.message : e);
    process.exitCode = 1;
  }
}
