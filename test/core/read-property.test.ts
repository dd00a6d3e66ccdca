import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELD_COLUMNS, RATE_COLUMNS } from '../../src/core/report/schema';
import { runReport } from '../../src/core/report/pipeline';
import type { Issue } from '../../src/core/issues';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/workbook/grid';
import { readWorkbook } from '../../src/core/workbook/read';
import { sampleGrid, DVK } from '../helpers/workbook';

/** Every label the reader looks for, so random grids often hit real titles, headers and keys. */
const realWords = [
  ...DVK.tabs.flatMap((t) => [
    t.name,
    ...t.blocks.flatMap((b) => [
      b.title,
      ...(b.type === 'fields' ? b.fields.map((f) => f.key) : b.type === 'rates' ? b.rates.map((r) => r.key) : b.type === 'plan' ? b.rows.map((r) => r.key) : b.columns.flatMap((c) => [c.label, ...(c.choices ?? [])])),
    ]),
  ]),
  ...Object.values(FIELD_COLUMNS),
  ...Object.values(RATE_COLUMNS),
  'ha', 'mẫu', 'tạ', 'tạ/ha', 'tấn/ha', 'đồng', 'triệu đồng', '≥ 90', '85-90 %', 'giảm',
];
const tabNames = DVK.tabs.map((t) => t.name);

const numericText = fc.oneof(
  fc.constantFrom('1.042', '5.433,05', '53,58', '1.050.000.000', '-0', '1e400', '-1e308', '9'.repeat(400), '1.2.3', ',', '1,5E+3', 'NaN', 'Infinity', '  ', '%', '100 %', '-5,5'),
  fc.double().map((d) => String(d)),
  fc.double().map((d) => String(d).replace('.', ',')),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('😀', '👨‍👩‍👧', '\u0000', '\uFEFF', '\uD800', 'A'.repeat(5000)),
  fc.constantFrom(...realWords),
  fc.constantFrom(...realWords).map((w) => w.normalize('NFD')),
  fc.constantFrom(...realWords).map((w) => ` ${w.toUpperCase()}  `),
  numericText,
  fc.double(), // NaN, ±Infinity, -0, tiny and huge values
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.record({ year: fc.integer({ min: -10, max: 10_000 }), month: fc.integer({ min: -1, max: 14 }), day: fc.integer({ min: -1, max: 40 }) }),
  fc.constantFrom('#DIV/0!', '#REF!', '#N/A', '#VALUE!', '').map((error) => ({ error })),
);

const row = fc.oneof(fc.array(cellValue, { maxLength: 9 }), fc.sparseArray(cellValue, { maxLength: 9 }).map((r) => r as CellValue[]));
const sheetName = fc.oneof(fc.constantFrom(...tabNames), fc.constantFrom(...tabNames).map((n) => n.normalize('NFD').toUpperCase()), fc.string());
const sheet: fc.Arbitrary<SheetGrid> = fc.record({ name: sheetName, rows: fc.array(row, { maxLength: 40 }) });
const workbook = fc.array(sheet, { maxLength: 12 });

const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

function checkIssues(issues: Issue[], grid: WorkbookGrid): void {
  const names = new Set([...grid.map((s) => s.name), ...tabNames]);
  for (const issue of issues) {
    expect(['error', 'warning']).toContain(issue.severity);
    expect(names.has(issue.sheet), `sheet ${issue.sheet}`).toBe(true);
    expect(issue.cell).toMatch(A1);
    expect(issue.message.trim().length).toBeGreaterThan(10);
    // What the clerk typed is quoted «…» and may say anything; the message around it may not.
    expect(issue.message.replace(/«[^»]*»/g, '«»')).not.toMatch(/undefined|\[object Object\]|NaN|Infinity/);
  }
}

function checkRun(grid: WorkbookGrid): void {
  const before = JSON.stringify(grid);
  const read = readWorkbook(DVK, grid);
  checkIssues(read.issues, grid);
  const run = runReport(DVK, grid);
  checkIssues(run.issues, grid);
  for (const i of run.indicators) {
    expect(Number.isFinite(i.value), `${i.key} = ${i.value}`).toBe(true);
    expect(i.text).not.toMatch(/NaN|Infinity|undefined/);
  }
  expect(JSON.stringify(grid)).toBe(before); // the reader never writes into the cells it was given
}

describe('random workbooks never make the reader or the pipeline throw', () => {
  it('random grids: every issue names a tab, an A1 cell and says something', () => {
    fc.assert(fc.property(workbook, (grid) => checkRun(grid)), { numRuns: 300 });
  });

  it('a grid whose rows are missing or are not arrays is read as empty', () => {
    const broken = [{ name: 'Tự nhiên', rows: undefined }, { name: 'Nông nghiệp', rows: [null, 'x', 3] }] as unknown as WorkbookGrid;
    const { issues } = readWorkbook(DVK, broken);
    expect(issues.find((i) => i.sheet === 'Tự nhiên')?.message).toContain('Không tìm thấy bảng «ĐIỀU KIỆN TỰ NHIÊN»');
    checkIssues(issues, broken);
  });
});

describe('random changes to the sample never make the pipeline throw', () => {
  const base = sampleGrid();
  const change = fc.record({
    sheet: fc.integer({ min: 0, max: base.length - 1 }),
    row: fc.nat({ max: 60 }),
    col: fc.nat({ max: 8 }),
    value: cellValue,
    op: fc.constantFrom('set', 'set', 'set', 'insertRow', 'deleteRow'),
  });

  it('cells set to anything, rows inserted and deleted', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 6 }), (changes) => {
        const grid = structuredClone(base);
        for (const c of changes) {
          const rows = grid[c.sheet].rows;
          if (c.op === 'insertRow') rows.splice(Math.min(c.row, rows.length), 0, [c.value]);
          else if (c.op === 'deleteRow') rows.splice(c.row, 1);
          else {
            while (rows.length <= c.row) rows.push([]);
            rows[c.row][c.col] = c.value;
          }
        }
        checkRun(grid);
      }),
      { numRuns: 400 },
    );
  });

  it('numeric inputs set to extreme but finite values', () => {
    const numericCells: { sheet: number; row: number; col: number }[] = [];
    base.forEach((s, si) => s.rows.forEach((r, ri) => r.forEach((v, ci) => typeof v === 'number' && numericCells.push({ sheet: si, row: ri, col: ci }))));
    const extreme = fc.oneof(fc.constantFrom(Number.MAX_VALUE, 1e308, 1e200, Number.MIN_VALUE, 5e-324, 1e-300, 0), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...numericCells), extreme), { minLength: 1, maxLength: 4 }), (changes) => {
        const grid = structuredClone(base);
        for (const [at, v] of changes) grid[at.sheet].rows[at.row][at.col] = v;
        checkRun(grid);
      }),
      { numRuns: 400 },
    );
  });
});
