/** The CLI with Word templates: problems reported with their place and no report written; files guarded. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECT_PR, wordPackage, wp, wr } from './word-xml';

const root = resolve(import.meta.dirname, '../../..');
let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/bao-cao.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-cli-word-'));
  expect(cli('init', 'so-lieu.xlsx', '--sample').code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bao-cao with a Word template', () => {
  it('reports a tag the data does not know with its place, exits 1 and writes no report', async () => {
    writeFileSync(join(dir, 'sai.docx'), await wordPackage({ body: wp(wr('Xã {{ten_xa}}')) + wp(wr('{{khong_co}}')) + SECT_PR }));
    const r = cli('generate', 'so-lieu.xlsx', '--template', 'sai.docx', '--out', 'bc.docx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Chưa tạo báo cáo: mẫu báo cáo có thẻ không dùng được:');
    expect(r.stderr).toContain('Thẻ {{khong_co}} không có trong dữ liệu (Thân văn bản, đoạn 2).');
    expect(existsSync(join(dir, 'bc.docx'))).toBe(false);
  }, 120_000);

  it('refuses to write the report over the template (exit 2), leaving it as it was', async () => {
    writeFileSync(join(dir, 'mau.docx'), await wordPackage({ body: wp(wr('Xã {{ten_xa}}')) + SECT_PR }));
    const before = readFileSync(join(dir, 'mau.docx'));
    const r = cli('generate', 'so-lieu.xlsx', '--template', 'mau.docx', '--out', 'mau.docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('chính là mẫu báo cáo «mau.docx»');
    expect(readFileSync(join(dir, 'mau.docx')).equals(before)).toBe(true);
  }, 120_000);

  it('template: writes a .docx, never over an existing file unless --force', () => {
    expect(cli('template', 'mac-dinh.docx').code).toBe(0);
    writeFileSync(join(dir, 'mac-dinh.docx'), 'đã sửa');
    const r = cli('template', 'mac-dinh.docx');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'mac-dinh.docx'), 'utf8')).toBe('đã sửa');
    expect(cli('template', 'mac-dinh.docx', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'mac-dinh.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(cli('template', 'mac-dinh.txt').code).toBe(2);
  }, 120_000);
});
