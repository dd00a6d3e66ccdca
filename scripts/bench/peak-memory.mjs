// Preloaded into a benchmarked process (node --import): on exit, appends its peak resident memory in kB
// to the file BENCH_PEAK_FILE names, so the benchmark reads the peak of exactly that process.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) appendFileSync(process.env.BENCH_PEAK_FILE, `${process.resourceUsage().maxRSS}\n`);
});
