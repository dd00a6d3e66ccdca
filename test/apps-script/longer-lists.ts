import type { ListBlock } from '../../src/core/report/schema';
import type { WorkbookGrid } from '../../src/core/workbook/grid';
import { layoutWorkbook, type SampleData } from '../../src/core/workbook/layout';
import { DVK } from '../helpers/workbook';

const REPORT = DVK;
const SAMPLE = DVK.sample;

/**
 * The sample workbook with every list `times` times longer: each item repeated, its identifying
 * columns (uniqueBy, e-mail) made distinct ("Lúa 2", "x.2@…", the next unused choice), so the clerk's
 * check finds no duplicate. A list keyed by a choice column stops when its choices run out.
 */
export function longerListsGrid(times: number): { grid: WorkbookGrid; items: number } {
  const data: SampleData = structuredClone(SAMPLE);
  let items = 0;
  for (const block of listBlocks()) {
    const base = SAMPLE.lists[block.key] ?? [];
    const out = base.map((item) => ({ ...item }));
    const used = new Map<string, Set<string>>(block.uniqueBy.map((k) => [k, new Set(base.map((i) => String(i[k])))]));
    for (let t = 2; t <= times; t++) {
      for (const item of base) {
        const copy = { ...item };
        let ok = true;
        for (const column of block.columns) {
          const v = item[column.key];
          if (column.kind === 'email' && typeof v === 'string' && v.includes('@')) copy[column.key] = v.replace('@', `.${t}@`);
          if (!block.uniqueBy.includes(column.key)) continue;
          if (column.kind === 'choice') {
            const free = (column.choices ?? []).find((c) => !used.get(column.key)?.has(c));
            if (free === undefined) ok = false;
            else copy[column.key] = free;
          } else copy[column.key] = `${String(v)} ${t}`;
        }
        if (!ok) continue;
        for (const k of block.uniqueBy) used.get(k)?.add(String(copy[k]));
        out.push(copy);
      }
    }
    data.lists[block.key] = out;
    items += out.length;
  }
  const grid = layoutWorkbook(REPORT, data).map((s) => ({ name: s.name, rows: s.rows }));
  return { grid, items };
}

function listBlocks(): ListBlock[] {
  return REPORT.tabs.flatMap((t) => t.blocks).filter((b): b is ListBlock => b.type === 'list');
}
