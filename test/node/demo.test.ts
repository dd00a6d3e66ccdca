/**
 * `npm start` runs `bao-cao demo`: it writes the sample workbook and report into out/. Run again, it
 * refreshes its own sample, but a workbook the user has edited there is never overwritten.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliForTest } from '../helpers/cli';

let cli: Awaited<ReturnType<typeof buildCliForTest>>;
const dir = mkdtempSync(join(tmpdir(), 'bao-cao-demo-'));
const out = join(dir, 'out');
const first = join(out, 'so-lieu-mau.xlsx');
const second = join(out, 'so-lieu-mau-2.xlsx');

beforeAll(async () => {
  cli = await buildCliForTest('demo');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bao-cao demo (npm start)', () => {
  it('writes the sample, and a second run refreshes its own sample in place', () => {
    const a = cli(dir, 'demo', '--no-pdf');
    expect(a.code, a.stderr).toBe(0);
    expect(existsSync(first)).toBe(true);
    expect(existsSync(join(out, 'bao-cao-mau.docx'))).toBe(true);
    const b = cli(dir, 'demo', '--no-pdf');
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).not.toContain('giữ nguyên');
    expect(existsSync(second)).toBe(false);
  }, 120_000);

  it('keeps a workbook the user edited, writes the fresh sample beside it and says so in Vietnamese', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(first);
    const sheet = workbook.getWorksheet('Thông tin chung');
    if (!sheet) throw new Error('no tab');
    sheet.getCell('C3').value = 'Xã đã sửa';
    await workbook.xlsx.writeFile(first);
    const edited = readFileSync(first);

    const r = cli(dir, 'demo', '--no-pdf');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(first).equals(edited)).toBe(true);
    expect(existsSync(second)).toBe(true);
    expect(r.stdout).toContain(`Bảng tính ${join('out', 'so-lieu-mau.xlsx')} đã được sửa sau lần chạy thử trước nên được giữ nguyên; bảng tính mẫu mới ghi vào ${join('out', 'so-lieu-mau-2.xlsx')}.`);

    // The next run reuses its own second copy rather than adding a third.
    const again = cli(dir, 'demo', '--no-pdf');
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(first).equals(edited)).toBe(true);
    expect(existsSync(join(out, 'so-lieu-mau-3.xlsx'))).toBe(false);
  }, 180_000);

  it('a workbook it has no record of (made by hand, or by an older version) is the user’s', () => {
    const own = mkdtempSync(join(dir, 'other-'));
    const path = join(own, 'out', 'so-lieu-mau.xlsx');
    cli(own, 'demo', '--no-pdf');
    rmSync(join(own, 'out', '.so-lieu-mau.json'));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes);
    const r = cli(own, 'demo', '--no-pdf');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(join(own, 'out', 'so-lieu-mau-2.xlsx'))).toBe(true);
  }, 180_000);
});
