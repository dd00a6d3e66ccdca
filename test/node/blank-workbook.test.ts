/**
 * The blank workbook `bao-cao init` writes, read back with exceljs as Excel would see it (protection, notes,
 * choice lists, page set-up), then printed by LibreOffice: each tab fits the page width in a page or two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE_MARK, layoutWorkbook, LIST_LAST_ROW, type SheetLayout } from '../../src/core/workbook/layout';
import { readXlsx } from '../../src/node/xlsx-read';
import { readWorkbook } from '../../src/core/workbook/read';
import { writeXlsx } from '../../src/node/xlsx-write';
import { convertWithOffice, findSoffice, pdfToText } from '../../src/node/libreoffice';
import { DVK, emptyGrid } from '../helpers/workbook';
import { SAO_SETTING, SETTINGS_TAB } from '../../src/core/workbook/local-units';
import { bundledKind } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';

const soffice = await findSoffice();
if (!soffice) console.warn('Bỏ qua kiểm tra in bảng tính trống: máy này không có LibreOffice (soffice).');

let dir: string;
let path: string;
let wb: ExcelJS.Workbook;
let ktxhBook: ExcelJS.Workbook;
const KTXH = bundledKind('kinh-te-xa-hoi') as ReportKind;
/** As `bao-cao init` lays it out without --sample: an example row at the top of each list. */
const layout = layoutWorkbook(DVK, undefined, { examples: DVK.sample });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-blank-'));
  path = join(dir, 'trong.xlsx');
  await writeXlsx(layout, path);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  await writeXlsx(layoutWorkbook(KTXH), join(dir, 'ktxh.xlsx'));
  ktxhBook = new ExcelJS.Workbook();
  await ktxhBook.xlsx.readFile(join(dir, 'ktxh.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ws = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
const rowOf = (sheet: SheetLayout, first: string) => sheet.rows.findIndex((r) => r[0] === first) + 1;
const sheetOf = (name: string) => layout.find((s) => s.name === name) as SheetLayout;
/** A cell the sheet's protection keeps: Excel's default is locked, so only an explicit false opens it. */
const locked = (cell: ExcelJS.Cell) => cell.protection?.locked !== false;

describe('the blank workbook read back', () => {
  it('protects every tab; keys, labels, titles and headers locked, every input cell open', () => {
    for (const sheet of layout) {
      // exceljs's typings omit the protection it reads back.
      const protection = (ws(sheet.name) as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
      expect([sheet.name, protection]).toEqual([sheet.name, expect.objectContaining({ sheet: true, insertRows: true, deleteRows: true })]);
    }
    const info = ws('Thông tin chung');
    const row = rowOf(sheetOf('Thông tin chung'), 'ten_xa');
    expect(locked(info.getCell(row, 1))).toBe(true);
    expect(locked(info.getCell(row, 2))).toBe(true);
    expect(locked(info.getCell(row, 3))).toBe(false);
    expect(locked(info.getCell(1, 1))).toBe(true);
    // Key cells small and grey.
    expect(info.getCell(row, 1).font).toMatchObject({ size: 9, color: { argb: 'FF808080' } });
    // A list's cells are all open, far below its laid-out rows too, so the clerk adds rows.
    const to = ws('Nơi nhận');
    for (const r of [rowOf(sheetOf('Nơi nhận'), 'Nơi nhận') + 1, LIST_LAST_ROW]) for (const c of [1, 2, 3]) expect(locked(to.getCell(r, c))).toBe(false);
    expect(locked(to.getCell(rowOf(sheetOf('Nơi nhận'), 'Nơi nhận'), 1))).toBe(true);
  });

  it('has notes on date, choice and yield-unit cells', () => {
    const info = ws('Thông tin chung');
    for (const key of ['ngay_bao_cao', 'ky_tu_ngay', 'ky_den_ngay']) expect(String(info.getCell(rowOf(sheetOf('Thông tin chung'), key), 3).note)).toContain('ngày/tháng/năm');
    const farm = sheetOf('Nông nghiệp');
    const header = farm.rows.findIndex((r) => r.includes('Đơn vị năng suất'));
    const at = (label: string) => ws('Nông nghiệp').getCell(header + 1, farm.rows[header].indexOf(label) + 1);
    expect(String(at('Đơn vị năng suất').note)).toContain('tạ/ha');
    expect(String(at('Nhóm').note)).toContain('Cây chính');
  });

  it('has choice lists down the whole list and on choice and unit cells of figures', () => {
    const to = sheetOf('Nơi nhận');
    const first = rowOf(to, 'Nơi nhận') + 1;
    for (const r of [first, first + 30, LIST_LAST_ROW]) {
      expect(ws('Nơi nhận').getCell(r, 3).dataValidation).toMatchObject({ type: 'list', formulae: ['"Xem,Nhận xét,Chỉnh sửa"'], errorStyle: 'stop' });
    }
    expect(ws('Nơi nhận').getCell(LIST_LAST_ROW + 1, 3).dataValidation).toBeUndefined();
    // A list followed by another block: its rows down to the next title (the blank one between them too).
    const farm = layoutWorkbook(KTXH).find((s) => s.name === 'Nông nghiệp') as SheetLayout;
    const crops = farm.blocks.findIndex((b) => b.title === 'GIEO TRỒNG THEO MÙA VỤ');
    const season = farm.rows[farm.blocks[crops].headerRow].indexOf('Vụ') + 1;
    const next = farm.blocks[crops + 1].titleRow + 1;
    const ktxh = ktxhBook.getWorksheet('Nông nghiệp') as ExcelJS.Worksheet;
    expect(ktxh.getCell(next - 1, season).dataValidation).toMatchObject({ type: 'list' });
    expect(ktxh.getCell(next, season).dataValidation).toBeUndefined();
    // A choice field: that one cell.
    const period = layoutWorkbook(KTXH)[0].rows.findIndex((r) => r[0] === 'loai_ky') + 1;
    expect((ktxhBook.getWorksheet('Thông tin chung') as ExcelJS.Worksheet).getCell(period, 3).dataValidation).toMatchObject({ formulae: ['"6 tháng đầu năm,năm"'], errorStyle: 'stop' });
    // An area field's unit cell offers the area units, as a warning only.
    const area = ws('Tự nhiên').getCell(rowOf(sheetOf('Tự nhiên'), 'dien_tich_tu_nhien'), 4).dataValidation;
    expect(area).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(area.formulae[0]).toContain('m²');
  });

  it('starts each list with a grey, italic, marked example row that is never read', async () => {
    const farm = sheetOf('Nông nghiệp');
    const crops = farm.blocks.find((b) => b.kind === 'list')!;
    const row = ws('Nông nghiệp').getRow(crops.firstDataRow + 1);
    expect(row.getCell(1).value).toBe('Lúa');
    expect(row.getCell(1).font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    expect(row.getCell(crops.columns + 1).value).toBe(EXAMPLE_MARK);
    const read = readWorkbook(DVK, await readXlsx(path));
    for (const list of Object.values(read.input.lists)) expect(list).toEqual([]);
    expect(read.issues).toEqual(readWorkbook(DVK, emptyGrid()).issues);
  });

  it('prints fit to the page width, A4, with the header rows repeated where a tab has one table', () => {
    for (const sheet of layout) {
      const setup = ws(sheet.name).pageSetup;
      expect([sheet.name, setup.paperSize, setup.fitToPage, setup.fitToWidth, setup.fitToHeight]).toEqual([sheet.name, 9, true, 1, 0]);
      expect([sheet.name, setup.printTitlesRow]).toEqual([sheet.name, sheet.blocks.length === 1 ? `1:${sheet.blocks[0].headerRow + 1}` : undefined]);
    }
  });
});

describe.skipIf(!soffice)('the blank workbook printed by LibreOffice', () => {
  it('prints each tab on one or two pages', async () => {
    const pdf = await convertWithOffice(path, 'pdf', { outDir: dir });
    const pages = (await pdfToText(pdf)).split('\f').filter((p) => p.trim());
    // Each tab starts with its description line: the pages from one description to the next are its pages.
    const starts = layout.map((s) => pages.findIndex((p) => p.replace(/\s+/g, ' ').includes((s.rows[0][0] as string).slice(0, 40))));
    expect(starts.every((s) => s >= 0)).toBe(true);
    // «Cài đặt» (the size of a sào) comes last.
    const settings = pages.findIndex((p) => p.includes(SAO_SETTING.label));
    expect(settings).toBeGreaterThan(starts[starts.length - 1]);
    const ends = [...starts.slice(1), settings];
    const perTab = [...layout.map((s, i) => [s.name, ends[i] - starts[i]]), [SETTINGS_TAB, pages.length - settings]];
    console.log(`blank workbook: ${pages.length} pages for ${layout.length} tabs (${perTab.map(([n, p]) => `${n}: ${p}`).join('; ')})`);
    for (const [name, count] of perTab) expect([name, (count as number) >= 1 && (count as number) <= 2]).toEqual([name, true]);
    expect(pages.length).toBeLessThanOrEqual(layout.length + 3);
  }, 180_000);
});
