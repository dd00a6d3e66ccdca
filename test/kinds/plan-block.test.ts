/** The plan-and-results block and the year value kind, read and phrased on the "Kinh tế - xã hội" sample. */
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/core/report/pipeline';
import { a1, type CellValue, type WorkbookGrid } from '../../src/core/workbook/grid';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { bundledKind } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';

const KTXH = bundledKind('kinh-te-xa-hoi') as ReportKind;
const TAB = 'Chỉ tiêu chủ yếu';
const grid = (): WorkbookGrid => layoutWorkbook(KTXH, KTXH.sample).map((s) => ({ name: s.name, rows: structuredClone(s.rows) }));
const rowsOf = (g: WorkbookGrid, tab: string) => (g.find((s) => s.name === tab) as { rows: CellValue[][] }).rows;
const rowOf = (g: WorkbookGrid, tab: string, key: string) => rowsOf(g, tab).findIndex((r) => r[0] === key);
const byKey = (g: WorkbookGrid) => new Map(runReport(KTXH, g).indicators.map((i) => [i.key, i]));

describe('plan-and-results rows', () => {
  it('give % of plan, comparison with last year, status and the ready phrase, "ước" for an estimate', () => {
    const ind = byKey(grid());
    expect(ind.get('thu_ngan_sach')?.phrase).toBe('ước thực hiện 2.223,5\u00a0triệu đồng, đạt 52,3% kế hoạch năm, tăng 4,1% so với cùng kỳ');
    expect(ind.get('thu_ngan_sach_ke_hoach')).toMatchObject({ text: '52,3%', status: 'chưa đạt' });
    expect(ind.get('san_luong_luong_thuc')?.phrase).toBe('thực hiện 5.124,6\u00a0tấn, đạt 52,3% kế hoạch năm, tăng 4,1% so với cùng kỳ');
    expect(ind.get('giao_quan_ke_hoach')).toMatchObject({ text: '100%', status: 'đạt' });
  });

  it('rates compare in percentage points; a figure meant to fall is judged the other way round', () => {
    const ind = byKey(grid());
    expect(ind.get('ty_le_bao_hiem_y_te_cung_ky')?.phrase).toBe('tăng 1,5\u00a0điểm phần trăm so với cùng kỳ');
    expect(ind.get('ty_le_suy_dinh_duong')?.phrase).toBe('thực hiện 12,1%, chưa đạt kế hoạch năm (11,5%), giảm 0,7\u00a0điểm phần trăm so với cùng kỳ');
    const g = grid();
    rowsOf(g, TAB)[rowOf(g, TAB, 'ty_le_suy_dinh_duong')][4] = 10.9;
    expect(byKey(g).get('ty_le_suy_dinh_duong_ke_hoach')?.status).toBe('vượt');
  });

  it('rows without a plan compare with last year only; equal is "bằng cùng kỳ"', () => {
    const ind = byKey(grid());
    expect(ind.has('vu_pham_toi_ke_hoach')).toBe(false);
    expect(ind.get('vu_pham_toi_cung_ky')?.phrase).toBe('giảm 40% so với cùng kỳ');
    expect(ind.get('vu_tai_nan_giao_thong_cung_ky')?.phrase).toBe('bằng cùng kỳ');
  });

  it('a plan of 0 and a zero last year for a count are warned on their cells, not left out of the sentence in silence', () => {
    const g = grid();
    const header = rowsOf(g, TAB).find((r) => r.includes('Kế hoạch')) as CellValue[];
    const planCol = header.indexOf('Kế hoạch');
    const lastCol = header.findIndex((c) => typeof c === 'string' && c.startsWith('Cùng kỳ'));
    const r = rowOf(g, TAB, 'thu_ngan_sach');
    rowsOf(g, TAB)[r][planCol] = 0;
    rowsOf(g, TAB)[r][lastCol] = 0;
    const run = runReport(KTXH, g);
    const warnings = run.issues.filter((i) => i.severity === 'warning' && (i.cell === a1(r, planCol) || i.cell === a1(r, lastCol)));
    expect(warnings.map((w) => w.cell)).toEqual([a1(r, planCol), a1(r, lastCol)]);
    expect(warnings[0].message).toContain('«Thu ngân sách');
    expect(warnings[0].message).toContain('Để trống ô này');
    expect(warnings[1].message).toContain('số cùng kỳ năm trước là 0');
    const ind = new Map(run.indicators.map((i) => [i.key, i]));
    expect(ind.has('thu_ngan_sach_ke_hoach')).toBe(false);
    expect(ind.has('thu_ngan_sach_cung_ky')).toBe(false);
    // The untouched sample gives no such warning.
    expect(runReport(KTXH, grid()).issues.filter((i) => /Để trống ô này nếu không có/.test(i.message))).toEqual([]);
  });

  it('a workbook made before «Ghi chú» and «Ước tính» existed reads without error', () => {
    const g = grid();
    for (const row of rowsOf(g, TAB)) row.splice(6, 2);
    const run = runReport(KTXH, g);
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(run.input.plans.chi_tieu_chu_yeu.every((r) => !r.estimated)).toBe(true);
  });

  it('anything but x in «Ước tính», and a missing «Thực hiện», are errors at their cells', () => {
    const g = grid();
    const r1 = rowOf(g, TAB, 'chi_ngan_sach');
    const r2 = rowOf(g, TAB, 'ho_thoat_ngheo');
    rowsOf(g, TAB)[r1][7] = 'có';
    rowsOf(g, TAB)[r2][4] = null;
    const errors = runReport(KTXH, g).issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      { severity: 'error', sheet: TAB, cell: a1(r1, 7), message: 'Cột «Ước tính» của «Chi ngân sách xã» chỉ nhận «x» (số ước tính) hoặc để trống, nhưng ô có «có».' },
      { severity: 'error', sheet: TAB, cell: a1(r2, 4), message: 'Chưa nhập «Số hộ thoát nghèo» ở cột «Thực hiện»: cần một số nguyên không âm (hộ).' },
    ]);
  });

  it('the template prints the whole table with one loop', () => {
    const data = runReport(KTXH, grid()).data as Record<string, unknown>;
    const rows = data.chi_tieu_chu_yeu as Record<string, unknown>[];
    expect(rows).toHaveLength(11);
    expect(rows[1]).toMatchObject({ stt: '2', chi_tieu: 'Thu ngân sách nhà nước trên địa bàn', ke_hoach: '4.250', thuc_hien: '2.223,5', uoc_tinh: true, phan_tram_ke_hoach: '52,3%', so_sanh: 'đạt 52,3% kế hoạch năm, tăng 4,1% so với cùng kỳ' });
  });
});

describe('a year', () => {
  const at = (g: WorkbookGrid) => ({ rows: rowsOf(g, 'Thông tin chung'), row: rowOf(g, 'Thông tin chung', 'nam') });
  it('is written as typed, never with a thousands dot', () => {
    for (const typed of [2021, '2021', ' 2021 ']) {
      const g = grid();
      const { rows, row } = at(g);
      rows[row][2] = typed;
      const run = runReport(KTXH, g);
      expect(run.data.nam).toBe('2021');
      expect(run.data.ky_nam).toBe('6 tháng đầu năm 2021');
    }
  });

  it('that is not a four-digit year is an error at its cell', () => {
    const g = grid();
    const { rows, row } = at(g);
    rows[row][2] = 25;
    const errors = runReport(KTXH, g).issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([{ severity: 'error', sheet: 'Thông tin chung', cell: a1(row, 2), message: '«Năm báo cáo» phải là một năm có bốn chữ số (ví dụ 2025), nhưng ô có «25».' }]);
  });
});

describe('a column marked optional', () => {
  /** The sample with one header cell of the livestock list blanked, as in a workbook made before it existed. */
  const without = (label: string) => {
    const g = grid();
    const tab = g.find((s) => s.rows.some((r) => r.includes(label))) as { name: string; rows: CellValue[][] };
    const header = tab.rows.find((r) => r.includes(label)) as CellValue[];
    const col = header.indexOf(label);
    // The header row and the list's rows below it, up to the blank row that ends the block.
    for (const row of tab.rows.slice(tab.rows.indexOf(header))) {
      if (row.every((v) => v === null || v === '')) break;
      if (row.length > col) row[col] = null;
    }
    return { g, tab: tab.name };
  };

  it('may be absent from an older workbook without an error; its cells read as blank', () => {
    const { g, tab } = without('Cùng kỳ năm trước (con)');
    const run = runReport(KTXH, g);
    expect(run.issues.filter((i) => i.sheet === tab && i.severity === 'error')).toEqual([]);
    expect(run.issues.some((i) => i.message.includes('Cùng kỳ năm trước (con)'))).toBe(false);
    expect(run.data.vat_nuoi).toBeDefined();
  });

  it('while a column not marked optional is still an error naming it', () => {
    const { g, tab } = without('Tổng đàn (con)');
    const errors = runReport(KTXH, g).issues.filter((i) => i.sheet === tab && i.severity === 'error');
    expect(errors.map((i) => i.message)).toContainEqual(expect.stringContaining('«Tổng đàn (con)»'));
  });
});
