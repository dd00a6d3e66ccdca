/**
 * What the clerk reads when the command line or a file given to it is wrong: commander's own messages in
 * Vietnamese, --version, other spreadsheet formats answered with "save it as .xlsx", and templates that
 * are empty or not UTF-8 named as such. Each row runs the BUILT CLI.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, noTrace, root, runCli, scratch } from './cli-harness';
import { reliabilitySection } from './readme-figures';

// Each test spawns the CLI (a Node start, exceljs): on a busy 2-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;
beforeAll(() => {
  buildCli();
  dir = scratch('bao-cao-msg-');
  const r = runCli(dir, ['init', '--sample', 'so-lieu.xlsx']);
  if (r.code !== 0) throw new Error(r.stderr);
  const gen = runCli(dir, ['generate', 'so-lieu.xlsx', '--out', 'bao-cao.docx']);
  if (gen.code !== 0) throw new Error(gen.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENGLISH = /error:|unknown option|unknown command|missing required|Did you mean|too many arguments|argument missing/;

const USAGE = [
  { name: 'an unknown option', args: ['check', '--bogus', 'x.xlsx'], says: 'Lỗi: không có tùy chọn «--bogus».' },
  { name: 'an unknown option with a near one', args: ['check', '--jsn', 'x.xlsx'], says: 'Có phải ý bạn là «--json»?' },
  { name: 'an unknown command', args: ['frobnicate'], says: 'Lỗi: không có lệnh «frobnicate».' },
  { name: 'a mistyped command', args: ['chek', 'x.xlsx'], says: 'Có phải ý bạn là «check»?' },
  { name: 'a missing argument', args: ['check'], says: 'Lỗi: thiếu tham số «file.xlsx».' },
  { name: 'an option without its value', args: ['generate', 'x.xlsx', '--out'], says: 'Lỗi: tùy chọn «--out <file.docx>» cần một giá trị.' },
  { name: 'too many arguments', args: ['check', 'a.xlsx', 'b.xlsx'], says: 'Lỗi: thừa tham số cho lệnh «check»: cần 1, nhưng có 2.' },
];

describe('commander speaks Vietnamese', () => {
  it('counts its cases', () => {
    console.log(`command line: ${USAGE.length} usage errors, --version, ${FORMATS.length} other file formats, ${TEMPLATES.length} unusable templates`);
    const readme = reliabilitySection();
    expect(readme, 'the README states the count').toContain(`${USAGE.length} command-line mistakes`);
    expect(readme, 'the README states the count').toContain(`${FORMATS.length} other file formats`);
    expect(readme, 'the README states the count').toContain(`${TEMPLATES.length} unusable templates`);
  });

  it.each(USAGE)('$name: exit 2, in Vietnamese, no English', ({ args, says }) => {
    const r = runCli(dir, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expect(r.stderr).not.toMatch(ENGLISH);
    expect(r.stdout).toBe('');
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = runCli(dir, [flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});

/** The first bytes of an OpenDocument spreadsheet: a zip whose first entry, stored, is its type. */
function odsBytes(): Buffer {
  const name = Buffer.from('mimetype');
  const body = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(body.length, 18);
  header.writeUInt32LE(body.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, body, Buffer.alloc(64)]);
}

const FORMATS: { name: string; file: string; make: (path: string) => void; kind: string }[] = [
  { name: 'a .csv', file: 'so-lieu.csv', make: (p) => writeFileSync(p, 'Mã;Nội dung;Giá trị\nten_xa;Tên xã;Phổ Phong\n'), kind: 'tệp chữ (ví dụ .csv)' },
  { name: 'a .csv renamed .xlsx', file: 'csv.xlsx', make: (p) => writeFileSync(p, 'a,b\n1,2\n'), kind: 'tệp chữ' },
  { name: 'an old .xls', file: 'cu.xls', make: (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])), kind: 'tệp Excel cũ (.xls)' },
  { name: 'an .ods', file: 'so-lieu.ods', make: (p) => writeFileSync(p, odsBytes()), kind: 'bảng tính OpenDocument (.ods)' },
  { name: 'a .docx renamed .xlsx', file: 'word.xlsx', make: (p) => copyFileSync(join(dir, 'bao-cao.docx'), p), kind: 'tài liệu Word (.docx)' },
  { name: 'an empty file', file: 'rong.xlsx', make: (p) => writeFileSync(p, ''), kind: 'tệp rỗng' },
];

describe('a file that is not an .xlsx gets "save it as .xlsx" advice', () => {
  it.each(FORMATS)('$name', ({ file, make, kind }) => {
    make(join(dir, file));
    const r = runCli(dir, ['check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`«${file}» không phải tệp Excel (.xlsx): có vẻ là một ${kind}`);
    expect(r.stderr).toContain('«Lưu thành» (Save As) kiểu «Excel 2007-365 (.xlsx)»');
    expect(r.stderr).not.toMatch(/zip|central directory|End of data/i);
    noTrace(r);
  });
});

const TEMPLATES: { name: string; bytes: Buffer; says: string }[] = [
  { name: 'UTF-16 with a byte-order mark', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BÁO CÁO {{ten_xa}}\n', 'utf16le')]), says: 'bảng mã UTF-16' },
  { name: 'UTF-16 without a byte-order mark (NUL bytes)', bytes: Buffer.from('BAO CAO {{ten_xa}}\n', 'utf16le'), says: 'có ký tự NUL' },
  { name: 'Latin-1 / a legacy code page', bytes: Buffer.from('B\xc1O C\xc1O {{ten_xa}} n\xe4m\n', 'latin1'), says: 'không phải văn bản UTF-8' },
  { name: 'empty', bytes: Buffer.alloc(0), says: 'trống' },
  { name: 'only spaces and a byte-order mark', bytes: Buffer.from('\uFEFF  \n\n', 'utf8'), says: 'trống' },
];

describe('a template that cannot be read as text is named and refused (exit 1), nothing written', () => {
  it.each(TEMPLATES)('$name', ({ bytes, says }) => {
    writeFileSync(join(dir, 'mau.txt'), bytes);
    const r = runCli(dir, ['generate', 'so-lieu.xlsx', '--template', 'mau.txt', '--out', 'khong-tao.docx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Mẫu báo cáo «mau.txt»');
    expect(r.stderr).toContain(says);
    noTrace(r);
    expect(() => readFileSync(join(dir, 'khong-tao.docx'))).toThrow();
  });
});
