import type { Issue } from '../issues';
import type { FieldValue, ListRow, PlanRow, ReportInput } from '../report/input';
import { ESTIMATED_MARK, FIELD_COLUMNS, PLAN_COLUMNS, RATE_COLUMNS, type Block, type ColumnDef, type ReportDefinition, type TabDef, type ValueSpec } from '../report/schema';
import { displayUnit, lookupUnit, convert, unitsOf, type LocalUnits } from '../units';
import { a1, hasInvisible, isBlank, isCalendarDate, normaliseLabel, stripInvisible, type CellValue, type SheetGrid, type WorkbookGrid } from './grid';
import { formatDateShort, type CalendarDate } from '../format/date';
import { formatNumber } from '../format/number';
import { otherReading, parseDate, parseEmail, parseNumber, parseTarget, parseText, describeCell, type Parsed, type Target } from './parse-cell';
import { farFromToday } from './plausible-date';
import { checkConstraints } from './constraints';
import { readLocalUnits, SAO_WHERE, settingsGrid } from './local-units';
import { isExampleMark, listExample, type SampleData } from './layout';
import { kindMismatch, type KindOutline } from './kind-mismatch';

/**
 * Reads a workbook's grids against the report definition: typed input plus every issue found, each naming
 * its tab and cell. It never throws on bad input: a grid of anything gives issues, not exceptions.
 */
export interface ReadOptions {
  /** The clerk's today, for warning on dates far from it; without it only dates before 1945 are warned about. */
  today?: CalendarDate;
  /**
   * The «Cài đặt» tab (the size of a sào), when the door read it apart from the report's tabs; otherwise it
   * is looked for among the workbook's grids.
   */
  settings?: SheetGrid;
  /**
   * Every kind the door knows: a workbook plainly made for another of them is one error naming that kind,
   * and nothing of it is read (see kind-mismatch.ts). Needs the definition's id and name.
   */
  kinds?: readonly KindOutline[];
}

export function readWorkbook(def: ReportDefinition & { sample?: SampleData; id?: string; name?: string }, workbook: WorkbookGrid, options: ReadOptions = {}): { input: ReportInput; issues: Issue[] } {
  const input: ReportInput = { fields: {}, rates: {}, lists: {}, plans: {} };
  const issues: Issue[] = [];
  if (options.kinds && def.id !== undefined && def.name !== undefined) {
    const mismatch = kindMismatch({ id: def.id, name: def.name, tabs: def.tabs }, options.kinds, workbook);
    if (mismatch) return { input, issues: [mismatch] };
  }
  const byName = new Map<string, SheetGrid>();
  for (const sheet of workbook) if (!byName.has(normaliseLabel(sheet.name))) byName.set(normaliseLabel(sheet.name), sheet);
  // Two tabs that read alike (NFC and NFD spellings, extra spaces) for one section: which holds the figures?
  for (const tab of def.tabs) {
    const positions = workbook.flatMap((sheet, i) => (normaliseLabel(sheet.name) === normaliseLabel(tab.name) ? [i] : []));
    if (positions.length < 2) continue;
    const second = workbook[positions[1]];
    issues.push({
      severity: 'error',
      sheet: second.name,
      cell: 'A1',
      message: `Có ${positions.length} trang cùng tên «${tab.name}» (trang thứ ${positions.map((i) => i + 1).join(' và thứ ')}; chỉ khác cách gõ dấu hoặc khoảng trắng): không biết dùng trang nào. Xóa hoặc đổi tên các trang thừa.`,
    });
  }

  const local = readLocalUnits(options.settings ?? settingsGrid(workbook));
  issues.push(...local.issues);
  for (const tab of def.tabs) {
    const sheet = byName.get(normaliseLabel(tab.name));
    if (!sheet) {
      issues.push({ severity: 'error', sheet: tab.name, cell: 'A1', message: `Thiếu trang tính «${tab.name}». Dùng «Thiết lập bảng tính» để thêm lại, hoặc đổi tên trang về đúng «${tab.name}».` });
      continue;
    }
    new TabReader(tab, sheet, input, issues, local.units, def.sample, options.today).read();
  }
  issues.push(...checkConstraints(def.rules ?? [], input));
  return { input, issues };
}

interface BlockPlace {
  block: Block;
  titleRow: number;
  /** Rows after the header up to the next block's title (exclusive). */
  firstDataRow: number;
  endRow: number;
}

class TabReader {
  private readonly rows: CellValue[][];
  private readonly name: string;

  constructor(
    private readonly tab: TabDef,
    sheet: SheetGrid,
    private readonly input: ReportInput,
    private readonly issues: Issue[],
    private readonly local: LocalUnits,
    /** The kind's sample, whose first row of each list is the example a new workbook shows. */
    private readonly examples: SampleData | undefined,
    private readonly today?: CalendarDate,
  ) {
    this.rows = Array.isArray(sheet.rows) ? sheet.rows.map((r) => (Array.isArray(r) ? r : [])) : [];
    this.name = sheet.name;
  }

  read(): void {
    for (const place of this.locateBlocks()) {
      const columns = this.headerColumns(place);
      if (!columns) continue;
      if (place.block.type === 'fields') this.readFields(place, place.block, columns);
      else if (place.block.type === 'rates') this.readRates(place, place.block, columns);
      else if (place.block.type === 'plan') this.readPlan(place, place.block, columns);
      else this.readList(place, place.block, columns);
    }
  }

  private cell(row: number, col: number): CellValue {
    const v = this.rows[row]?.[col];
    return v === undefined ? null : v;
  }

  private issue(severity: Issue['severity'], row: number, col: number, message: string): void {
    this.issues.push({ severity, sheet: this.name, cell: a1(row, col), message });
  }

  /** Finds each block by its title in column A; blocks may move, rows may be inserted. */
  private locateBlocks(): BlockPlace[] {
    const titles = new Map(this.tab.blocks.map((b) => [normaliseLabel(b.title), b]));
    const found: { block: Block; titleRow: number }[] = [];
    this.rows.forEach((_, r) => {
      const v = this.cell(r, 0);
      if (typeof v !== 'string') return;
      const block = titles.get(normaliseLabel(v));
      if (block && !found.some((f) => f.block === block)) found.push({ block, titleRow: r });
    });
    for (const block of this.tab.blocks) {
      if (!found.some((f) => f.block === block)) {
        this.issue('error', 0, 0, `Không tìm thấy bảng «${block.title}» trong trang «${this.name}»: cột A phải có dòng tiêu đề «${block.title}». Dùng «Thiết lập bảng tính» để thêm lại.`);
      }
    }
    found.sort((a, b) => a.titleRow - b.titleRow);
    return found.map((f, i) => ({
      block: f.block,
      titleRow: f.titleRow,
      firstDataRow: f.titleRow + 2,
      endRow: i + 1 < found.length ? found[i + 1].titleRow : this.rows.length,
    }));
  }

  /** Maps header labels to column indexes, so extra or moved columns do no harm. */
  private headerColumns(place: BlockPlace): Map<string, number> | undefined {
    const headerRow = place.titleRow + 1;
    const map = new Map<string, number>();
    (this.rows[headerRow] ?? []).forEach((v, c) => {
      if (typeof v === 'string' && !map.has(normaliseLabel(v))) map.set(normaliseLabel(v), c);
    });
    const wanted = headerLabels(place.block);
    const missing = wanted.filter((label) => !map.has(normaliseLabel(label)));
    if (missing.length) {
      this.issue('error', headerRow, 0, `Dòng tiêu đề cột của bảng «${place.block.title}» thiếu cột ${missing.map((m) => `«${m}»`).join(', ')}. Cần các cột: ${wanted.join(', ')}.`);
      return undefined;
    }
    // Optional columns (added to the kind after a workbook was made) are used where present.
    const found = [...wanted, ...optionalHeaderLabels(place.block)].filter((label) => map.has(normaliseLabel(label)));
    return new Map(found.map((label) => [label, map.get(normaliseLabel(label)) as number]));
  }

  private dataRows(place: BlockPlace, cols: number[]): number[] {
    const out: number[] = [];
    for (let r = place.firstDataRow; r < place.endRow; r++) if (cols.some((c) => !isBlank(this.cell(r, c)))) out.push(r);
    return out;
  }

  private readFields(place: BlockPlace, block: Extract<Block, { type: 'fields' }>, columns: Map<string, number>): void {
    const keyCol = columns.get(FIELD_COLUMNS.key) as number;
    const valueCol = columns.get(FIELD_COLUMNS.value) as number;
    const unitCol = columns.get(FIELD_COLUMNS.unit) as number;
    const rowsByKey = this.rowsByKey(place, keyCol, [keyCol, valueCol]);
    for (const field of block.fields) {
      // A workbook made before the field was renamed holds its former key.
      const row = [field.key, ...(field.formerKeys ?? [])].map((k) => rowsByKey.get(k)).find((r) => r !== undefined);
      if (row === undefined) {
        this.issue('error', place.titleRow + 1, keyCol, `Thiếu dòng «${field.label}» (mã ${field.key}) trong bảng «${block.title}».`);
        continue;
      }
      const raw = this.cell(row, valueCol);
      if (isBlank(raw)) {
        if (field.required) this.issue('error', row, valueCol, `Chưa nhập «${field.label}»: cần ${expectation(field)}.`);
        continue;
      }
      const unitRaw = this.cell(row, unitCol);
      const parsed = this.parseValue(field, field.label, raw, unitRaw, row, valueCol, unitCol);
      if (parsed) this.input.fields[field.key] = { value: parsed.value as FieldValue, unit: field.unit, ref: { sheet: this.name, cell: a1(row, valueCol) } };
    }
  }

  private readRates(place: BlockPlace, block: Extract<Block, { type: 'rates' }>, columns: Map<string, number>): void {
    const keyCol = columns.get(RATE_COLUMNS.key) as number;
    const startCol = columns.get(RATE_COLUMNS.start) as number;
    const endCol = columns.get(RATE_COLUMNS.end) as number;
    const targetCol = columns.get(RATE_COLUMNS.target) as number;
    const rowsByKey = this.rowsByKey(place, keyCol, [keyCol, startCol, endCol, targetCol]);
    const percentSpec: ValueSpec = { kind: 'percent', unit: '%' };
    for (const rate of block.rates) {
      const row = rowsByKey.get(rate.key);
      if (row === undefined) {
        this.issue('error', place.titleRow + 1, keyCol, `Thiếu dòng «${rate.label}» (mã ${rate.key}) trong bảng «${block.title}».`);
        continue;
      }
      const values: number[] = [];
      for (const [col, what] of [[startCol, 'đầu kỳ'], [endCol, 'cuối kỳ']] as const) {
        const raw = this.cell(row, col);
        if (isBlank(raw)) {
          this.issue('error', row, col, `Chưa nhập «${rate.label}» ${what}: cần một tỷ lệ từ 0 đến 100 (%).`);
          continue;
        }
        const v = this.parseValue(percentSpec, `${rate.label} ${what}`, raw, null, row, col, -1);
        if (v) values.push(v.value as number);
      }
      const targetRaw = this.cell(row, targetCol);
      let target: Parsed<Target> | undefined;
      if (isBlank(targetRaw)) this.issue('error', row, targetCol, `Chưa nhập chỉ tiêu Nghị quyết cho «${rate.label}»: ${TARGET_HELP}.`);
      else {
        target = parseTarget(targetRaw);
        if (!target.ok) this.issue('error', row, targetCol, `Chỉ tiêu Nghị quyết của «${rate.label}» không hiểu được (${target.found}): ${TARGET_HELP}.`);
        else this.warnTargetReadings(`Chỉ tiêu Nghị quyết của ${rate.label}`, targetRaw, row, targetCol);
      }
      if (values.length === 2 && target?.ok) {
        this.input.rates[rate.key] = { start: values[0], end: values[1], target: target.value, ref: { sheet: this.name, cell: a1(row, startCol) } };
      }
    }
  }

  private readList(place: BlockPlace, block: Extract<Block, { type: 'list' }>, columns: Map<string, number>): void {
    const present = block.columns.filter((c) => columns.has(c.label));
    const colIndex = (c: ColumnDef) => columns.get(c.label) as number;
    const cols = present.map(colIndex);
    const rows: ListRow[] = [];
    const seen = new Map<string, number>();
    const emails = new Map<string, number>();
    const all = this.dataRows(place, cols);
    // The example row a new workbook shows is never data; one the clerk typed over is said so.
    const typed = all.filter((r) => !this.exampleRow(r, cols, block, colIndex));
    for (const r of typed) {
      const row: ListRow = { values: {}, entered: {}, row: r + 1, sheet: this.name, cells: Object.fromEntries(present.map((c) => [c.key, a1(r, colIndex(c))])) };
      let valid = true;
      for (const column of block.columns) {
        if (!columns.has(column.label)) {
          row.values[column.key] = null;
          continue;
        }
        const c = colIndex(column);
        const raw = this.cell(r, c);
        if (isBlank(raw)) {
          if (column.required) {
            this.issue('error', r, c, `Chưa nhập «${column.label}» ở dòng ${r + 1} của bảng «${block.title}»: cần ${expectation(column)}.`);
            valid = false;
          }
          row.values[column.key] = null;
          continue;
        }
        const unitDef = column.unitColumn ? present.find((x) => x.key === column.unitColumn) : undefined;
        const unitCol = unitDef ? colIndex(unitDef) : -1;
        const unitRaw = unitDef ? this.cell(r, unitCol) : null;
        const parsed = this.parseValue(column, column.label, raw, unitRaw, r, c, unitCol);
        if (!parsed) {
          valid = false;
          continue;
        }
        row.values[column.key] = parsed.value as number | string;
        if (parsed.entered) row.entered[column.key] = parsed.entered;
      }
      if (!valid) continue;
      for (const k of block.uniqueBy) {
        const column = block.columns.find((c) => c.key === k);
        const raw = column ? this.cell(r, colIndex(column)) : null;
        if (column && typeof raw === 'string' && hasInvisible(raw)) {
          this.issue('warning', r, colIndex(column), `Ô «${column.label}» ở dòng ${r + 1} có ký tự ẩn (khoảng trắng không độ rộng, gạch nối mềm…), đã bỏ khi so sánh: đọc là «${row.values[k]}».`);
        }
      }
      const identity = block.uniqueBy.map((k) => normaliseLabel(String(row.values[k] ?? ''))).join('|');
      const first = seen.get(identity);
      if (first !== undefined) {
        this.issue('error', r, cols[0], `Dòng ${r + 1} trùng với dòng ${first} trong bảng «${block.title}» (cùng ${block.uniqueBy.map((k) => `«${block.columns.find((c) => c.key === k)?.label}»`).join(', ')}). Xóa một dòng hoặc gộp lại.`);
        continue;
      }
      // E-mail addresses are kept lower-cased, so "A@x.vn" and "a@x.vn" are the same recipient.
      const repeated = block.columns.find((c) => c.kind === 'email' && typeof row.values[c.key] === 'string' && emails.has(`${c.key}|${row.values[c.key]}`));
      if (repeated) {
        const address = row.values[repeated.key] as string;
        this.issue('error', r, colIndex(repeated), `Địa chỉ e-mail «${address}» ở dòng ${r + 1} trùng với dòng ${emails.get(`${repeated.key}|${address}`)} trong bảng «${block.title}» (không phân biệt chữ hoa, chữ thường). Xóa một dòng hoặc sửa địa chỉ.`);
        continue;
      }
      for (const c of block.columns) if (c.kind === 'email' && typeof row.values[c.key] === 'string') emails.set(`${c.key}|${row.values[c.key]}`, r + 1);
      seen.set(identity, r + 1);
      rows.push(row);
    }
    // A list whose rows were all refused already has an issue per row; only a list with no row at all gets this one.
    if (block.required && typed.length === 0) {
      this.issue('error', place.titleRow, 0, `Bảng «${block.title}» chưa có dòng nào: báo cáo cần ít nhất một dòng.`);
    }
    this.input.lists[block.key] = rows;
  }

  /** Whether row `r` carries the example mark (outside the list's columns); warns when its cells were changed. */
  private exampleRow(r: number, cols: number[], block: Extract<Block, { type: 'list' }>, colIndex: (c: ColumnDef) => number): boolean {
    const mark = (this.rows[r] ?? []).findIndex((v, c) => !cols.includes(c) && isExampleMark(v));
    if (mark < 0) return false;
    const example = listExample(this.examples, block);
    const changed = example && block.columns.some((c, i) => cols.includes(colIndex(c)) && canonical(this.cell(r, colIndex(c))) !== canonical(example[i] ?? null));
    if (changed) {
      this.issue(
        'error',
        r,
        mark,
        `Dòng ${r + 1} của bảng «${block.title}» là dòng ví dụ (ô ${a1(r, mark)} ghi «Ví dụ…») nhưng đã bị sửa, nên không được tính vào báo cáo. Nếu đây là số liệu thật, xóa ô ${a1(r, mark)} để dòng được tính; nếu không, xóa cả dòng ví dụ.`,
      );
    }
    return true;
  }

  private readPlan(place: BlockPlace, block: Extract<Block, { type: 'plan' }>, columns: Map<string, number>): void {
    const col = (label: string) => columns.get(label) ?? -1;
    const [keyCol, unitCol, planCol, actualCol, lastCol, noteCol, estCol] = [PLAN_COLUMNS.key, PLAN_COLUMNS.unit, PLAN_COLUMNS.plan, PLAN_COLUMNS.actual, PLAN_COLUMNS.lastYear, PLAN_COLUMNS.note, PLAN_COLUMNS.estimated].map(col);
    const rowsByKey = this.rowsByKey(place, keyCol, [keyCol, planCol, actualCol, lastCol]);
    const rows: PlanRow[] = [];
    for (const def of block.rows) {
      const row = rowsByKey.get(def.key);
      if (row === undefined) {
        this.issue('error', place.titleRow + 1, keyCol, `Thiếu dòng «${def.label}» (mã ${def.key}) trong bảng «${block.title}».`);
        continue;
      }
      const spec: ValueSpec = { kind: def.kind, dimension: def.dimension, unit: def.kind === 'percent' ? '%' : def.unit };
      const read = (c: number, what: string): number | null | undefined => {
        const raw = this.cell(row, c);
        if (isBlank(raw)) return null;
        const v = this.parseValue(spec, `${def.label} (${what})`, raw, this.cell(row, unitCol), row, c, unitCol);
        return v ? (v.value as number) : undefined;
      };
      const actual = read(actualCol, PLAN_COLUMNS.actual);
      const plan = read(planCol, PLAN_COLUMNS.plan);
      const lastYear = read(lastCol, PLAN_COLUMNS.lastYear);
      if (actual === null && def.required) this.issue('error', row, actualCol, `Chưa nhập «${def.label}» ở cột «${PLAN_COLUMNS.actual}»: cần ${expectation(spec)}.`);
      const mark = estCol >= 0 ? this.cell(row, estCol) : null;
      const estimated = !isBlank(mark);
      if (estimated && !(typeof mark === 'string' && normaliseLabel(mark) === ESTIMATED_MARK)) {
        this.issue('error', row, estCol, `Cột «${PLAN_COLUMNS.estimated}» của «${def.label}» chỉ nhận «${ESTIMATED_MARK}» (số ước tính) hoặc để trống, nhưng ô có ${describeCell(mark)}.`);
        continue;
      }
      if (actual === null || actual === undefined || plan === undefined || lastYear === undefined) continue;
      const note = noteCol >= 0 ? this.cell(row, noteCol) : null;
      rows.push({
        key: def.key,
        label: def.label,
        kind: def.kind,
        unit: def.kind === 'percent' ? '%' : (def.unit ?? ''),
        lowerIsBetter: def.lowerIsBetter,
        actual,
        ...(plan === null ? {} : { plan }),
        ...(lastYear === null ? {} : { lastYear }),
        estimated,
        note: typeof note === 'string' ? note.trim() : '',
        refs: {
          actual: { sheet: this.name, cell: a1(row, actualCol) },
          ...(plan === null ? {} : { plan: { sheet: this.name, cell: a1(row, planCol) } }),
          ...(lastYear === null ? {} : { lastYear: { sheet: this.name, cell: a1(row, lastCol) } }),
        },
      });
    }
    this.input.plans[block.key] = rows;
  }

  private rowsByKey(place: BlockPlace, keyCol: number, cols: number[]): Map<string, number> {
    const map = new Map<string, number>();
    for (const r of this.dataRows(place, cols)) {
      const key = this.cell(r, keyCol);
      if (typeof key !== 'string' || !key.trim()) continue;
      const k = stripInvisible(key).trim();
      if (k !== key.trim()) this.issue('warning', r, keyCol, `Mã «${k}» ở dòng ${r + 1} có ký tự ẩn (khoảng trắng không độ rộng, gạch nối mềm…), đã bỏ khi so sánh.`);
      if (map.has(k)) this.issue('error', r, keyCol, `Mã «${k}» xuất hiện hai lần (dòng ${(map.get(k) as number) + 1} và dòng ${r + 1}): xóa một dòng.`);
      else map.set(k, r);
    }
    return map;
  }

  /** Parses one value by its spec; reports the issue at its cell and returns undefined when invalid. */
  private parseValue(
    spec: ValueSpec,
    label: string,
    raw: CellValue,
    unitRaw: CellValue,
    row: number,
    col: number,
    unitCol: number,
  ): { value: unknown; entered?: { value: number; unit: string } } | undefined {
    const fail = (found: string) => {
      this.issue('error', row, col, `«${label}» phải là ${expectation(spec)}, nhưng ô có ${found}.`);
      return undefined;
    };
    switch (spec.kind) {
      case 'text': {
        const p = parseText(raw);
        return p.ok ? { value: p.value } : fail(p.found);
      }
      case 'date': {
        const p = parseDate(raw);
        if (!p.ok) return fail(p.found);
        const far = farFromToday(p.value, this.today);
        if (far) this.issue('warning', row, col, `«${label}» là ngày ${formatDateShort(p.value)}, ${far}: kiểm tra lại năm đã nhập.`);
        return { value: p.value };
      }
      case 'target': {
        const p = parseTarget(raw);
        if (p.ok) this.warnTargetReadings(label, raw, row, col);
        return p.ok ? { value: p.value } : fail(`${p.found}; ${TARGET_HELP}`);
      }
      case 'email': {
        const p = parseEmail(raw);
        return p.ok ? { value: p.value } : fail(p.found);
      }
      case 'year': {
        const p = parseNumber(raw);
        return p.ok && Number.isInteger(p.value) && p.value >= 1900 && p.value <= 2200 ? { value: p.value } : fail(p.ok ? describeCell(raw) : p.found);
      }
      case 'choice': {
        const p = parseText(raw);
        const choice = p.ok ? spec.choices?.find((c) => normaliseLabel(c) === normaliseLabel(p.value)) : undefined;
        return choice ? { value: choice } : fail(describeCell(raw));
      }
      default:
        return this.parseFigure(spec, label, raw, unitRaw, row, col, unitCol, fail);
    }
  }

  /** A target typed as text ("≥ 1,250", "1.250 - 1.500"): each of its numbers gets the two-readings warning. */
  private warnTargetReadings(label: string, raw: CellValue, row: number, col: number): void {
    if (typeof raw !== 'string') return;
    for (const token of raw.match(/\d[\d.,]*/g) ?? []) this.warnTwoReadings(label, token, row, col);
  }

  /** "1,250" or "1.250": read the Vietnamese way, with a warning giving both readings and how to type each. */
  private warnTwoReadings(label: string, raw: string, row: number, col: number): void {
    const readings = otherReading(raw);
    if (!readings) return;
    const shown = (n: number) => formatNumber(n, { maxDecimals: 3 });
    // How to type a figure so that it reads one way only: whole numbers without a separator, and a
    // fourth decimal where three would look like thousands ("12,3450").
    const typed = (n: number) => (Number.isInteger(n) ? String(n) : otherReading(shown(n)) ? `${shown(n)}0` : shown(n));
    const { read, other } = readings;
    this.issue(
      'warning',
      row,
      col,
      `«${label}» có «${raw.trim()}», đọc được hai cách: ${shown(read)} theo cách viết Việt Nam (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân), ` +
        `${shown(other)} theo cách viết tiếng Anh. Đã đọc là ${shown(read)}; nếu đúng thì nhập ${typed(read)} để hết cảnh báo, nếu ý là ${shown(other)} thì nhập ${typed(other)}.`,
    );
  }

  private parseFigure(
    spec: ValueSpec,
    label: string,
    raw: CellValue,
    unitRaw: CellValue,
    row: number,
    col: number,
    unitCol: number,
    fail: (found: string) => undefined,
  ): { value: number; entered?: { value: number; unit: string } } | undefined {
    // "12%" in an area cell is not 12 ha: a percent sign belongs only in a percent cell.
    if (spec.kind !== 'percent' && spec.dimension !== 'percent' && typeof raw === 'string' && /%\s*$/.test(raw)) {
      return fail(`${describeCell(raw)}: dấu % chỉ dùng ở ô tỷ lệ; bỏ dấu % và nhập đúng số${spec.unit ? ` (${spec.unit})` : ''}`);
    }
    // A column without a unit column beside it may carry the unit in the cell: "12 sào", "1,5 ha".
    const inline = unitCol < 0 ? unitInCell(spec, raw, this.local) : undefined;
    if (inline) [raw, unitRaw, unitCol] = [inline.number, inline.unit, col];
    const p = parseNumber(raw);
    if (!p.ok) return fail(p.found);
    if (typeof raw === 'string') this.warnTwoReadings(label, raw, row, col);
    let value = p.value;
    let typedValue = p.value;
    let unit = spec.unit ?? '';
    if (spec.dimension && spec.dimension !== 'percent' && !isBlank(unitRaw) && unitCol >= 0) {
      // A unit cell holding a date, a boolean or a formula error is described as the clerk sees it.
      const typed = typeof unitRaw === 'string' || typeof unitRaw === 'number' ? String(unitRaw) : '';
      const info = lookupUnit(typed, this.local);
      if (!info || info.dimension !== spec.dimension) {
        const shown = typed ? `«${typed.trim()}»` : describeCell(unitRaw);
        this.issue('error', row, unitCol, `Đơn vị ${shown} của «${label}» không dùng được: cần một trong ${unitsOf(spec.dimension).join(', ')}.`);
        return undefined;
      }
      if (info.local && !Number.isFinite(info.factor)) {
        this.issue('error', row, unitCol, `«${label}» ghi bằng ${info.display}, nhưng bảng tính chưa cho biết 1 ${info.display} bằng bao nhiêu m²: ghi số đó ở ${SAO_WHERE}, hoặc đổi số sang ${spec.unit}.`);
        return undefined;
      }
      unit = displayUnit(typed);
      value = convert(p.value, typed, spec.unit as string, this.local);
      // A figure in a local unit is kept and written in the field's own unit: the report says ha, not sào.
      if (info.local) {
        unit = spec.unit as string;
        typedValue = value;
      }
      if (!Number.isFinite(value)) {
        this.issue('error', row, col, `«${label}» quá lớn khi đổi từ ${displayUnit(typed)} sang ${spec.unit} (ô có ${describeCell(raw)}).`);
        return undefined;
      }
    }
    // The template writes such a column's unit itself: what the cell held is kept in the column's unit.
    if (inline) [unit, typedValue] = ['', value];
    if (!spec.signed && value < 0) {
      this.issue('error', row, col, `«${label}» không được âm (ô có ${describeCell(raw)}).`);
      return undefined;
    }
    if (spec.kind === 'count' && !Number.isInteger(value)) {
      this.issue('error', row, col, `«${label}» phải là số nguyên (ô có ${describeCell(raw)}).`);
      return undefined;
    }
    if (spec.kind === 'percent' && (value < 0 || value > 100)) {
      this.issue('error', row, col, `«${label}» là tỷ lệ nên phải từ 0 đến 100 (%), nhưng ô có ${describeCell(raw)}.`);
      return undefined;
    }
    return { value, entered: { value: typedValue, unit } };
  }
}

/** "12 sào" in a cell of a measured quantity: the number and a unit of the cell's dimension, or undefined. */
function unitInCell(spec: ValueSpec, raw: CellValue, local: LocalUnits): { number: string; unit: string } | undefined {
  if (typeof raw !== 'string' || !spec.dimension || spec.dimension === 'percent') return undefined;
  const m = /^\s*([+-]?\d[\d.,\s\u00a0]*?)\s*([^\d\s.,+-][^\d]*?)\s*$/.exec(raw.normalize('NFC'));
  if (!m) return undefined;
  const info = lookupUnit(m[2], local);
  return info && info.dimension === spec.dimension ? { number: m[1], unit: m[2] } : undefined;
}

/** A cell as compared with the example: blanks alike, text by how a clerk reads it, dates by day. */
function canonical(v: CellValue): string {
  if (isBlank(v)) return '';
  if (typeof v === 'string') return normaliseLabel(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isCalendarDate(v)) return `${v.year}-${v.month}-${v.day}`;
  return JSON.stringify(v);
}

const TARGET_HELP = 'viết ≥ 90 (tối thiểu), ≤ 6 (tối đa), 85-90 (khoảng), «giảm» hoặc «tăng»';

/** What a cell of this spec should hold, in the clerk's words. */
export function expectation(spec: ValueSpec): string {
  switch (spec.kind) {
    case 'text':
      return 'một đoạn chữ';
    case 'date':
      return 'một ngày (ví dụ 25/5/2023)';
    case 'target':
      return `một chỉ tiêu (${TARGET_HELP})`;
    case 'email':
      return 'một địa chỉ e-mail (ví dụ ten@example.com)';
    case 'choice':
      return `một trong: ${(spec.choices ?? []).join(', ')}`;
    case 'year':
      return 'một năm có bốn chữ số (ví dụ 2025)';
    case 'count':
      return `một số nguyên không âm${spec.unit ? ` (${spec.unit})` : ''}`;
    case 'percent':
      return 'một tỷ lệ từ 0 đến 100 (%)';
    default:
      return `một số${spec.signed ? '' : ' không âm'}${spec.unit ? ` (${spec.unit})` : ''}`;
  }
}

function headerLabels(block: Block): string[] {
  if (block.type === 'fields') return [FIELD_COLUMNS.key, FIELD_COLUMNS.label, FIELD_COLUMNS.value, FIELD_COLUMNS.unit];
  if (block.type === 'rates') return [RATE_COLUMNS.key, RATE_COLUMNS.label, RATE_COLUMNS.start, RATE_COLUMNS.end, RATE_COLUMNS.target];
  if (block.type === 'plan') return [PLAN_COLUMNS.key, PLAN_COLUMNS.label, PLAN_COLUMNS.unit, PLAN_COLUMNS.plan, PLAN_COLUMNS.actual, PLAN_COLUMNS.lastYear];
  return block.columns.filter((c) => !c.optional).map((c) => c.label);
}

/** Columns read when present, never required in the header. */
function optionalHeaderLabels(block: Block): string[] {
  if (block.type === 'plan') return [PLAN_COLUMNS.note, PLAN_COLUMNS.estimated];
  if (block.type === 'list') return block.columns.filter((c) => c.optional).map((c) => c.label);
  return [];
}
