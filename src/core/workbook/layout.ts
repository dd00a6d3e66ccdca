import type { ListBlock, ReportDefinition, TabDef, ValueSpec } from '../report/schema';
import { ESTIMATED_MARK, FIELD_COLUMNS, PLAN_COLUMNS, RATE_COLUMNS } from '../report/schema';
import { parseDate } from './parse-cell';
import { normaliseLabel, type CellValue } from './grid';
import { unitsOf } from '../units';

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
  /** Data rows laid out (for a list: the sample's rows, or an example row and blank ones for an empty workbook). */
  dataRows: number;
  /** A list whose first data row is the marked example (shown grey; the reader skips it). */
  exampleRow?: boolean;
  /**
   * Rows from `firstDataRow` the clerk may type into: a keyed block's rows; for a list, every row down to
   * the next block's title, or down to row LIST_LAST_ROW for the tab's last block, so rows added to a list
   * keep its choice lists.
   */
  inputRows: number;
  columns: number;
  /** Columns the clerk types into (0-based); the others hold keys and labels and are protected. */
  inputColumns: number[];
  /** The column the reader finds rows by (keyed blocks), shown small and grey and protected; undefined for a list. */
  keyColumn?: number;
  /** Choice lists for data validation: over `rows` (data row offsets) or, without it, all `inputRows`. */
  choices: Choice[];
  /** Help notes by data row offset (-1: the header cell) and column. */
  notes: { row: number; column: number; text: string }[];
}

export interface Choice {
  column: number;
  values: string[];
  /** Data row offsets; absent: every input row of the block. */
  rows?: number[];
  /** Refuse other values (a choice field); a unit list only warns, as the reader also takes other spellings. */
  strict: boolean;
  /** Shown when the cell is selected (Excel's input message, Google's help text). */
  help: string;
}

export interface SheetLayout {
  name: string;
  rows: CellValue[][];
  blocks: BlockLayout[];
  /**
   * Top rows to freeze on screen and repeat on every printed page: down to the header of a tab's only block;
   * 0 for a tab of several blocks, whose headers sit at different heights.
   */
  repeatRows: number;
}

/**
 * Written right of a list's example row. The reader skips a row marked so, whatever it holds; the mark is
 * outside the list's columns, so no choice list or figure check ever sees it.
 */
export const EXAMPLE_MARK = '← Ví dụ: dòng này không được tính; nhập số liệu từ dòng dưới.';

/** Whether a cell holds the example mark (its start, as a clerk might leave it after editing the rest). */
export function isExampleMark(v: CellValue | undefined): boolean {
  return typeof v === 'string' && normaliseLabel(v).startsWith(normaliseLabel('← Ví dụ'));
}

/** The example row of a list: the first row of the kind's sample for it. */
export function listExample(examples: SampleData | undefined, list: ListBlock): CellValue[] | undefined {
  const first = examples?.lists[list.key]?.[0];
  return first ? list.columns.map((c) => sampleCell(c, first[c.key])) : undefined;
}

export interface LayoutOptions {
  /** Puts a marked example row, taken from these figures, at the top of each list laid out empty. */
  examples?: SampleData;
}

/** The last row (1-based) a list's choice lists reach when nothing is laid out below it: a new Google tab's height. */
export const LIST_LAST_ROW = 1000;

/** Rows kept free under an empty list so the clerk sees where to type; validation covers them too. */
export const EMPTY_LIST_ROWS = 10;

/**
 * Lays out every tab of the report: description, then each block as title, header and rows. `bao-cao init`
 * writes this to .xlsx and the Sheets set-up writes it to tabs, so both doors make the same workbook.
 */
export function layoutWorkbook(def: ReportDefinition, sample?: SampleData, options: LayoutOptions = {}): SheetLayout[] {
  return def.tabs.map((tab) => layoutTab(tab, sample, options));
}

function layoutTab(tab: TabDef, sample: SampleData | undefined, options: LayoutOptions): SheetLayout {
  const rows: CellValue[][] = [[tab.description], []];
  const blocks: BlockLayout[] = [];
  for (const block of tab.blocks) {
    const titleRow = rows.length;
    rows.push([block.title]);
    const headerRow = rows.length;
    const firstDataRow = headerRow + 1;
    const notes: BlockLayout['notes'] = [];
    const choices: Choice[] = [];
    const place = { title: block.title, titleRow, headerRow, firstDataRow };
    if (block.type === 'fields') {
      rows.push([FIELD_COLUMNS.key, FIELD_COLUMNS.label, FIELD_COLUMNS.value, FIELD_COLUMNS.unit, FIELD_COLUMNS.note]);
      block.fields.forEach((f, i) => {
        const entry = sample?.fields[f.key];
        const full: { value?: SampleValue; unit?: string; note?: string } = typeof entry === 'object' && entry !== null ? entry : { value: entry };
        rows.push([f.key, f.label, sampleCell(f, full.value), full.unit ?? f.unit ?? '', full.note ?? '']);
        const help = [f.help, valueHint(f)].filter(Boolean).join(' ');
        if (help) notes.push({ row: i, column: 2, text: help });
        if (f.kind === 'choice' && f.choices) choices.push({ column: 2, values: f.choices, rows: [i], strict: true, help: valueHint(f) as string });
        const units = unitHint(f);
        if (units) {
          notes.push({ row: i, column: 3, text: units.help });
          choices.push({ column: 3, values: units.values, rows: [i], strict: false, help: units.help });
        }
      });
      const dataRows = block.fields.length;
      blocks.push({ ...place, kind: 'fields', dataRows, inputRows: dataRows, columns: 5, inputColumns: [2, 3, 4], keyColumn: 0, choices, notes });
    } else if (block.type === 'rates') {
      rows.push([RATE_COLUMNS.key, RATE_COLUMNS.label, RATE_COLUMNS.start, RATE_COLUMNS.end, RATE_COLUMNS.target, RATE_COLUMNS.note]);
      block.rates.forEach((r, i) => {
        const s = sample?.rates[r.key];
        rows.push([r.key, r.label, s?.start ?? null, s?.end ?? null, s?.target ?? null, s?.note ?? '']);
        notes.push({ row: i, column: 2, text: 'Nhập số phần trăm, không gõ dấu %: ví dụ 4,2' });
        notes.push({ row: i, column: 4, text: 'Chỉ tiêu Nghị quyết: ≥ 90 (tối thiểu), ≤ 6 (tối đa), 85-90 (khoảng), giảm, tăng' });
      });
      const dataRows = block.rates.length;
      blocks.push({ ...place, kind: 'rates', dataRows, inputRows: dataRows, columns: 6, inputColumns: [2, 3, 4, 5], keyColumn: 0, choices, notes });
    } else if (block.type === 'plan') {
      const P = PLAN_COLUMNS;
      rows.push([P.key, P.label, P.unit, P.plan, P.actual, P.lastYear, P.note, P.estimated]);
      block.rows.forEach((r, i) => {
        const s = sample?.plans?.[block.key]?.[r.key];
        rows.push([r.key, r.label, s?.unit ?? (r.kind === 'percent' ? '%' : (r.unit ?? '')), s?.plan ?? null, s?.actual ?? null, s?.lastYear ?? null, s?.note ?? '', s?.estimated ?? null]);
        if (r.help) notes.push({ row: i, column: 3, text: r.help });
        if (r.kind === 'percent') notes.push({ row: i, column: 4, text: 'Nhập số phần trăm, không gõ dấu %: ví dụ 93,5' });
        const units = r.kind === 'percent' ? undefined : unitHint(r);
        if (units) {
          notes.push({ row: i, column: 2, text: units.help });
          choices.push({ column: 2, values: units.values, rows: [i], strict: false, help: units.help });
        }
      });
      const estimated = `Gõ ${ESTIMATED_MARK} nếu số thực hiện là số ước tính đến hết kỳ`;
      notes.push({ row: -1, column: 7, text: estimated });
      choices.push({ column: 7, values: [ESTIMATED_MARK], strict: true, help: estimated });
      const dataRows = block.rows.length;
      blocks.push({ ...place, kind: 'plan', dataRows, inputRows: dataRows, columns: 8, inputColumns: [2, 3, 4, 5, 6, 7], keyColumn: 0, choices, notes });
    } else {
      rows.push(block.columns.map((c) => c.label));
      const items = sample?.lists[block.key] ?? [];
      const example = items.length ? undefined : listExample(options.examples, block);
      if (example) rows.push([...example, EXAMPLE_MARK]);
      for (const item of items) rows.push(block.columns.map((c) => sampleCell(c, item[c.key])));
      const dataRows = items.length || EMPTY_LIST_ROWS;
      while (rows.length < firstDataRow + dataRows) rows.push([]);
      block.columns.forEach((c, column) => {
        const hint = valueHint(c);
        if (hint) notes.push({ row: -1, column, text: hint });
        if (c.kind === 'choice' && c.choices) choices.push({ column, values: c.choices, strict: true, help: hint as string });
        // A unit column: the unit of another column's figure ("Đơn vị năng suất" for "Năng suất").
        const figure = block.columns.find((x) => x.unitColumn === c.key);
        const units = figure ? unitHint(figure) : undefined;
        if (units) {
          notes.push({ row: -1, column, text: units.help });
          choices.push({ column, values: units.values, strict: false, help: units.help });
        }
      });
      blocks.push({ ...place, kind: 'list', dataRows, exampleRow: Boolean(example), inputRows: dataRows, columns: block.columns.length, inputColumns: block.columns.map((_, i) => i), choices, notes });
    }
    rows.push([]);
  }
  // A list owns the rows down to the next block's title (the blank row between them too), or, last on its
  // tab, down to LIST_LAST_ROW: rows the clerk adds there are read as part of it.
  blocks.forEach((b, i) => {
    if (b.kind !== 'list') return;
    const end = i + 1 < blocks.length ? blocks[i + 1].titleRow : Math.max(LIST_LAST_ROW, b.firstDataRow + b.dataRows);
    b.inputRows = end - b.firstDataRow;
  });
  const repeatRows = blocks.length === 1 ? blocks[0].headerRow + 1 : 0;
  return { name: tab.name, rows, blocks, repeatRows };
}

/** Consecutive runs [first data row offset, count] a choice list covers: its rows, or all the block's input rows. */
export function choiceSpans(choice: Choice, inputRows: number): [number, number][] {
  if (!choice.rows) return [[0, inputRows]];
  const spans: [number, number][] = [];
  for (const r of [...choice.rows].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else spans.push([r, 1]);
  }
  return spans;
}

/** What to type in a date or choice cell, for its note; undefined for other kinds. */
function valueHint(spec: ValueSpec): string | undefined {
  if (spec.kind === 'date') return 'Gõ ngày/tháng/năm, ví dụ 25/5/2023 (năm đủ bốn chữ số).';
  if (spec.kind === 'choice' && spec.choices) return `Chọn trong danh sách: ${spec.choices.join('; ')}.`;
  return undefined;
}

/** The units a figure's unit cell may name, and its note; undefined where there is nothing to choose. */
function unitHint(spec: Pick<ValueSpec, 'dimension' | 'unit'>): { values: string[]; help: string } | undefined {
  if (!spec.dimension || spec.dimension === 'percent') return undefined;
  const values = unitsOf(spec.dimension);
  if (values.length < 2) return undefined;
  const tenth = spec.dimension === 'yield' ? ' (1 tấn = 10 tạ)' : '';
  return { values, help: `Đơn vị: ${values.join(', ')}${tenth}; để trống là ${spec.unit}. Số được đổi sang ${spec.unit} khi làm báo cáo.` };
}

function sampleCell(spec: ValueSpec, value: SampleValue | undefined): CellValue {
  if (value === undefined || value === '') return null;
  if (spec.kind === 'date' && typeof value === 'string') {
    const d = parseDate(value);
    if (d.ok) return d.value;
  }
  return value;
}
