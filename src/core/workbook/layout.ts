import type { ReportDefinition, TabDef, ValueSpec } from '../report/schema';
import { ESTIMATED_MARK, FIELD_COLUMNS, PLAN_COLUMNS, RATE_COLUMNS } from '../report/schema';
import { parseDate } from './parse-cell';
import type { CellValue } from './grid';

/** A kind's sample figures (kinds/<id>/sample.json): inputs only, never derived figures. */
export interface SampleData {
  fields: Record<string, SampleValue | { value: SampleValue; unit?: string; note?: string }>;
  rates: Record<string, { start: number; end: number; target: string; note?: string }>;
  lists: Record<string, Record<string, SampleValue>[]>;
  /** Plan tables by block key, rows by key; `estimated` holds the mark that makes a figure an estimate. */
  plans?: Record<string, Record<string, { plan?: number; actual?: number; lastYear?: number; estimated?: string; note?: string; unit?: string }>>;
}
type SampleValue = string | number;

/** One block's place on a laid-out tab, for formatting and protection by either door. */
export interface BlockLayout {
  title: string;
  kind: 'fields' | 'rates' | 'list' | 'plan';
  titleRow: number;
  headerRow: number;
  firstDataRow: number;
  /** Data rows laid out (for a list: the sample's rows, or none for an empty workbook). */
  dataRows: number;
  columns: number;
  /** Columns the clerk types into (0-based); the others hold keys and labels and are protected. */
  inputColumns: number[];
  /** Choice lists for data validation, by column. */
  choices: { column: number; values: string[] }[];
  /** Help notes by data row offset and column. */
  notes: { row: number; column: number; text: string }[];
}

export interface SheetLayout {
  name: string;
  rows: CellValue[][];
  blocks: BlockLayout[];
}

/** Rows kept free under an empty list so the clerk sees where to type; validation covers them too. */
export const EMPTY_LIST_ROWS = 10;

/**
 * Lays out every tab of the report: description, then each block as title, header and rows. `bao-cao init`
 * writes this to .xlsx and the Sheets set-up writes it to tabs, so both doors make the same workbook.
 */
export function layoutWorkbook(def: ReportDefinition, sample?: SampleData): SheetLayout[] {
  return def.tabs.map((tab) => layoutTab(tab, sample));
}

function layoutTab(tab: TabDef, sample?: SampleData): SheetLayout {
  const rows: CellValue[][] = [[tab.description], []];
  const blocks: BlockLayout[] = [];
  for (const block of tab.blocks) {
    const titleRow = rows.length;
    rows.push([block.title]);
    const headerRow = rows.length;
    const notes: BlockLayout['notes'] = [];
    if (block.type === 'fields') {
      rows.push([FIELD_COLUMNS.key, FIELD_COLUMNS.label, FIELD_COLUMNS.value, FIELD_COLUMNS.unit, FIELD_COLUMNS.note]);
      block.fields.forEach((f, i) => {
        const entry = sample?.fields[f.key];
        const full: { value?: SampleValue; unit?: string; note?: string } = typeof entry === 'object' && entry !== null ? entry : { value: entry };
        rows.push([f.key, f.label, sampleCell(f, full.value), full.unit ?? f.unit ?? '', full.note ?? '']);
        if (f.help) notes.push({ row: i, column: 2, text: f.help });
      });
      blocks.push({ title: block.title, kind: 'fields', titleRow, headerRow, firstDataRow: headerRow + 1, dataRows: block.fields.length, columns: 5, inputColumns: [2, 3, 4], choices: [], notes });
    } else if (block.type === 'rates') {
      rows.push([RATE_COLUMNS.key, RATE_COLUMNS.label, RATE_COLUMNS.start, RATE_COLUMNS.end, RATE_COLUMNS.target, RATE_COLUMNS.note]);
      block.rates.forEach((r, i) => {
        const s = sample?.rates[r.key];
        rows.push([r.key, r.label, s?.start ?? null, s?.end ?? null, s?.target ?? null, s?.note ?? '']);
        notes.push({ row: i, column: 2, text: 'Nhập số phần trăm, không gõ dấu %: ví dụ 4,2' });
        notes.push({ row: i, column: 4, text: 'Chỉ tiêu Nghị quyết: ≥ 90 (tối thiểu), ≤ 6 (tối đa), 85-90 (khoảng), giảm, tăng' });
      });
      blocks.push({ title: block.title, kind: 'rates', titleRow, headerRow, firstDataRow: headerRow + 1, dataRows: block.rates.length, columns: 6, inputColumns: [2, 3, 4, 5], choices: [], notes });
    } else if (block.type === 'plan') {
      const P = PLAN_COLUMNS;
      rows.push([P.key, P.label, P.unit, P.plan, P.actual, P.lastYear, P.note, P.estimated]);
      block.rows.forEach((r, i) => {
        const s = sample?.plans?.[block.key]?.[r.key];
        rows.push([r.key, r.label, s?.unit ?? (r.kind === 'percent' ? '%' : (r.unit ?? '')), s?.plan ?? null, s?.actual ?? null, s?.lastYear ?? null, s?.note ?? '', s?.estimated ?? null]);
        if (r.help) notes.push({ row: i, column: 3, text: r.help });
        if (r.kind === 'percent') notes.push({ row: i, column: 4, text: 'Nhập số phần trăm, không gõ dấu %: ví dụ 93,5' });
      });
      notes.push({ row: 0, column: 7, text: `Gõ ${ESTIMATED_MARK} nếu số thực hiện là số ước tính đến hết kỳ` });
      blocks.push({ title: block.title, kind: 'plan', titleRow, headerRow, firstDataRow: headerRow + 1, dataRows: block.rows.length, columns: 8, inputColumns: [2, 3, 4, 5, 6, 7], choices: [{ column: 7, values: [ESTIMATED_MARK] }], notes });
    } else {
      rows.push(block.columns.map((c) => c.label));
      const items = sample?.lists[block.key] ?? [];
      for (const item of items) rows.push(block.columns.map((c) => sampleCell(c, item[c.key])));
      const dataRows = items.length || EMPTY_LIST_ROWS;
      for (let i = items.length; i < dataRows; i++) rows.push([]);
      const choices = block.columns.flatMap((c, column) => (c.choices ? [{ column, values: c.choices }] : []));
      blocks.push({ title: block.title, kind: 'list', titleRow, headerRow, firstDataRow: headerRow + 1, dataRows, columns: block.columns.length, inputColumns: block.columns.map((_, i) => i), choices, notes });
    }
    rows.push([]);
  }
  return { name: tab.name, rows, blocks };
}

function sampleCell(spec: ValueSpec, value: SampleValue | undefined): CellValue {
  if (value === undefined || value === '') return null;
  if (spec.kind === 'date' && typeof value === 'string') {
    const d = parseDate(value);
    if (d.ok) return d.value;
  }
  return value;
}
