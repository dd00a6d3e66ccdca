/**
 * Generation stays linear in the clerk's work: every step (read, compute, merge data, merge, write) is
 * timed on the sample with every list at N and at 4N rows. Linear work takes about 4 times as long at 4N;
 * work growing with the square of the rows takes 16 times, so a bound of 7 separates them even on a busy
 * machine. Times are this process's CPU time (not wall time), the best of a few repetitions, and each
 * step is compared on its own so a quadratic step cannot hide behind a large linear one.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../src/core/indicators/engine';
import { renderReportDocument } from '../../src/core/report/document';
import { buildMergeData } from '../../src/core/report/merge-data';
import { readWorkbook } from '../../src/core/workbook/read';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { renderDocx } from '../../src/node/docx-writer';
import { paddedSample } from '../helpers/padded-sample';
import { DVK } from '../helpers/workbook';

const N = 250;
const GROWTH = 4;
const MAX_RATIO = 7;
const REPEATS = 3;
/** Below this a step's time is mostly timer and scheduling noise: the bound gets this much slack. */
const NOISE_MS = 15;

type Steps = Record<'read' | 'compute' | 'data' | 'merge' | 'write', number>;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function timeSteps(rows: number): Promise<Steps> {
  const grid = layoutWorkbook(DVK, paddedSample(DVK, rows));
  const t: Steps = { read: 0, compute: 0, data: 0, merge: 0, write: 0 };
  let at = cpuMs();
  const lap = (step: keyof Steps) => {
    const now = cpuMs();
    t[step] = now - at;
    at = now;
  };
  const { input, issues } = readWorkbook(DVK, grid);
  lap('read');
  const computed = computeIndicators(DVK, input);
  lap('compute');
  const data = buildMergeData(DVK, input, computed.indicators);
  lap('data');
  const merged = renderReportDocument(DVK.template, data);
  lap('merge');
  await renderDocx(merged.document);
  lap('write');
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(merged.problems).toEqual([]);
  return t;
}

async function best(rows: number): Promise<Steps> {
  let out: Steps | undefined;
  for (let r = 0; r < REPEATS; r++) {
    const t = await timeSteps(rows);
    out = out ? (Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.min(v, t[k as keyof Steps])])) as Steps) : t;
  }
  return out!;
}

describe('linear growth', () => {
  it(`every step at ${GROWTH * N} rows per list takes at most ${MAX_RATIO} times its time at ${N}`, async () => {
    await timeSteps(N); // warm the JIT so the small size is not charged for compiling
    const small = await best(N);
    const large = await best(GROWTH * N);
    const ratios = Object.fromEntries(Object.keys(small).map((k) => [k, large[k as keyof Steps] / Math.max(small[k as keyof Steps], 0.1)]));
    console.log(`CPU ms at ${N} rows: ${JSON.stringify(small, round)}\nat ${GROWTH * N}: ${JSON.stringify(large, round)}`);
    for (const step of Object.keys(small) as (keyof Steps)[]) {
      expect(large[step], `${step}: ${ratios[step].toFixed(1)}× for ${GROWTH}× the rows`).toBeLessThanOrEqual(MAX_RATIO * small[step] + NOISE_MS);
    }
  }, 300_000);
});

function round(_k: string, v: unknown) {
  return typeof v === 'number' ? Math.round(v) : v;
}
