// Times the whole `bao-cao generate` process on the sample (no PDF) against node merely loading the
// libraries the CLI loads, and reports the medians and their ratio. Fails when the ratio is above 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const MAX_RATIO = 2;
const dir = mkdtempSync(join(tmpdir(), 'bao-cao-bench-'));
const workbook = join(dir, 'so-lieu-mau.xlsx');
const report = join(dir, 'bao-cao.docx');

function run(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

run(['bin/bao-cao.js', 'init', workbook, '--sample', '--force']);
const loadOnly = ['--input-type=module', '-e', "await Promise.all([import('exceljs'), import('docx'), import('commander')]);"];
const generate = ['bin/bao-cao.js', 'generate', workbook, '--out', report];
run(loadOnly); // warm the file cache for both
run(generate);

const load = [];
const gen = [];
for (let i = 0; i < RUNS; i++) {
  load.push(run(loadOnly));
  gen.push(run(generate));
}
rmSync(dir, { recursive: true, force: true });

const ratio = median(gen) / median(load);
console.log(`runs: ${RUNS}`);
console.log(`node loading exceljs + docx + commander: median ${median(load).toFixed(0)} ms`);
console.log(`bao-cao generate (sample, .docx, no PDF):  median ${median(gen).toFixed(0)} ms`);
console.log(`ratio: ${ratio.toFixed(2)} (at most ${MAX_RATIO})`);
if (ratio > MAX_RATIO) process.exitCode = 1;
