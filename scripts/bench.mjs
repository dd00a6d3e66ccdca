// `npm run bench`: measures and prints, against the targets the README states.
//  1. The sample: the whole `bao-cao generate` process (no PDF) against the library floor, node merely
//     loading exceljs, docx and commander (the target's definition); runs alternated, medians compared.
//     The product no longer loads docx (its .docx writer is its own, over jszip), so a second floor,
//     merely loading what `generate` does use (exceljs, jszip, commander) from node_modules, is measured
//     and printed too; the CLI itself loads them from its own bundle (scripts/cli-build-options.mjs).
//  2. Size: the sample with every list at 1 000 and at 10 000 rows, and with 10 000 more rows in one list
//     (mo_hinh), each as a whole process against the sample's, with its peak memory.
//  3. The peer benchmark against docxtemplater (scripts/bench/peer.ts), one process, medians of 5.
//  4. Word templates against the text template (scripts/bench/word-template.mjs).
//  5. The district's roll-up of 100 workbooks against one indicators run (scripts/bench/rollup.mjs).
// Wall-clock ratios depend on the machine's load, so this is a script to run and read, not a CI test.
// BENCH_RUNS (sample runs, default 9), BENCH_BIG_RUNS (runs per large workbook, default 3).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { bundleBenchHelpers } from './bench/bundle-helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const BIG_RUNS = Number(process.env.BENCH_BIG_RUNS ?? 3);
const TARGET = { floor: 1.5, oneList: 8, everyList: 30, peakMb: 400 };
const ONE_LIST = 'mo_hinh';
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'bao-cao-bench-'));
const peakFile = join(dir, 'peak');
let missed = 0;

await bundleBenchHelpers({
  workbook: 'scripts/bench/workbook.ts',
  peer: 'scripts/bench/peer.ts',
  'word-template-step': 'scripts/bench/word-template-step.ts',
});

/** Runs node with `args`; returns wall time in ms and the process's peak memory in MB. */
function run(args, { peak = false } = {}) {
  if (peak) writeFileSync(peakFile, '');
  const pre = peak ? ['--import', pathToFileURL(join(root, 'scripts/bench/peak-memory.mjs')).href] : [];
  const start = performance.now();
  const r = spawnSync(process.execPath, [...pre, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_PEAK_FILE: peakFile } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const mb = peak ? Number(readFileSync(peakFile, 'utf8').trim()) / 1024 : undefined;
  return { ms, mb };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 2) => x.toFixed(d).replace('.', ',');
function verdict(value, max) {
  if (value > max) missed++;
  return value <= max ? `≤ ${fmt(max, max % 1 ? 1 : 0)}: met` : `> ${fmt(max, max % 1 ? 1 : 0)}: NOT met`;
}

console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => fmt(l, 1)).join(' ')} at start`);

// ---- 1. The sample against the library floor ----
const sample = join(dir, 'mau.xlsx');
run(['bin/bao-cao.js', 'init', sample, '--sample', '--force']);
const loading = (libs) => ['--input-type=module', '-e', `await Promise.all([${libs.map((l) => `import('${l}')`).join(', ')}]);`];
const floorArgs = loading(['exceljs', 'docx', 'commander']);
const ownFloorArgs = loading(['exceljs', 'jszip', 'commander']);
const generate = (file) => ['bin/bao-cao.js', 'generate', file, '--out', join(dir, 'bao-cao.docx')];
run(floorArgs); // warm the file cache for all three
run(ownFloorArgs);
run(generate(sample));
const floor = [];
const ownFloor = [];
const gen = [];
for (let i = 0; i < RUNS; i++) {
  floor.push(run(floorArgs).ms);
  ownFloor.push(run(ownFloorArgs).ms);
  gen.push(run(generate(sample)).ms);
}
const sampleMs = median(gen);
const floorRatio = sampleMs / median(floor);
const ownFloorRatio = sampleMs / median(ownFloor);
console.log(`\n1. Sample, whole process, median of ${RUNS} alternated runs`);
console.log(`node loading exceljs + docx + commander (the target's floor): ${fmt(median(floor), 0)} ms`);
console.log(`node loading exceljs + jszip + commander from node_modules (the libraries generate uses, which its bundle carries; it no longer uses docx): ${fmt(median(ownFloor), 0)} ms`);
console.log(`bao-cao generate (sample, .docx, no PDF): ${fmt(sampleMs, 0)} ms`);
console.log(`ratio to the target's floor: ${fmt(floorRatio)} (${verdict(floorRatio, TARGET.floor)})`);
const ownVerdict = ownFloorRatio <= TARGET.floor ? 'within' : 'above';
console.log(`ratio to generate's own floor: ${fmt(ownFloorRatio)} (${ownVerdict} ${fmt(TARGET.floor, 1)}; shown for honesty, not counted)`);

// ---- 2. Large workbooks against the sample ----
const sizes = [
  { name: `every list at 1 000 rows`, rows: 1000, lists: [], max: undefined },
  { name: `${ONE_LIST} with 10 000 more rows`, rows: 10000 + listLength(ONE_LIST), lists: [ONE_LIST], max: TARGET.oneList },
  { name: `every list at 10 000 rows`, rows: 10000, lists: [], max: TARGET.everyList },
];
console.log(`\n2. Large workbooks, whole process, median of ${BIG_RUNS} runs, against the sample's ${fmt(sampleMs, 0)} ms`);
for (const size of sizes) {
  const file = join(dir, `rows-${size.rows}-${size.lists.join('-') || 'all'}.xlsx`);
  run(['build/bench/workbook.mjs', file, String(size.rows), ...size.lists]);
  const results = [];
  for (let i = 0; i < BIG_RUNS; i++) results.push(run(generate(file), { peak: true }));
  const ms = median(results.map((r) => r.ms));
  const mb = Math.max(...results.map((r) => r.mb));
  const ratio = ms / sampleMs;
  const judged = size.max === undefined ? '' : ` (${verdict(ratio, size.max)}); peak memory ${verdict(mb, TARGET.peakMb).replace(/(\d)(:)/, '$1 MB$2')}`;
  console.log(`${size.name}: ${fmt(ms / 1000)} s, ${fmt(ratio, 1)} × the sample, peak ${fmt(mb, 0)} MB${judged}`);
}

// ---- 3. Peer benchmark ----
console.log('\n3. Merge + .docx writer against docxtemplater render, one process, medians of 5 (target ≤ 1,5)');
const peer = spawnSync(process.execPath, ['build/bench/peer.mjs'], { cwd: root, encoding: 'utf8' });
if (peer.status !== 0) throw new Error(`peer benchmark failed:\n${peer.stderr}`);
process.stdout.write(peer.stdout);
for (const m of peer.stdout.matchAll(/: (\d+\.\d+)/g)) if (Number(m[1]) > 1.5) missed++;

// ---- 4. Word template against the text template ----
if (!(await (await import('./bench/word-template.mjs')).benchWordTemplate())) missed++;

// ---- 5. The district's roll-up: 100 workbooks in one process against one indicators run ----
console.log('');
if (!(await (await import('./bench/rollup.mjs')).benchRollup())) missed++;

console.log(`\nload average ${loadavg().map((l) => fmt(l, 1)).join(' ')} at the end; targets missed: ${missed}`);
rmSync(dir, { recursive: true, force: true });
if (missed > 0) process.exitCode = 1;

function listLength(list) {
  return JSON.parse(readFileSync(join(root, 'kinds/dan-van-kheo/sample.json'), 'utf8')).lists[list].length;
}
