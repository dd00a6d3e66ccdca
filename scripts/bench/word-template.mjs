// `npm run bench`, Word templates: the .docx port against the text template path on the sample.
//  - the step from template to report bytes, in one process (word-template-step.ts), at most 1,5 times;
//  - the whole `bao-cao generate` process, default template against `--template` with the same template
//    made into Word by `bao-cao template`, for what a clerk waits.
// Runs alone too: `npm run build:cli && node scripts/bench/word-template.mjs` (it bundles its step first).
import { bundleBenchHelpers } from './bundle-helpers.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, median, root, runNode as node } from './process.mjs';

const MAX_RATIO = 1.5;

/** Returns true when the target is met. */
export async function benchWordTemplate(runs = Number(process.env.BENCH_RUNS ?? 9)) {
  // bench.mjs has bundled word-template-step.ts into build/bench with its other helpers.
  const step = JSON.parse(node([join(root, 'build/bench/word-template-step.mjs'), String(runs * 2)]).stdout);
  const ratio = step.word / step.text;
  console.log('Word template (.docx port) against the text template, the sample:');
  console.log(`  template -> report bytes, in process, medians of ${step.runs}: text ${fmt(step.text, 0)} ms, Word ${fmt(step.word, 0)} ms`);
  console.log(`  ratio ${fmt(ratio)} (at most ${fmt(MAX_RATIO, 1)}): ${ratio <= MAX_RATIO ? 'met' : 'NOT met'}`);

  const dir = mkdtempSync(join(tmpdir(), 'bao-cao-bench-word-'));
  try {
    const workbook = join(dir, 'so-lieu.xlsx');
    const template = join(dir, 'mau.docx');
    node(['bin/bao-cao.js', 'init', workbook, '--sample']);
    node(['bin/bao-cao.js', 'template', template]);
    const viaText = ['bin/bao-cao.js', 'generate', workbook, '--out', join(dir, 'a.docx')];
    const viaWord = ['bin/bao-cao.js', 'generate', workbook, '--template', template, '--out', join(dir, 'b.docx')];
    node(viaText);
    node(viaWord);
    const text = [];
    const word = [];
    for (let i = 0; i < runs; i++) {
      text.push(node(viaText).ms);
      word.push(node(viaWord).ms);
    }
    console.log(`  whole generate process, medians of ${runs}: default template ${fmt(median(text), 0)} ms, --template mau.docx ${fmt(median(word), 0)} ms (${fmt(median(word) / median(text))}×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return ratio <= MAX_RATIO;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // As bench.mjs bundles it with the other helpers: the step imports the repo's TypeScript.
  await bundleBenchHelpers({ 'word-template-step': 'scripts/bench/word-template-step.ts' });
  // Wall-clock ratios move with the machine's load: it is printed with them.
  const load = () => loadavg().map((l) => fmt(l, 1)).join(' ');
  console.log(`load average ${load()} at start`);
  if (!(await benchWordTemplate())) process.exitCode = 1;
  console.log(`load average ${load()} at the end`);
}
