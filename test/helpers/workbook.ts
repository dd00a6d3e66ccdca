import { bundledKind } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';
import { FIELD_COLUMNS, RATE_COLUMNS, type Block } from '../../src/core/report/schema';
import { a1, normaliseLabel, type CellValue, type WorkbookGrid } from '../../src/core/workbook/grid';
import { layoutWorkbook } from '../../src/core/workbook/layout';

/** The "Dân vận khéo" kind, as both doors bundle it. */
export const DVK = bundledKind('dan-van-kheo') as ReportKind;
const REPORT = DVK;
const SAMPLE = DVK.sample;

/**
 * Test workbooks: the sample laid out as `bao-cao init --sample` writes it, and deep copies of it with one
 * thing changed. Cells are located the way a clerk names them (tab, field key, list row and column), by
 * scanning the grid for the block title and header labels, so the helpers do not share the reader's code.
 */

export interface CellLoc {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  /** A1 notation, as issues report it. */
  cell: string;
}

export function sampleGrid(): WorkbookGrid {
  return layoutWorkbook(REPORT, SAMPLE).map((s) => ({ name: s.name, rows: structuredClone(s.rows) }));
}

export function emptyGrid(): WorkbookGrid {
  return layoutWorkbook(REPORT).map((s) => ({ name: s.name, rows: structuredClone(s.rows) }));
}

export function copyGrid(grid: WorkbookGrid): WorkbookGrid {
  return structuredClone(grid);
}

interface BlockHit {
  tab: string;
  block: Block;
}

function findBlock(pred: (b: Block) => boolean, what: string): BlockHit {
  for (const tab of REPORT.tabs) for (const block of tab.blocks) if (pred(block)) return { tab: tab.name, block };
  throw new Error(`no block holds ${what}`);
}

function sheetRows(grid: WorkbookGrid, tab: string): CellValue[][] {
  const sheet = grid.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  return sheet.rows;
}

/** Title row and header labels of a block on a grid. */
function blockAt(grid: WorkbookGrid, hit: BlockHit): { rows: CellValue[][]; titleRow: number; header: CellValue[] } {
  const rows = sheetRows(grid, hit.tab);
  const titleRow = rows.findIndex((r) => typeof r[0] === 'string' && normaliseLabel(r[0]) === normaliseLabel(hit.block.title));
  if (titleRow < 0) throw new Error(`no title ${hit.block.title}`);
  return { rows, titleRow, header: rows[titleRow + 1] };
}

function loc(sheet: string, row: number, col: number): CellLoc {
  return { sheet, row, col, cell: a1(row, col) };
}

function headerCol(header: CellValue[], label: string): number {
  const c = header.findIndex((v) => v === label);
  if (c < 0) throw new Error(`no header ${label}`);
  return c;
}

export function fieldTab(key: string): string {
  return findBlock((b) => b.type === 'fields' && b.fields.some((f) => f.key === key), `field ${key}`).tab;
}

/** The value cell (or the unit, label, key cell) of a field's row. */
export function fieldCell(grid: WorkbookGrid, key: string, column: keyof typeof FIELD_COLUMNS = 'value'): CellLoc {
  const hit = findBlock((b) => b.type === 'fields' && b.fields.some((f) => f.key === key), `field ${key}`);
  const { rows, titleRow, header } = blockAt(grid, hit);
  const row = rows.findIndex((r, i) => i > titleRow && r[0] === key);
  if (row < 0) throw new Error(`no row ${key}`);
  return loc(hit.tab, row, headerCol(header, FIELD_COLUMNS[column]));
}

export function rateCell(grid: WorkbookGrid, key: string, column: 'start' | 'end' | 'target'): CellLoc {
  const hit = findBlock((b) => b.type === 'rates' && b.rates.some((r) => r.key === key), `rate ${key}`);
  const { rows, titleRow, header } = blockAt(grid, hit);
  const row = rows.findIndex((r, i) => i > titleRow && r[0] === key);
  if (row < 0) throw new Error(`no rate row ${key}`);
  return loc(hit.tab, row, headerCol(header, RATE_COLUMNS[column]));
}

/** A cell of a list's data row (0-based index among the list's rows). */
export function listCell(grid: WorkbookGrid, list: string, index: number, column: string): CellLoc {
  const hit = findBlock((b) => b.type === 'list' && b.key === list, `list ${list}`);
  if (hit.block.type !== 'list') throw new Error('unreachable');
  const def = hit.block.columns.find((c) => c.key === column);
  if (!def) throw new Error(`no column ${column} in ${list}`);
  const { titleRow, header } = blockAt(grid, hit);
  return loc(hit.tab, titleRow + 2 + index, headerCol(header, def.label));
}

/** A block's title cell, and its header row (column A). */
export function blockTitleCell(grid: WorkbookGrid, title: string): CellLoc {
  const hit = findBlock((b) => b.title === title, `block ${title}`);
  const { titleRow } = blockAt(grid, hit);
  return loc(hit.tab, titleRow, 0);
}

export function getCell(grid: WorkbookGrid, at: CellLoc): CellValue {
  return sheetRows(grid, at.sheet)[at.row]?.[at.col] ?? null;
}

/** A deep copy of `grid` with one cell set. */
export function withCell(grid: WorkbookGrid, at: CellLoc, value: CellValue): WorkbookGrid {
  const copy = copyGrid(grid);
  const rows = sheetRows(copy, at.sheet);
  while (rows.length <= at.row) rows.push([]);
  const row = rows[at.row];
  while (row.length <= at.col) row.push(null);
  row[at.col] = value;
  return copy;
}

export const withField = (key: string, value: CellValue, column: keyof typeof FIELD_COLUMNS = 'value', grid = sampleGrid()) =>
  withCell(grid, fieldCell(grid, key, column), value);
export const withRate = (key: string, column: 'start' | 'end' | 'target', value: CellValue, grid = sampleGrid()) =>
  withCell(grid, rateCell(grid, key, column), value);
export const withListCell = (list: string, index: number, column: string, value: CellValue, grid = sampleGrid()) =>
  withCell(grid, listCell(grid, list, index, column), value);

/** A deep copy with a whole row replaced by `cells` (an empty array blanks it). */
export function withRow(grid: WorkbookGrid, sheet: string, row: number, cells: CellValue[]): WorkbookGrid {
  const copy = copyGrid(grid);
  sheetRows(copy, sheet)[row] = cells;
  return copy;
}

/** A deep copy with a row removed (the rows below move up). */
export function withoutRow(grid: WorkbookGrid, sheet: string, row: number): WorkbookGrid {
  const copy = copyGrid(grid);
  sheetRows(copy, sheet).splice(row, 1);
  return copy;
}

export function withoutTab(grid: WorkbookGrid, tab: string): WorkbookGrid {
  return copyGrid(grid).filter((s) => s.name !== tab);
}

/** Number of data rows a list has in the sample. */
export function sampleListLength(list: string): number {
  return SAMPLE.lists[list]?.length ?? 0;
}
