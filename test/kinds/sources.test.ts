/**
 * Every kind, every indicator: changing any numeric input of the kind's sample changes every indicator that
 * names it (directly, through @KEY, or as a plan row's cell) and no other. What an indicator reads comes
 * from the registry's `inputs`, the same list the loader checks references with, never from a list kept here.
 */
import { describe, expect, it } from 'vitest';
import { indicatorKind } from '../../src/core/indicators/registry';
import type { Indicator, IndicatorDef } from '../../src/core/indicators/types';
import type { ReportKind } from '../../src/core/kind/types';
import { runReport } from '../../src/core/report/pipeline';
import type { CellValue, WorkbookGrid } from '../../src/core/workbook/grid';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { bundledKinds } from '../../src/kinds/bundled';

type Cell = { sheet: string; row: number; col: number; id: string; count: boolean };

/** Where each input sits in a kind's sample workbook, read off the layout both doors write. */
function cellsOf(kind: ReportKind) {
  const layout = layoutWorkbook(kind, kind.sample);
  const field = new Map<string, Cell>();
  const rate = new Map<string, Cell>();
  const listCells = new Map<string, Cell[][]>(); // list -> rows -> cells by column order
  const plan = new Map<string, { actual: Cell; plan?: Cell; lastYear?: Cell }>();
  kind.tabs.forEach((tab, t) => {
    const sheet = layout[t];
    tab.blocks.forEach((block, b) => {
      const at = sheet.blocks[b];
      const cell = (row: number, col: number, id: string, count: boolean): Cell => ({ sheet: tab.name, row, col, id, count });
      if (block.type === 'fields') block.fields.forEach((f, i) => field.set(f.key, cell(at.firstDataRow + i, 2, f.key, f.kind === 'count')));
      else if (block.type === 'rates')
        block.rates.forEach((r, i) => {
          rate.set(`${r.key}.start`, cell(at.firstDataRow + i, 2, `${r.key}.start`, false));
          rate.set(`${r.key}.end`, cell(at.firstDataRow + i, 3, `${r.key}.end`, false));
        });
      else if (block.type === 'plan')
        block.rows.forEach((r, i) => {
          const row = at.firstDataRow + i;
          const s = kind.sample.plans?.[block.key]?.[r.key];
          plan.set(r.key, {
            actual: cell(row, 4, `${r.key}.thuc_hien`, r.kind === 'count'),
            ...(s?.plan !== undefined ? { plan: cell(row, 3, `${r.key}.ke_hoach`, r.kind === 'count') } : {}),
            ...(s?.lastYear !== undefined ? { lastYear: cell(row, 5, `${r.key}.cung_ky`, r.kind === 'count') } : {}),
          });
        });
      else {
        const rows = kind.sample.lists[block.key] ?? [];
        listCells.set(
          block.key,
          rows.map((_, i) => block.columns.map((c, col) => cell(at.firstDataRow + i, col, `${block.key}[${i}].${c.key}`, c.kind === 'count'))),
        );
      }
    });
  });
  return { layout, field, rate, listCells, plan };
}

/** The numeric cells an indicator depends on, and through which indicators. */
function dependencies(kind: ReportKind, produced: ReadonlySet<string>) {
  const at = cellsOf(kind);
  const defs = new Map(kind.indicators.map((d) => [d.key, d]));
  const planCells = (key: string): Cell[] => {
    for (const [row, c] of at.plan) {
      if (key === row) return [c.actual];
      if (key === `${row}_ke_hoach`) return [c.actual, ...(c.plan ? [c.plan] : [])];
      if (key === `${row}_cung_ky`) return [c.actual, ...(c.lastYear ? [c.lastYear] : [])];
    }
    return [];
  };
  const cellsOfRef = (ref: string): Cell[] => {
    if (ref.startsWith('@')) return inputsOf(ref.slice(1));
    const c = at.field.get(ref) ?? at.rate.get(ref);
    return c ? [c] : [];
  };
  const inputsOf = (key: string): Cell[] => {
    const def = defs.get(key);
    if (!def) return planCells(key);
    return indicatorKind(def)
      .inputs(def)
      .flatMap((input): Cell[] => {
        if (input.sort === 'figure') return cellsOfRef(input.ref);
        if (input.sort === 'indicator') return inputsOf(input.ref);
        if (input.sort === 'rate') return cellsOfRef(`${input.ref}.start`).concat(cellsOfRef(`${input.ref}.end`));
        if (input.sort === 'list') {
          const block = kind.tabs.flatMap((t) => t.blocks).find((b) => b.type === 'list' && b.key === input.ref);
          if (block?.type !== 'list') return [];
          const rows = kind.sample.lists[input.ref] ?? [];
          return rows.flatMap((row, i) =>
            input.where && row[input.where.column] !== input.where.equals
              ? []
              : input.columns.filter((c) => c.numeric).map((c) => (at.listCells.get(input.ref) as Cell[][])[i][block.columns.findIndex((x) => x.key === c.key)]),
          );
        }
        return []; // targets are not numbers
      });
  };
  const out = new Map<string, { cell: Cell; keys: Set<string> }>();
  // Plan rows give KEY, KEY_ke_hoach and KEY_cung_ky where the sample has a plan and last year's figure.
  const keys = [...kind.indicators.map((d) => d.key), ...[...at.plan.keys()].flatMap((k) => [k, `${k}_ke_hoach`, `${k}_cung_ky`]).filter((k) => produced.has(k))];
  for (const key of keys) {
    for (const cell of inputsOf(key)) {
      if (!out.has(cell.id)) out.set(cell.id, { cell, keys: new Set() });
      out.get(cell.id)?.keys.add(key);
    }
  }
  return { deps: out, defs };
}

function gridOf(layout: ReturnType<typeof layoutWorkbook>): WorkbookGrid {
  return layout.map((s) => ({ name: s.name, rows: structuredClone(s.rows) }));
}

function perturbations(value: number, count: boolean): number[] {
  if (!count) return [value * 0.8, value * 1.25];
  const down = Math.round(value * 0.8);
  const up = Math.round(value * 1.25);
  return [down !== value ? down : value - 1, up !== value ? up : value + 1].filter((v) => v >= 0);
}

/** The indicators one key stands for in a run: itself, or one per row for a per-row definition. */
function produced(key: string, def: IndicatorDef | undefined, run: Indicator[], cell: Cell): Indicator[] {
  if (def?.kind !== 'rowProduct') return run.filter((i) => i.key === key);
  return run.filter((i) => i.key.startsWith(`${key}_`) && i.sources.some((s) => s.sheet === cell.sheet && s.cell === `A${cell.row + 1}`));
}

for (const kind of bundledKinds()) {
  describe(`${kind.id}: changing any numeric input changes every indicator that names it, and only those`, () => {
    const layout = layoutWorkbook(kind, kind.sample);
    const base = runReport(kind, gridOf(layout));
    const { deps, defs } = dependencies(kind, new Set(base.indicators.map((i) => i.key)));

    it('the sample has no error, and every numeric indicator is walked', () => {
      expect(base.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const walked = new Set([...deps.values()].flatMap((d) => [...d.keys]));
      const numeric = kind.indicators.filter((d) => d.kind !== 'listCount' && d.kind !== 'periodYears').map((d) => d.key);
      for (const key of numeric) expect(walked, key).toContain(key);
      expect(deps.size).toBeGreaterThanOrEqual(10);
    });

    it.each([...deps.values()].map((d) => ({ id: d.cell.id, ...d })))('$id', ({ cell, keys }) => {
      const grid = gridOf(layout);
      const old = grid.find((s) => s.name === cell.sheet)?.rows[cell.row][cell.col];
      expect(typeof old, cell.id).toBe('number');
      const candidates = perturbations(old as number, cell.count).map((v) => {
        const g = gridOf(layout);
        (g.find((s) => s.name === cell.sheet) as { rows: CellValue[][] }).rows[cell.row][cell.col] = v;
        return runReport(kind, g);
      });
      const run = candidates.find((r) => !r.issues.some((i) => i.severity === 'error'));
      expect(run, `no error-free change of ${cell.id}`).toBeDefined();
      if (!run) return;
      expect(run.indicators.map((i) => i.key)).toEqual(base.indicators.map((i) => i.key));
      const changed = new Set<string>();
      for (const key of keys) {
        const def = defs.get(key);
        if (def?.kind === 'crossCheck') {
          // A warning, not a figure: its message names both numbers, so it changes.
          const message = (r: typeof run) => r.issues.find((i) => i.severity === 'warning' && i.message.startsWith(`«${def.label}»`))?.message;
          expect(message(run)).toBeDefined();
          expect(message(run)).not.toBe(message(base));
          continue;
        }
        const before = produced(key, def, base.indicators, cell);
        expect(before.length, `${key} on the sample`).toBe(1);
        const after = run.indicators.find((i) => i.key === before[0].key) as Indicator;
        expect(after.value, `${key} value`).not.toBeCloseTo(before[0].value, 9);
        expect(after.text, `${key} text`).not.toBe(before[0].text);
        changed.add(before[0].key);
      }
      for (const i of base.indicators) {
        if (changed.has(i.key)) continue;
        const after = run.indicators.find((x) => x.key === i.key) as Indicator;
        expect(after.value, `${i.key} must not depend on ${cell.id}`).toBe(i.value);
      }
    });
  });
}
