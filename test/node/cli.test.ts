import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { DVK, fieldCell, sampleGrid } from '../helpers/workbook';
import { readXlsx } from '../../src/node/xlsx-read';
import { EXAMPLE_MARK } from '../../src/core/workbook/layout';

// Each test spawns the CLI (a Node start, exceljs): on a busy 2-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 120_000 });

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/bao-cao.js');
let dir: string;
let sample: string;

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-cli-'));
  sample = join(dir, 'mau.xlsx');
  const r = cli('init', '--sample', sample);
  if (r.code !== 0) throw new Error(`init --sample failed: ${r.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bao-cao CLI', () => {
  it('--help lists the commands and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    for (const cmd of ['init', 'check', 'indicators']) expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  it('init --sample writes a workbook; init again without --force refuses (exit 2) and leaves it unchanged', () => {
    const before = readFileSync(sample);
    const mtime = statSync(sample).mtimeMs;
    const r = cli('init', sample);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp «${sample}» đã có: không ghi đè số liệu. Dùng --force`);
    expect(readFileSync(sample).equals(before)).toBe(true);
    expect(statSync(sample).mtimeMs).toBe(mtime);
  });

  it('init --force overwrites; init without --sample makes an empty workbook that check rejects', async () => {
    const empty = join(dir, 'trong.xlsx');
    writeFileSync(empty, 'not a workbook');
    const r = cli('init', '--force', empty);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Đã tạo ${empty}.\n`);
    const check = cli('check', empty);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Thông tin chung!C5: [Lỗi] Chưa nhập «Tên xã»: cần một đoạn chữ.');
    // Each list starts with its marked example row, about which check says nothing.
    const marks = (await readXlsx(empty)).flatMap((sheet) => sheet.rows.filter((r) => r.includes(EXAMPLE_MARK)));
    expect(marks.length).toBe(DVK.tabs.flatMap((t) => t.blocks).filter((b) => b.type === 'list').length);
    expect(check.stdout).not.toContain('dòng ví dụ');
  });

  it('check on the sample exits 0 and prints the forest-cover warning at its cell', () => {
    const r = cli('check', sample);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Lâm nghiệp - Dịch vụ!C6: [Cảnh báo] «Tỷ lệ che phủ rừng» đã nhập 80% khác với số tính từ các số liệu gốc: 34,79% (Tổng diện tích rừng ÷ Tổng diện tích tự nhiên × 100). Báo cáo dùng số tính được.\n',
    );
  });

  it('indicators --json prints indicators and issues in the documented shape', () => {
    const r = cli('indicators', '--json', sample);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { indicators: Record<string, unknown>[]; issues: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['indicators', 'issues']);
    for (const i of json.indicators) {
      expect(typeof i.key).toBe('string');
      expect(typeof i.label).toBe('string');
      expect(typeof i.value).toBe('number');
      expect(typeof i.unit).toBe('string');
      expect(typeof i.text).toBe('string');
    }
    const rice = json.indicators.find((i) => i.key === 'san_luong_lua');
    expect(rice).toMatchObject({ label: 'Sản lượng bình quân hằng năm: Lúa', unit: 'tấn', text: '6.043,6\u00A0tấn' });
    expect(rice?.value as number).toBeCloseTo(6043.6, 9);
    expect(json.indicators.find((i) => i.key === 'bao_hiem_y_te')).toMatchObject({ status: 'vượt', value: 3, text: '3\u00A0điểm phần trăm' });
    expect(json.issues).toHaveLength(1);
    expect(Object.keys(json.issues[0])).toEqual(['severity', 'sheet', 'cell', 'message']);
    expect(json.issues[0]).toMatchObject({ severity: 'warning', sheet: 'Lâm nghiệp - Dịch vụ', cell: 'C6' });
  });

  it('a workbook with an error: check exits 1 with a line «Tab!Cell: …»; --json too', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const at = fieldCell(sampleGrid(), 'dien_tich_rung');
    (wb.getWorksheet(at.sheet) as ExcelJS.Worksheet).getCell(at.row + 1, at.col + 1).value = 'khoảng 1.890 ha';
    const bad = join(dir, 'loi.xlsx');
    await wb.xlsx.writeFile(bad);

    const r = cli('check', bad);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain('Lâm nghiệp - Dịch vụ!C5: [Lỗi] «Tổng diện tích rừng» phải là một số không âm (ha), nhưng ô có «khoảng 1.890 ha».');

    const j = cli('check', '--json', bad);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).issues).toContainEqual({
      severity: 'error',
      sheet: 'Lâm nghiệp - Dịch vụ',
      cell: 'C5',
      message: '«Tổng diện tích rừng» phải là một số không âm (ha), nhưng ô có «khoảng 1.890 ha».',
    });
    expect(cli('indicators', bad).code).toBe(1);
    // Three runs of the CLI: on a busy machine this takes longer than the default 30 s.
  }, 120_000);

  it.each([
    { what: 'an unknown command', args: ['frobnicate'], says: 'frobnicate' },
    { what: 'a missing argument', args: ['check'], says: 'file.xlsx' },
    { what: 'an unknown option', args: ['check', '--bogus', 'x.xlsx'], says: '--bogus' },
    { what: 'a missing file', args: ['check', 'khong-co.xlsx'], says: 'Lỗi: Không tìm thấy tệp «khong-co.xlsx».' },
    { what: 'a file that is not an .xlsx', args: ['indicators', 'README.txt'], says: 'Lỗi: «README.txt» không phải tệp Excel (.xlsx)' },
  ])('$what exits 2 and says why', ({ args, says }) => {
    writeFileSync(join(dir, 'README.txt'), 'chỉ là chữ');
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expect(r.stdout).toBe('');
  });
});
