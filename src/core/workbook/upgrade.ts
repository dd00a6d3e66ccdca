/**
 * Brings a workbook made from an older definition of its kind up to date, as a list of steps both doors
 * apply: missing tabs are added whole, missing blocks are written below the last row of their tab, missing
 * rows are inserted at the end of their block (the rows below move down with their values), missing columns
 * get their header in the first free column of the header row. Nothing is written into a cell that holds
 * anything, so every entered value stays in its row, beside its key and under its header.
 */
import type { Block, FieldDef, TabDef } from '../report/schema';
import { FIELD_COLUMNS, PLAN_COLUMNS, RATE_COLUMNS } from '../report/schema';
import { isBlank, normaliseLabel, type CellValue, type SheetGrid, type WorkbookGrid } from './grid';
import { layoutWorkbook, type SheetLayout } from './layout';

export type UpgradeStep =
  /** A tab the workbook lacks, laid out as a new workbook would have it. */
  | { kind: 'addTab'; sheet: string; layout: SheetLayout }
  /** Rows put in before 0-based row `at`: that row and those below move down by `rows.length`. */
  | { kind: 'insertRows'; sheet: string; at: number; rows: CellValue[][] }
  /** Values written into blank cells, from 0-based `row`, `col`. */
  | { kind: 'setCells'; sheet: string; row: number; col: number; values: CellValue[][] };

export interface UpgradePlan {
  /** In the order to apply them: within a tab, from the bottom up, so each step's row numbers hold. */
  steps: UpgradeStep[];
  /** What was added, in the clerk's words: "trang «Nơi nhận»", "dòng «Dân số» (bảng «THÔNG TIN CHUNG», trang «Thông tin chung»)". */
  added: string[];
}

export function planUpgrade(def: { tabs: TabDef[] }, workbook: WorkbookGrid): UpgradePlan {
  const steps: UpgradeStep[] = [];
  const added: string[] = [];
  const layouts = layoutWorkbook({ tabs: def.tabs });
  def.tabs.forEach((tab, t) => {
    const sheet = workbook.find((s) => normaliseLabel(s.name) === normaliseLabel(tab.name));
    if (!sheet) {
      steps.push({ kind: 'addTab', sheet: tab.name, layout: layouts[t] });
      added.push(`trang «${tab.name}»`);
      return;
    }
    const own = upgradeTab(tab, layouts[t], sheet);
    steps.push(...own.steps.sort((a, b) => rowOf(b) - rowOf(a)));
    added.push(...own.added);
  });
  return { steps, added };
}

function rowOf(step: UpgradeStep): number {
  return step.kind === 'insertRows' ? step.at : step.kind === 'setCells' ? step.row : 0;
}

function upgradeTab(tab: TabDef, layout: SheetLayout, sheet: SheetGrid): UpgradePlan {
  const rows = sheet.rows;
  const steps: UpgradeStep[] = [];
  const added: string[] = [];
  const where = (block: Block) => `bảng «${block.title}», trang «${sheet.name}»`;
  const titles = new Map(tab.blocks.map((b) => [normaliseLabel(b.title), b]));
  const titleRows = new Map<Block, number>();
  rows.forEach((r, i) => {
    const v = r?.[0];
    const b = typeof v === 'string' ? titles.get(normaliseLabel(v)) : undefined;
    if (b && !titleRows.has(b)) titleRows.set(b, i);
  });
  const starts = [...titleRows.values()].sort((a, b) => a - b);
  let end = lastFilledRow(rows) + 1;

  tab.blocks.forEach((block, b) => {
    const titleRow = titleRows.get(block);
    const blockLayout = layout.blocks[b];
    if (titleRow === undefined) {
      // The block as a new workbook lays it out, one blank row below the tab's last row.
      const fresh = layout.rows.slice(blockLayout.titleRow, blockLayout.firstDataRow + blockLayout.dataRows);
      steps.push({ kind: 'setCells', sheet: sheet.name, row: end + 1, col: 0, values: fresh });
      added.push(`bảng «${block.title}», trang «${sheet.name}»`);
      end += fresh.length + 1;
      return;
    }
    const headerRow = titleRow + 1;
    const header = rows[headerRow] ?? [];
    const columnOf = new Map<string, number>();
    header.forEach((v, c) => {
      if (typeof v === 'string' && !columnOf.has(normaliseLabel(v))) columnOf.set(normaliseLabel(v), c);
    });
    let free = lastFilledColumn(header) + 1;
    for (const label of headerOf(block)) {
      if (columnOf.has(normaliseLabel(label))) continue;
      steps.push({ kind: 'setCells', sheet: sheet.name, row: headerRow, col: free, values: [[label]] });
      added.push(`cột «${label}» (${where(block)})`);
      columnOf.set(normaliseLabel(label), free++);
    }
    if (block.type === 'list') return;

    const next = starts.find((s) => s > titleRow) ?? rows.length;
    const keyCol = columnOf.get(normaliseLabel(FIELD_COLUMNS.key)) as number;
    const present = new Set<string>();
    let last = headerRow;
    for (let r = headerRow + 1; r < next; r++) {
      const v = rows[r]?.[keyCol];
      if (typeof v === 'string' && v.trim()) present.add(v.trim());
      if ((rows[r] ?? []).some((c) => !isBlank(c))) last = r;
    }
    const missing: CellValue[][] = [];
    const entries = block.type === 'fields' ? block.fields : block.type === 'rates' ? block.rates : block.rows;
    entries.forEach((entry, i) => {
      // A renamed field's row, still under its former key, is there: it is read by that key.
      const former = block.type === 'fields' ? ((entry as FieldDef).formerKeys ?? []) : [];
      if (present.has(entry.key) || former.some((k) => present.has(k))) return;
      // The new workbook's row, each cell moved under this tab's header of the same name.
      const fresh = layout.rows[blockLayout.firstDataRow + i];
      const laidHeader = layout.rows[blockLayout.headerRow];
      const row: CellValue[] = [];
      laidHeader.forEach((label, c) => {
        const at = typeof label === 'string' ? columnOf.get(normaliseLabel(label)) : undefined;
        if (at !== undefined && !isBlank(fresh[c] ?? null)) row[at] = fresh[c];
      });
      missing.push(Array.from({ length: row.length }, (_, c) => row[c] ?? null));
      added.push(`dòng «${entry.label}» (${where(block)})`);
    });
    if (missing.length) steps.push({ kind: 'insertRows', sheet: sheet.name, at: last + 1, rows: missing });
  });
  return { steps, added };
}

function headerOf(block: Block): string[] {
  if (block.type === 'fields') return Object.values(FIELD_COLUMNS);
  if (block.type === 'rates') return Object.values(RATE_COLUMNS);
  if (block.type === 'plan') return Object.values(PLAN_COLUMNS);
  return block.columns.map((c) => c.label);
}

function lastFilledRow(rows: CellValue[][]): number {
  for (let r = rows.length - 1; r >= 0; r--) if ((rows[r] ?? []).some((c) => !isBlank(c))) return r;
  return -1;
}

function lastFilledColumn(row: CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c] ?? null)) return c;
  return -1;
}

/** Applies the steps to grids in memory (tests, and the check both doors make before writing). */
export function applyUpgrade(workbook: WorkbookGrid, plan: UpgradePlan): WorkbookGrid {
  const out = workbook.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...(r ?? [])]) }));
  for (const step of plan.steps) {
    if (step.kind === 'addTab') {
      out.push({ name: step.sheet, rows: step.layout.rows.map((r) => [...r]) });
      continue;
    }
    const sheet = out.find((s) => s.name === step.sheet) as SheetGrid;
    if (step.kind === 'insertRows') {
      while (sheet.rows.length < step.at) sheet.rows.push([]);
      sheet.rows.splice(step.at, 0, ...step.rows.map((r) => [...r]));
    } else {
      step.values.forEach((vals, i) => {
        const r = step.row + i;
        while (sheet.rows.length <= r) sheet.rows.push([]);
        vals.forEach((v, j) => {
          if (v === null) return;
          const row = sheet.rows[r];
          while (row.length <= step.col + j) row.push(null);
          if (!isBlank(row[step.col + j])) throw new Error(`upgrade would overwrite ${step.sheet} row ${r + 1}`);
          row[step.col + j] = v;
        });
      });
    }
  }
  return out;
}
