import type { ReportKind } from '../../src/core/kind/types';
import type { ListBlock } from '../../src/core/report/schema';
import type { SampleData } from '../../src/core/workbook/layout';

/**
 * A kind's sample with its lists grown to `rows` rows each, deterministically, for the golden copies and the
 * benchmark. Row i repeats sample row i mod n; past the sample's own rows, the text of the columns that
 * make a row unique gets " i" appended (an e-mail gets it before the @) so no row duplicates another.
 * A list whose rows are told apart only by choices (the eight directions of «Giáp ranh») stops at the
 * number of distinct rows it can hold. `only` grows just those lists and keeps the others as they are.
 */
export function paddedSample(kind: ReportKind, rows: number, only?: readonly string[]): SampleData {
  const lists: SampleData['lists'] = {};
  for (const block of listBlocks(kind)) {
    const sample = kind.sample.lists[block.key] ?? [];
    const grow = sample.length > 0 && (!only || only.includes(block.key));
    lists[block.key] = grow ? padList(block, sample, rows) : sample;
  }
  return { ...kind.sample, lists };
}

function listBlocks(kind: ReportKind): ListBlock[] {
  return kind.tabs.flatMap((t) => t.blocks.filter((b): b is ListBlock => b.type === 'list'));
}

type SampleRow = SampleData['lists'][string][number];

function padList(block: ListBlock, sample: SampleRow[], rows: number): SampleRow[] {
  const keys = block.uniqueBy.map((k) => block.columns.find((c) => c.key === k)!);
  const choicesOnly = keys.every((c) => c.kind === 'choice');
  if (choicesOnly) return distinctChoiceRows(block, sample, keys[0].choices ?? [], rows);
  const out: SampleRow[] = [];
  for (let i = 0; i < rows; i++) {
    const row = { ...sample[i % sample.length] };
    if (i >= sample.length) {
      for (const c of keys) if (c.kind !== 'choice') row[c.key] = `${row[c.key]} ${i + 1}`;
      for (const c of block.columns) {
        const v = row[c.key];
        if (c.kind === 'email' && typeof v === 'string' && v.includes('@')) row[c.key] = v.replace('@', `.${i + 1}@`);
      }
    }
    out.push(row);
  }
  return out;
}

/** Rows told apart by one choice column: the sample's rows, then one per choice not yet used. */
function distinctChoiceRows(block: ListBlock, sample: SampleRow[], choices: string[], rows: number): SampleRow[] {
  const key = block.uniqueBy[0];
  const out = sample.slice(0, rows);
  const used = new Set(out.map((r) => r[key]));
  for (const choice of choices) {
    if (out.length >= rows) break;
    if (used.has(choice)) continue;
    out.push({ ...sample[out.length % sample.length], [key]: choice });
  }
  return out;
}
