/**
 * An old workbook (a row, a column and a tab removed, values entered elsewhere) brought up to date by
 * `bao-cao upgrade`: what was missing is added and listed, every entered value stays as it was.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput } from '../../src/core/report/input';
import { readWorkbook } from '../../src/core/workbook/read';
import { readXlsx } from '../../src/node/xlsx-read';
import { buildCliForTest } from '../helpers/cli';
import { DVK } from '../helpers/workbook';

let cli: Awaited<ReturnType<typeof buildCliForTest>>;
let dir: string;
beforeAll(async () => {
  cli = await buildCliForTest('upgrade');
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-upgrade-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The sample workbook made "old": no «Nơi nhận» tab, no «Dân số» row, no «Kết quả» column, no «Cài đặt» tab
 * (workbooks made before it had none); two figures changed.
 */
async function oldWorkbook(file: string): Promise<void> {
  expect(cli(dir, 'init', '--sample', file).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.removeWorksheet((wb.getWorksheet('Nơi nhận') as ExcelJS.Worksheet).id);
  wb.removeWorksheet((wb.getWorksheet('Cài đặt') as ExcelJS.Worksheet).id);
  const info = wb.getWorksheet('Thông tin chung') as ExcelJS.Worksheet;
  let population = 0;
  info.eachRow((row, n) => {
    if (row.getCell(1).value === 'ten_xa') row.getCell(3).value = 'Tân Mỹ';
    if (row.getCell(1).value === 'dan_so') population = n;
  });
  expect(population).toBeGreaterThan(0);
  info.spliceRows(population, 1);
  const models = wb.getWorksheet('Mô hình Dân vận khéo') as ExcelJS.Worksheet;
  let col = 0;
  models.eachRow((row) => row.eachCell((cell, c) => {
    if (cell.value === 'Kết quả') col = c;
  }));
  expect(col).toBeGreaterThan(0);
  models.eachRow((row) => {
    row.getCell(col).value = null;
  });
  const crops = wb.getWorksheet('Nông nghiệp') as ExcelJS.Worksheet;
  crops.eachRow((row) => {
    if (row.getCell(1).value === 'Lúa') row.getCell(3).value = 1100;
  });
  await wb.xlsx.writeFile(file);
}

function sameEntries(before: ReportInput, after: ReportInput): void {
  for (const [key, f] of Object.entries(before.fields)) expect(after.fields[key]?.value, key).toEqual(f.value);
  for (const [key, r] of Object.entries(before.rates)) expect([after.rates[key]?.start, after.rates[key]?.end], key).toEqual([r.start, r.end]);
  for (const [key, rows] of Object.entries(before.lists)) {
    expect(after.lists[key]?.map((r) => r.values), key).toEqual(rows.map((r) => r.values));
  }
}

describe('bao-cao upgrade', () => {
  it('adds the missing tab, row and column, lists them, and keeps every entered value', async () => {
    const file = join(dir, 'cu.xlsx');
    await oldWorkbook(file);
    // Read with every list column optional, so the list whose «Kết quả» column is gone still counts as entered.
    const lenient = { tabs: DVK.tabs.map((t) => ({ ...t, blocks: t.blocks.map((b) => (b.type === 'list' ? { ...b, columns: b.columns.map((c) => ({ ...c, optional: true })) } : b)) })) };
    const before = readWorkbook(lenient, await readXlsx(file));
    const strict = readWorkbook({ tabs: DVK.tabs }, await readXlsx(file));
    expect(strict.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Thiếu trang tính «Nơi nhận»'), expect.stringContaining('Thiếu dòng «Dân số»'), expect.stringContaining('thiếu cột «Kết quả»')]),
    );
    expect(before.input.fields.ten_xa.value).toBe('Tân Mỹ');

    const r = cli(dir, 'upgrade', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Đã nâng cấp ${file}, thêm:\n- dòng «Dân số» (bảng «THÔNG TIN CHUNG», trang «Thông tin chung»)\n- cột «Kết quả» (bảng «MÔ HÌNH DÂN VẬN KHÉO», trang «Mô hình Dân vận khéo»)\n- trang «Nơi nhận»\n- trang «Cài đặt»\n`,
    );

    const after = readWorkbook({ tabs: DVK.tabs }, await readXlsx(file));
    // Only what the clerk has yet to type is left: the population, and at least one recipient.
    expect(after.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}: ${i.message.split(':')[0]}`)).toEqual([
      'Thông tin chung: Chưa nhập «Dân số»',
      'Nơi nhận: Bảng «NƠI NHẬN» chưa có dòng nào',
    ]);
    sameEntries(before.input, after.input);
    expect(after.input.lists.mo_hinh.every((row) => row.values.ket_qua === null)).toBe(true);
    const settings = (await readXlsx(file)).find((sheet) => sheet.name === 'Cài đặt');
    expect(settings?.rows.map((row) => row.slice(0, 2))).toEqual([
      ['Cài đặt', 'Giá trị'],
      ['Diện tích 1 sào (m²)', 360],
      ['Loại báo cáo', DVK.name],
    ]);

    const bytes = readFileSync(file);
    const again = cli(dir, 'upgrade', file);
    expect(again.stdout).toBe(`${file} đã đủ mọi trang, bảng, dòng và cột: không cần thêm gì.\n`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 300_000);

  it('a «Cài đặt» tab without the sào and kind rows gets them below what the clerk keeps there, which stays', async () => {
    const file = join(dir, 'cai-dat.xlsx');
    expect(cli(dir, 'init', '--sample', file).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    // The tab as an older version made it, with a row of the clerk's own.
    wb.removeWorksheet((wb.getWorksheet('Cài đặt') as ExcelJS.Worksheet).id);
    const ws = wb.addWorksheet('Cài đặt');
    ws.addRow(['Cài đặt', 'Giá trị', 'Ghi chú']);
    ws.addRow(['Ghi chú của xã', 'giữ nguyên']);
    await wb.xlsx.writeFile(file);

    const r = cli(dir, 'upgrade', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Đã nâng cấp ${file}, thêm:\n- dòng «Diện tích 1 sào (m²)» (trang «Cài đặt»)\n- dòng «Loại báo cáo» (trang «Cài đặt»)\n`);
    const settings = (await readXlsx(file)).find((sheet) => sheet.name === 'Cài đặt');
    expect(settings?.rows.map((row) => row.slice(0, 2))).toEqual([
      ['Cài đặt', 'Giá trị'],
      ['Ghi chú của xã', 'giữ nguyên'],
      ['Diện tích 1 sào (m²)', 360],
      ['Loại báo cáo', DVK.name],
    ]);
    expect(cli(dir, 'upgrade', file).stdout).toBe(`${file} đã đủ mọi trang, bảng, dòng và cột: không cần thêm gì.\n`);
  }, 300_000);

  it('takes the kind the workbook records, and refuses one of another kind (exit 2), leaving it as it was', () => {
    const file = join(dir, 'ktxh.xlsx');
    expect(cli(dir, 'init', '--sample', '--kind', 'kinh-te-xa-hoi', file).code).toBe(0);
    expect(cli(dir, 'upgrade', file).stdout).toBe(`${file} đã đủ mọi trang, bảng, dòng và cột: không cần thêm gì.\n`);
    const bytes = readFileSync(file);
    const wrong = cli(dir, 'upgrade', file, '--kind', 'dan-van-kheo');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Cài đặt!B3: Bảng tính này làm theo loại báo cáo «Tình hình kinh tế - xã hội');
    expect(wrong.stderr).toContain('--kind kinh-te-xa-hoi');
    expect(wrong.stderr).toContain('Chưa nâng cấp gì.');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 300_000);

  it('a workbook recording a kind of the commune’s own is not upgraded without that kind’s --kind folder', async () => {
    const file = join(dir, 'rieng.xlsx');
    expect(cli(dir, 'init', file).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    (wb.getWorksheet('Cài đặt') as ExcelJS.Worksheet).getCell('B3').value = 'Quỹ phòng, chống thiên tai';
    await wb.xlsx.writeFile(file);
    const bytes = readFileSync(file);
    const r = cli(dir, 'upgrade', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Trang «Cài đặt» ghi loại báo cáo «Quỹ phòng, chống thiên tai», không phải loại có sẵn: ghi rõ --kind');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  }, 300_000);
});
