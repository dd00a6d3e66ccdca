import JSZip from 'jszip';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledKinds } from '../../src/kinds/bundled';
import { buildCliForTest } from '../helpers/cli';

let cli: Awaited<ReturnType<typeof buildCliForTest>>;
let dir: string;
beforeAll(async () => {
  cli = await buildCliForTest('kinds');
  dir = mkdtempSync(join(tmpdir(), 'bao-cao-kinds-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bao-cao kinds', () => {
  it('--json lists every bundled kind with its id and name', () => {
    const r = cli(dir, 'kinds', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const listed = JSON.parse(r.stdout) as { id: string; name: string }[];
    expect(listed.map((k) => [k.id, k.name])).toEqual(bundledKinds().map((k) => [k.id, k.name]));
    expect(listed.map((k) => k.id)).toContain('dan-van-kheo');
  });

  it('an unknown --kind is a usage error naming the kinds there are, without a stack trace', () => {
    const r = cli(dir, 'init', '--kind', 'khong-co', join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Lỗi: Không có loại báo cáo «khong-co». Các loại có sẵn: dan-van-kheo, kinh-te-xa-hoi');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a malformed kind folder: every problem names the file, the JSON path and what was expected; no stack trace', () => {
    const folder = join(dir, 'hong');
    cpSync('kinds/kinh-te-xa-hoi', folder, { recursive: true });
    const kind = JSON.parse(readFileSync(join(folder, 'kind.json'), 'utf8'));
    delete kind.name;
    kind.tabs[1].blocks[0].type = 'bang';
    kind.indicators[0].decimals = 'hai';
    writeFileSync(join(folder, 'kind.json'), JSON.stringify(kind, null, 2));
    const r = cli(dir, 'init', '--kind', folder, join(dir, 'hong.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hong/kind.json: thiếu trường "name".');
    expect(r.stderr).toContain('hong/kind.json, tại tabs[1].blocks[0].type: "bang" không dùng được ở "type": cần một trong "fields", "rates", "list", "plan"');
    expect(r.stderr).toContain('hong/kind.json, tại indicators[0].decimals: cần một số nguyên, gặp "hai".');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(join(dir, 'hong.xlsx'))).toBe(false);
  });

  it.each(bundledKinds().map((k) => k.id))('%s: init --sample, check, indicators --json and generate work', (id) => {
    const file = join(dir, `${id}.xlsx`);
    expect(cli(dir, 'init', '--sample', '--kind', id, file).code).toBe(0);
    const check = cli(dir, 'check', '--json', '--kind', id, file);
    expect(JSON.parse(check.stdout).issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    const ind = cli(dir, 'indicators', '--json', '--kind', id, file);
    expect(ind.code).toBe(0);
    expect(JSON.parse(ind.stdout).indicators.length).toBeGreaterThan(10);
    const gen = cli(dir, 'generate', '--kind', id, file);
    expect(gen.stderr).toBe('');
    expect(gen.code).toBe(0);
    expect(existsSync(join(dir, `bao-cao-${id}.docx`))).toBe(true);
  }, 300_000);

  it('without --kind, a workbook is read as the kind its «Cài đặt» records, the one init was given', async () => {
    const kind = bundledKinds().find((k) => k.id === 'kinh-te-xa-hoi')!;
    const file = join(dir, 'ghi-loai.xlsx');
    expect(cli(dir, 'init', '--sample', '--kind', kind.id, file).code).toBe(0);
    expect(cli(dir, 'check', file)).toMatchObject({ code: 0, stdout: 'Số liệu hợp lệ: không có lỗi, không có cảnh báo.\n' });
    const ind = cli(dir, 'indicators', '--json', file);
    expect(JSON.parse(ind.stdout).indicators.map((i: { key: string }) => i.key)).toEqual(JSON.parse(cli(dir, 'indicators', '--json', '--kind', kind.id, file).stdout).indicators.map((i: { key: string }) => i.key));
    const out = join(dir, 'ghi-loai.docx');
    expect(cli(dir, 'generate', file, '--out', out)).toMatchObject({ code: 0, stderr: '' });
    const zip = await JSZip.loadAsync(readFileSync(out));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    // The other kind's report, not the default kind's.
    expect(text).toContain('Tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh');
    // A --kind given still wins, and the mismatch says which kind the workbook is.
    const wrong = cli(dir, 'check', '--kind', 'dan-van-kheo', file);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('--kind kinh-te-xa-hoi');
  }, 300_000);
});
