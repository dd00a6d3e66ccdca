/**
 * `bao-cao tong-hop` on four sample communes written as workbooks (variations of the sample, one with an
 * error): every district total of the comparison workbook against a hand-computed value, a rate recomputed
 * from the summed parts, the commune with errors listed under its name and left out; the workbook opens in
 * LibreOffice; the district report .docx names the communes that missed each target.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { bundledKind, defaultKind } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';
import { writeXlsx } from '../../src/node/xlsx-write';
import { COMMUNES, communeSample } from '../helpers/communes';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/bao-cao.js');
let dir: string;

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HAVE_SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-tong-hop-'));
  mkdirSync(join(dir, 'xa'));
  const kind = defaultKind();
  for (const [i, spec] of COMMUNES.entries()) await writeXlsx(layoutWorkbook(kind, communeSample(kind.sample, spec)), join(dir, 'xa', `xa-${i + 1}.xlsx`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function comparison(file: string): Promise<{ header: string[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Tổng hợp')!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { header: rows[0].map(String), rows };
}

describe('bao-cao tong-hop', () => {
  let run: ReturnType<typeof cli>;
  beforeAll(() => {
    run = cli('tong-hop', 'xa', '--out', 'ket-qua/tong-hop.xlsx', '--docx', 'ket-qua/bao-cao-tong-hop.docx');
  });

  it('reads a folder of communes; the one with errors is listed under its name, the others are rolled up (exit 1, outputs written)', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Đã tổng hợp 4 xã (3 xã được tính vào số toàn huyện) vào ket-qua/tong-hop.xlsx.');
    expect(run.stdout).toContain('Không tính vào tổng vì số liệu còn lỗi: Phổ Ninh.');
    const lines = run.stderr.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Phổ Ninh ('));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {2}.+!C\d+: \[Lỗi\] .*nhiều lắm/);
    expect(existsSync(join(dir, 'ket-qua', 'tong-hop.xlsx'))).toBe(true);
    // Written whole: no temporary file left beside it.
    expect(readdirSync(join(dir, 'ket-qua')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('every district total matches the hand-computed value; the rate is recomputed from summed parts', async () => {
    const { header, rows } = await comparison(join(dir, 'ket-qua', 'tong-hop.xlsx'));
    const col = (label: string) => {
      const i = header.findIndex((h) => h.startsWith(label));
      expect(i, label).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(rows.slice(2, 6).map((r) => r[1])).toEqual(['Phổ Phong', 'Phổ Nhơn', 'Phổ Thuận', 'Phổ Ninh']);
    const total = rows[6];
    expect(total[1]).toBe('Toàn huyện');
    expect(total[2]).toBe('3/4 xã được tính');
    expect(total[col('Tỷ lệ che phủ rừng')] as number).toBeCloseTo((4490.3 / 11433.05) * 100, 9);
    expect(total[col('Tổng lượt tiếp công dân')]).toBe(198);
    expect(total[col('Tỷ lệ đơn đã giải quyết')] as number).toBeCloseTo((148 / 158) * 100, 9);
    expect(total[col('Bình quân lương thực đầu người')] as number).toBeCloseTo((42142.9 * 1000) / 25881 / (41 / 12), 9);
    expect(total[col('Tỷ lệ hộ nghèo')] as number).toBeCloseTo((-0.9 * 8881 - 2 * 12000 + 0.5 * 5000) / 25881, 9);
    expect(total[col('Tỷ lệ tham gia bảo hiểm y tế')]).toBe('2/3 xã');
    expect(total[col('Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng')]).toBe('2/3 xã');
    expect(total[col('Tổng số nhà được hỗ trợ')]).toBe(54);
    expect(total[col('Tổng kinh phí hỗ trợ nhà ở')] as number).toBeCloseTo(3 * 1193, 9);
    expect(total[col('Sản lượng bình quân hằng năm: Lúa')] as number).toBeCloseTo(3 * 6043.6, 9);
    expect(total[col('Giá trị sản xuất trên 1 ha so với năm gốc')] as number).toBeCloseTo(((76 - 74.4) / 74.4) * 100, 9);
  });

  it('shades statuses, and lists each commune’s issues and the communes that missed each target on their own tabs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'ket-qua', 'tong-hop.xlsx'));
    const ws = wb.getWorksheet('Tổng hợp')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const bhyt = header.findIndex((h) => h.startsWith('Tỷ lệ tham gia bảo hiểm y tế')) + 1;
    const fill = (r: number) => (ws.getRow(r).getCell(bhyt).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill(3)).toBe('FFB7E1CD'); // Phổ Phong: 93 % ≥ 90, vượt
    expect(fill(4)).toBe('FFF4C7C3'); // Phổ Nhơn: 88 %, chưa đạt
    expect(fill(6)).toBe('FFEEEEEE'); // Phổ Ninh: left out
    const issues = wb.getWorksheet('Lỗi của các xã')!;
    const rows: unknown[][] = [];
    issues.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.some((r) => r[0] === 'Phổ Ninh' && r[2] === 'Lỗi' && String(r[5]).includes('nhiều lắm'))).toBe(true);
    const missed: unknown[][] = [];
    wb.getWorksheet('Chưa đạt chỉ tiêu')!.eachRow((row) => missed.push((row.values as unknown[]).slice(1)));
    expect(missed).toContainEqual(['Tỷ lệ tham gia bảo hiểm y tế', 1, 'Phổ Nhơn']);
    expect(missed).toContainEqual(['Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng', 1, 'Phổ Phong']);
  });

  it('writes the district report from the kind’s roll-up template: district figures, the commune table, who missed each target', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'ket-qua', 'bao-cao-tong-hop.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    expect(text).toContain('BÁO CÁO TỔNG HỢP');
    expect(text).toContain('che phủ rừng (tính lại từ tổng diện tích rừng và tổng diện tích tự nhiên của các xã): 39,27%.');
    expect(text).toContain('Tiếp công dân: 198\u00a0lượt; tỷ lệ đơn đã giải quyết 93,67%.');
    expect(text).toContain('Tỷ lệ tham gia bảo hiểm y tế: Phổ Nhơn (1 xã).');
    expect(text).toContain('Xã Phổ Ninh:');
    for (const name of ['Phổ Phong', 'Phổ Nhơn', 'Phổ Thuận', 'Phổ Ninh']) expect(text).toContain(name);
  });

  it('refuses to write onto a commune’s workbook (exit 2) and leaves it unchanged', () => {
    const target = join(dir, 'xa', 'xa-1.xlsx');
    const before = readFileSync(target);
    const r = cli('tong-hop', 'xa', '--out', 'xa/xa-1.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('trùng với một bảng tính của xã');
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('a file that is not a workbook is an error under its name; the others still roll up', () => {
    writeFileSync(join(dir, 'hong.xlsx'), 'không phải bảng tính');
    const r = cli('tong-hop', 'xa/xa-1.xlsx', 'xa/xa-2.xlsx', 'hong.xlsx', '--out', 'hai-xa.xlsx');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Đã tổng hợp 3 xã (2 xã được tính vào số toàn huyện)');
    expect(r.stderr).toMatch(/^hong \(hong\.xlsx\):\n {2}hong\.xlsx!A1: \[Lỗi\] Không đọc được tệp/m);
  });

  it.skipIf(!HAVE_SOFFICE)('the comparison workbook opens in LibreOffice (converted to CSV, the totals are there)', () => {
    const outDir = join(dir, 'csv');
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, join(dir, 'ket-qua', 'tong-hop.xlsx')], { stdio: 'pipe', timeout: 170_000 });
    const csv = readFileSync(join(outDir, 'tong-hop.csv'), 'utf8');
    expect(csv).toContain('Toàn huyện');
    expect(csv).toContain('Phổ Ninh');
    expect(csv).toContain('2/3 xã');
  }, 180_000);
});

describe('bao-cao tong-hop --kind kinh-te-xa-hoi', () => {
  it('rolls up the second kind by its own rules and writes its district report', async () => {
    const kind = bundledKind('kinh-te-xa-hoi') as ReportKind;
    mkdirSync(join(dir, 'ktxh'));
    const communes: [string, number, number][] = [
      ['Hòa Bình', 2223.5, 4250],
      ['Tân Phú', 3000, 5000],
      ['An Lạc', 400, 1000],
    ];
    for (const [i, [name, actual, plan]] of communes.entries()) {
      const s = structuredClone(kind.sample) as typeof kind.sample & { plans: Record<string, Record<string, unknown>> };
      s.fields.ten_xa = name;
      s.plans.chi_tieu_chu_yeu.thu_ngan_sach = { plan, actual, lastYear: 2000 };
      await writeXlsx(layoutWorkbook(kind, s), join(dir, 'ktxh', `xa-${i + 1}.xlsx`));
    }
    const r = cli('tong-hop', 'ktxh', '--kind', 'kinh-te-xa-hoi', '--out', 'ktxh-tong-hop.xlsx', '--docx', 'ktxh-bao-cao.docx');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã tổng hợp 3 xã (3 xã được tính vào số toàn huyện)');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'ktxh-bao-cao.docx')));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');
    // Budget revenue: 5.623,5 of a plan of 10.250 (54,9 %), not the mean of the three communes' percentages.
    expect(text).toContain('Thu ngân sách nhà nước trên địa bàn 5.623,5 triệu đồng, đạt 54,9% dự toán');
    for (const [name] of communes) expect(text).toContain(name);
  }, 180_000);

  it('a commune of this kind among communes of the default kind is one error naming its kind and --kind', () => {
    // The workbooks of the two kinds the tests above wrote.
    const r = cli('tong-hop', 'xa/xa-1.xlsx', 'ktxh/xa-1.xlsx', '--out', 'hai-loai.xlsx');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Đã tổng hợp 2 xã (1 xã được tính vào số toàn huyện)');
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => l.includes('(ktxh/xa-1.xlsx):'));
    expect(at).toBeGreaterThanOrEqual(0);
    // Only the one line under it (a warning-free sample of the other kind).
    expect(lines[at + 1]).toMatch(/\[Lỗi\] Bảng tính này làm theo loại báo cáo «Tình hình kinh tế - xã hội.*--kind kinh-te-xa-hoi/);
    expect(lines[at + 2] ?? '').not.toMatch(/^ {2}\S/);
  }, 180_000);
});
