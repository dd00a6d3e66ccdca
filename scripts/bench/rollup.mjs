// `npm run bench`, the district's roll-up: `bao-cao tong-hop` of 100 sample-sized workbooks in one process
// against one whole `bao-cao indicators` process, at most 20 times (the libraries load once, not 100 times).
// Runs alone too: `npm run build:cli && node scripts/bench/rollup.mjs`.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, median, runNode } from './process.mjs';

const COMMUNES = 100;
const MAX_RATIO = 20;

// tong-hop exits 1 when a commune has errors; the copies of the sample have none, so any failure throws.
const node = (args) => runNode(args).ms;

/** Returns true when the target is met. */
export async function benchRollup(runs = Number(process.env.BENCH_ROLLUP_RUNS ?? 3)) {
  const dir = mkdtempSync(join(tmpdir(), 'bao-cao-bench-rollup-'));
  try {
    const workbook = join(dir, 'mau.xlsx');
    node(['bin/bao-cao.js', 'init', workbook, '--sample']);
    const communes = join(dir, 'xa');
    mkdirSync(communes);
    for (let i = 1; i <= COMMUNES; i++) copyFileSync(workbook, join(communes, `xa-${String(i).padStart(3, '0')}.xlsx`));
    const indicators = ['bin/bao-cao.js', 'indicators', workbook];
    const rollup = ['bin/bao-cao.js', 'tong-hop', communes, '--out', join(dir, 'tong-hop.xlsx')];
    node(indicators); // warm the file cache
    const one = [];
    const all = [];
    for (let i = 0; i < runs; i++) {
      one.push(node(indicators));
      all.push(node(rollup));
    }
    const ratio = median(all) / median(one);
    console.log(`District roll-up, whole processes, medians of ${runs} alternated runs:`);
    console.log(`  bao-cao indicators (one workbook): ${fmt(median(one), 0)} ms`);
    console.log(`  bao-cao tong-hop (${COMMUNES} workbooks, one process): ${fmt(median(all), 0)} ms`);
    console.log(`  ratio ${fmt(ratio)} (at most ${MAX_RATIO}): ${ratio <= MAX_RATIO ? 'met' : 'NOT met'}`);
    return ratio <= MAX_RATIO;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href && !(await benchRollup())) process.exitCode = 1;
