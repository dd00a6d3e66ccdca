import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { runReport } from '../../src/core/report/pipeline';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { readXlsx } from '../../src/node/xlsx-read';
import { writeXlsx } from '../../src/node/xlsx-write';
import { SAO_SETTING, SETTINGS_TAB } from '../../src/core/workbook/local-units';
import { blockTitleCell, fieldCell, listCell, rateCell, sampleGrid, type CellLoc, DVK } from '../helpers/workbook';

const exec = promisify(execFile);
let dir: string;
let samplePath: string;
const grid = sampleGrid();
const expected = runReport(DVK, grid);
const summary = (run: ReturnType<typeof runReport>) => run.indicators.map((i) => `${i.key}=${i.text}`);

/** Opens the sample .xlsx with exceljs, lets `edit` change it, saves it under a new name. */
async function edited(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(samplePath);
  edit(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const cellAt = (wb: ExcelJS.Workbook, at: CellLoc) => (wb.getWorksheet(at.sheet) as ExcelJS.Worksheet).getCell(at.row + 1, at.col + 1);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-xlsx-'));
  samplePath = join(dir, 'so-lieu-mau.xlsx');
  await writeXlsx(layoutWorkbook(DVK, DVK.sample), samplePath);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sample written and read back', () => {
  it('gives the same cells, the same indicators and only the forest-cover warning', async () => {
    const back = await readXlsx(samplePath);
    expect(back.map((s) => s.name)).toEqual([...DVK.tabs.map((t) => t.name), SETTINGS_TAB]);
    const at = fieldCell(grid, 'ngay_bao_cao');
    expect(back[0].rows[at.row][at.col]).toEqual({ year: 2023, month: 5, day: 25 });
    const run = runReport(DVK, back);
    expect(run.issues.map((i) => `${i.severity} ${i.sheet}!${i.cell}`)).toEqual(['warning Lâm nghiệp - Dịch vụ!C6']);
    expect(summary(run)).toEqual(summary(expected));
  });
});

describe('cells as spreadsheet programs store them', () => {
  it('dates typed as dates and as text', async () => {
    const path = await edited('dates.xlsx', (wb) => {
      const c = cellAt(wb, fieldCell(grid, 'ngay_van_ban_huong_dan'));
      c.value = new Date(Date.UTC(2023, 4, 19));
      c.numFmt = 'dd/mm/yyyy';
      cellAt(wb, fieldCell(grid, 'ky_tu_ngay')).value = '01/01/2020';
    });
    const run = runReport(DVK, await readXlsx(path));
    expect(run.input.fields.ngay_van_ban_huong_dan.value).toEqual({ year: 2023, month: 5, day: 19 });
    expect(run.input.fields.ky_tu_ngay.value).toEqual({ year: 2020, month: 1, day: 1 });
    expect(run.issues).toHaveLength(1);
  });

  it('numbers stored as text, the Vietnamese way', async () => {
    const path = await edited('text-numbers.xlsx', (wb) => {
      cellAt(wb, fieldCell(grid, 'dien_tich_tu_nhien')).value = '5.433,05';
      cellAt(wb, listCell(grid, 'cay_trong', 0, 'dien_tich')).value = '1.042';
      cellAt(wb, listCell(grid, 'ho_tro_nha_o', 2, 'kinh_phi')).value = '1.050.000.000';
    });
    const run = runReport(DVK, await readXlsx(path));
    expect(run.input.fields.dien_tich_tu_nhien.value).toBe(5433.05);
    // "1.042" reads 1 042 here but 1,042 in English: read the Vietnamese way, with a warning on its cell.
    const rice = listCell(grid, 'cay_trong', 0, 'dien_tich');
    expect(run.issues.filter((i) => i.cell === rice.cell).map((i) => [i.severity, i.message.includes('đọc được hai cách')])).toEqual([['warning', true]]);
    expect(run.issues).toHaveLength(2);
    expect(summary(run)).toEqual(summary(expected));
  });

  it('formulas give their cached result; an error result is reported at its cell', async () => {
    const path = await edited('formulas.xlsx', (wb) => {
      cellAt(wb, fieldCell(grid, 'tiep_dan_luu_dong')).value = { formula: 'B2*2', result: 10 } as ExcelJS.CellFormulaValue;
      cellAt(wb, fieldCell(grid, 'dien_tich_don_dien')).value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    });
    const run = runReport(DVK, await readXlsx(path));
    expect(run.indicators.find((i) => i.key === 'tong_luot_tiep_dan')?.text).toBe('125\u00A0lượt');
    const at = fieldCell(grid, 'dien_tich_don_dien');
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([
      { severity: 'error', sheet: 'Công trình - GPMB', cell: at.cell, message: '«Diện tích dồn điền đổi thửa» phải là một số không âm (ha), nhưng ô có lỗi công thức #DIV/0!.' },
    ]);
  });

  it('a formula never computed (no cached value) is said to be one, with how to fix it, not "not entered"', async () => {
    const path = await edited('uncomputed.xlsx', (wb) => {
      cellAt(wb, fieldCell(grid, 'dien_tich_don_dien')).value = { formula: 'C5*2' } as ExcelJS.CellFormulaValue;
    });
    const run = runReport(DVK, await readXlsx(path));
    const at = fieldCell(grid, 'dien_tich_don_dien');
    const issue = run.issues.find((i) => i.cell === at.cell && i.sheet === at.sheet);
    expect(issue?.severity).toBe('error');
    expect(issue?.message).toContain('một công thức chưa được tính');
    expect(issue?.message).toContain('mở tệp bằng Excel hoặc LibreOffice Calc, lưu lại rồi chạy lại');
    expect(issue?.message).not.toContain('Chưa nhập');
  });

  it('percent-formatted cells read as the percentage shown', async () => {
    const path = await edited('percent.xlsx', (wb) => {
      const a = cellAt(wb, fieldCell(grid, 'ty_le_lao_dong_co_viec_lam'));
      a.value = 0.5358;
      // exceljs shares one style object between cells loaded with the same style (every unlocked input
      // cell): a cell formatted on its own gets its own copy, as a spreadsheet program would.
      a.style = { ...a.style, numFmt: '0.00%' };
      const b = cellAt(wb, rateCell(grid, 'bao_hiem_y_te', 'end'));
      b.value = 0.93;
      b.style = { ...b.style, numFmt: '0%' };
    });
    const run = runReport(DVK, await readXlsx(path));
    expect(run.input.fields.ty_le_lao_dong_co_viec_lam.value).toBe(53.58);
    expect(run.input.rates.bao_hiem_y_te.end).toBe(93);
    expect(summary(run)).toEqual(summary(expected));
  });

  it('rich text reads as its plain text; a hyperlinked e-mail as its address', async () => {
    const path = await edited('rich.xlsx', (wb) => {
      cellAt(wb, fieldCell(grid, 'ten_xa')).value = { richText: [{ text: 'Phổ ' }, { font: { bold: true }, text: 'Phong' }] };
      cellAt(wb, listCell(grid, 'noi_nhan', 0, 'email')).value = { text: 'ubnd@ducpho.example.vn', hyperlink: 'mailto:ubnd@ducpho.example.vn' };
    });
    const run = runReport(DVK, await readXlsx(path));
    expect(run.input.fields.ten_xa.value).toBe('Phổ Phong');
    expect(run.input.lists.noi_nhan[0].values.email).toBe('ubnd@ducpho.example.vn');
    expect(run.issues).toHaveLength(1);
  });

  it('empty rows in the middle of a list and of a fields block are skipped', async () => {
    const path = await edited('empty-rows.xlsx', (wb) => {
      const crops = listCell(grid, 'cay_trong', 1, 'ten');
      (wb.getWorksheet(crops.sheet) as ExcelJS.Worksheet).spliceRows(crops.row + 1, 0, [], []);
      const field = fieldCell(grid, 'so_thon');
      (wb.getWorksheet(field.sheet) as ExcelJS.Worksheet).spliceRows(field.row + 1, 0, []);
    });
    const back = await readXlsx(path);
    const run = runReport(DVK, back);
    expect(run.issues.map((i) => i.severity)).toEqual(['warning']);
    expect(summary(run)).toEqual(summary(expected));
    const first = listCell(grid, 'cay_trong', 0, 'ten').row + 1;
    expect(run.input.lists.cay_trong.map((r) => r.row)).toEqual([first, first + 3, first + 4, first + 5]);
  });

  it('extra columns to the right («Ghi chú thêm» in G) are ignored', async () => {
    const path = await edited('extra-columns.xlsx', (wb) => {
      for (const ws of wb.worksheets) {
        ws.eachRow((row) => {
          const a = row.getCell(2).value;
          if (a === 'Nội dung' || a === 'Chỉ tiêu' || row.getCell(1).value === 'Hướng' || row.getCell(1).value === 'Cây trồng') row.getCell(7).value = 'Ghi chú thêm';
          else if (row.number > 4) row.getCell(7).value = 'ghi chú tùy ý: 1.2.3, #N/A';
        });
      }
    });
    const back = await readXlsx(path);
    expect(back.find((s) => s.name === 'Tự nhiên')?.rows[3][6]).toBe('Ghi chú thêm');
    const run = runReport(DVK, back);
    expect(run.issues.map((i) => i.severity)).toEqual(['warning']);
    expect(summary(run)).toEqual(summary(expected));
  });

  it('merged cells: only the top-left holds the value', async () => {
    const path = await edited('merged.xlsx', (wb) => {
      for (const ws of wb.worksheets) ws.mergeCells('A1:F1');
      const title = blockTitleCell(grid, 'CÂY TRỒNG');
      (wb.getWorksheet(title.sheet) as ExcelJS.Worksheet).mergeCells(title.row + 1, 1, title.row + 1, 5);
      const note = fieldCell(grid, 'dien_tich_rung', 'note');
      (wb.getWorksheet(note.sheet) as ExcelJS.Worksheet).mergeCells(note.row + 1, note.col + 1, note.row + 2, note.col + 1);
    });
    const back = await readXlsx(path);
    const crops = back.find((s) => s.name === 'Nông nghiệp');
    const title = blockTitleCell(grid, 'CÂY TRỒNG');
    expect(crops?.rows[title.row].slice(0, 5)).toEqual(['CÂY TRỒNG', null, null, null, null]);
    const run = runReport(DVK, back);
    expect(run.issues.map((i) => i.severity)).toEqual(['warning']);
    expect(summary(run)).toEqual(summary(expected));
  });
});

describe('a change made in the .xlsx reaches the derived figures', () => {
  it('rice area 1.042 → 1.100 ha makes rice production 6.380 tấn, nothing else', async () => {
    const at = listCell(grid, 'cay_trong', 0, 'dien_tich');
    const path = await edited('rice.xlsx', (wb) => {
      expect(cellAt(wb, at).value).toBe(1042);
      cellAt(wb, at).value = 1100;
    });
    const run = runReport(DVK, await readXlsx(path));
    const rice = run.indicators.find((i) => i.key === 'san_luong_lua');
    expect(rice?.value).toBeCloseTo(6380, 9);
    expect(rice?.text).toBe('6.380\u00A0tấn');
    const others = (r: ReturnType<typeof runReport>) => summary(r).filter((s) => !s.startsWith('san_luong_lua='));
    expect(others(run)).toEqual(others(expected));
  });
});

describe('LibreOffice round trip', () => {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find(existsSync);
  // soffice without Calc (only libreoffice-writer-nogui) cannot load an .xlsx: "source file could not be loaded".
  const calc = ['/usr/lib/libreoffice/program/libsclo.so', '/opt/libreoffice/program/libsclo.so'].some(existsSync);
  if (!soffice) console.warn('Skipping the LibreOffice round trip: soffice is not installed (apt-get install libreoffice-calc-nogui).');
  else if (!calc) console.warn('Skipping the LibreOffice round trip: LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui).');

  it.skipIf(!soffice || !calc)(
    'our .xlsx saved again by LibreOffice reads with no error and the same indicators',
    async () => {
      const out = join(dir, 'libreoffice');
      const profile = mkdtempSync(join(tmpdir(), 'bao-cao-lo-profile-'));
      try {
        await exec(soffice as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, samplePath], { timeout: 120_000 });
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const back = await readXlsx(join(out, 'so-lieu-mau.xlsx'));
      const run = runReport(DVK, back);
      expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(run.issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Lâm nghiệp - Dịch vụ!C6']);
      expect(summary(run)).toEqual(summary(expected));
      expect(run.input.fields.ngay_bao_cao.value).toEqual({ year: 2023, month: 5, day: 25 });
    },
    150_000,
  );
});

describe('the size of a sào, in the workbook\'s «Cài đặt» tab', () => {
  it('is written as 360 with its note, and a figure typed in sào is read in ha with it', async () => {
    const settings = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      return wb.getWorksheet(SETTINGS_TAB) as ExcelJS.Worksheet;
    };
    const tab = await settings(samplePath);
    expect([tab.getCell('A2').value, tab.getCell('B2').value]).toEqual([SAO_SETTING.label, 360]);
    expect(String(tab.getCell('B2').note)).toContain('Trung Bộ 500');
    const path = await edited('sao.xlsx', (wb) => {
      cellAt(wb, fieldCell(grid, 'dien_tich_tu_nhien')).value = 150_000;
      cellAt(wb, fieldCell(grid, 'dien_tich_tu_nhien', 'unit')).value = 'sào';
    });
    const run = runReport(DVK, await readXlsx(path));
    expect(run.input.fields.dien_tich_tu_nhien.value).toBe(5400);
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('blanked, a figure in sào is an error at its unit cell naming the setting', async () => {
    const path = await edited('sao-blank.xlsx', (wb) => {
      cellAt(wb, fieldCell(grid, 'dien_tich_tu_nhien', 'unit')).value = 'sào';
      (wb.getWorksheet(SETTINGS_TAB) as ExcelJS.Worksheet).getCell('B2').value = null;
    });
    const run = runReport(DVK, await readXlsx(path));
    const unit = fieldCell(grid, 'dien_tich_tu_nhien', 'unit');
    const errors = run.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`${unit.sheet}!${unit.cell}`]);
    expect(errors[0].message).toContain(`«${SAO_SETTING.label}» của trang «${SETTINGS_TAB}»`);
  });
});
