/**
 * Hardening of the offline door's files: an output can never be one of its inputs (links of every kind),
 * only the kind of file being written is written, every write is whole or nothing, the PDF step never
 * destroys a PDF, an interrupted run leaves no LibreOffice behind, and filesystem failures are one
 * Vietnamese sentence with exit code 3. Each row runs the BUILT CLI.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bin, buildCli, fakeSoffice, noTrace, runCli, scratch, type CliResult } from './cli-harness';
import { reliabilitySection } from './readme-figures';

// Each test spawns the CLI (a Node start, exceljs): on a busy 2-core machine that alone can take seconds.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;
const WB = 'so-lieu.xlsx';

beforeAll(() => {
  buildCli();
  dir = scratch('bao-cao-files-');
  const r = runCli(dir, ['init', '--sample', WB]);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh sub-folder holding a copy of the sample workbook. */
function caseDir(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  copyFileSync(join(dir, WB), join(d, WB));
  return d;
}

const unchanged = (path: string, bytes: Buffer) => expect(readFileSync(path).equals(bytes), `${path} unchanged`).toBe(true);

interface OutputCase {
  name: string;
  /** Prepares the folder; returns the arguments after `generate`. */
  setup: (d: string) => string[];
  /** The files that must be byte-for-byte what they were. */
  kept: string[];
  says: string;
}

const TEMPLATE_TEXT = '[center bold] BÁO CÁO {{ten_xa}}\n';

const OUTPUT_CASES: OutputCase[] = [
  {
    name: '--out is a symbolic link to the workbook',
    setup: (d) => (symlinkSync(WB, join(d, 'bao-cao.docx')), [WB, '--out', 'bao-cao.docx']),
    kept: [WB],
    says: 'chính là bảng tính',
  },
  {
    name: '--out is a hard link to the workbook',
    setup: (d) => (linkSync(join(d, WB), join(d, 'bao-cao.docx')), [WB, '--out', 'bao-cao.docx']),
    kept: [WB],
    says: 'chính là bảng tính',
  },
  {
    name: '--out reaches the workbook through a "../" folder link',
    setup: (d) => {
      // The workbook under a .docx name (an .xlsx renamed) and a folder link back to its own folder.
      copyFileSync(join(d, WB), join(d, 'so-lieu.docx'));
      mkdirSync(join(d, 'a'));
      symlinkSync('..', join(d, 'a', 'len'));
      return ['so-lieu.docx', '--out', 'a/len/so-lieu.docx'];
    },
    kept: ['so-lieu.docx'],
    says: 'chính là bảng tính',
  },
  {
    name: '--out is the template (through a symbolic link)',
    setup: (d) => {
      writeFileSync(join(d, 'mau.docx'), TEMPLATE_TEXT);
      symlinkSync('mau.docx', join(d, 'ket-qua.docx'));
      return [WB, '--template', 'mau.docx', '--out', 'ket-qua.docx'];
    },
    kept: ['mau.docx', WB],
    says: 'chính là mẫu báo cáo',
  },
  {
    name: '--out is the template (a .txt)',
    setup: (d) => (writeFileSync(join(d, 'mau.txt'), TEMPLATE_TEXT), [WB, '--template', 'mau.txt', '--out', 'mau.txt']),
    kept: ['mau.txt', WB],
    says: 'ghi tệp .docx',
  },
  {
    name: '--out is another workbook (.xlsx)',
    setup: (d) => (copyFileSync(join(d, WB), join(d, 'khac.xlsx')), [WB, '--out', 'khac.xlsx']),
    kept: ['khac.xlsx', WB],
    says: 'đuôi «.xlsx», nhưng lệnh này ghi tệp .docx',
  },
  {
    name: '--out ends in .pdf without --pdf',
    setup: (d) => (writeFileSync(join(d, 'cu.pdf'), '%PDF-1.4 old'), [WB, '--out', 'cu.pdf']),
    kept: ['cu.pdf', WB],
    says: 'thêm --pdf',
  },
  {
    name: '--out is a folder',
    setup: (d) => (mkdirSync(join(d, 'ra.docx')), [WB, '--out', 'ra.docx']),
    kept: [WB],
    says: 'là một thư mục',
  },
  {
    name: 'with --pdf, the PDF beside --out would be the workbook (a link named .pdf)',
    setup: (d) => (symlinkSync(WB, join(d, 'bc.pdf')), [WB, '--out', 'bc.docx', '--pdf']),
    kept: [WB],
    says: 'chính là bảng tính',
  },
];

describe('an output is never one of the inputs, nor another kind of file', () => {
  it('counts its cases', () => {
    console.log(`files: ${OUTPUT_CASES.length} refused outputs`);
    expect(OUTPUT_CASES.length).toBeGreaterThanOrEqual(9);
    expect(reliabilitySection(), 'the README states the count').toContain(`${OUTPUT_CASES.length} outputs refused`);
  });

  it.each(OUTPUT_CASES.map((c, i) => [c.name, c, i] as const))('%s: refused (exit 2), inputs unchanged', (_name, c, i) => {
    const d = caseDir(`out-${i}`);
    const args = c.setup(d);
    const before = c.kept.map((f) => readFileSync(join(d, f)));
    const r = runCli(d, ['generate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(c.says);
    noTrace(r);
    c.kept.forEach((f, k) => unchanged(join(d, f), before[k]));
  });
});

describe('init', () => {
  it('adds .xlsx to a name without extension', () => {
    const d = caseDir('init-ext');
    const r = runCli(d, ['init', 'moi']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Đã tạo moi.xlsx.\n');
    expect(existsSync(join(d, 'moi.xlsx'))).toBe(true);
    expect(existsSync(join(d, 'moi'))).toBe(false);
  });

  it.each([
    { name: 'an existing folder', arg: 'thu-muc', says: '«thu-muc» là một thư mục' },
    { name: 'a name ending in "/"', arg: 'moi/', says: 'là một thư mục' },
    { name: 'another extension (.csv)', arg: 'so-lieu.csv', says: 'đặt tên tệp kết thúc bằng .xlsx' },
  ])('refuses $name clearly (exit 2), writing nothing', ({ arg, says }) => {
    const d = caseDir(`init-${arg.replace(/\W/g, '')}`);
    mkdirSync(join(d, 'thu-muc'), { recursive: true });
    const before = readdirSync(d).sort();
    const r = runCli(d, ['init', arg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    noTrace(r);
    expect(readdirSync(d).sort()).toEqual(before);
  });

  it('--force replaces a workbook whole: the new file is complete and no temporary file is left', () => {
    const d = caseDir('init-force');
    const r = runCli(d, ['init', '--force', WB]);
    expect(r.code).toBe(0);
    expect(readdirSync(d)).toEqual([WB]);
    expect(runCli(d, ['check', WB]).stdout).toContain('Chưa nhập «Tên xã»');
  });
});

describe('the PDF step', () => {
  let fake: ReturnType<typeof fakeSoffice>;
  beforeAll(() => {
    fake = fakeSoffice(dir);
  });

  it('--out ending in .pdf with --pdf writes the .docx beside it and the PDF at --out', () => {
    const d = caseDir('pdf-out');
    const r = runCli(d, ['generate', WB, '--out', 'bc.pdf', '--pdf'], fake.env('ok'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'bc.pdf'), 'latin1')).toMatch(/^%PDF-/);
    expect(readFileSync(join(d, 'bc.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(d).sort()).toEqual(['bc.docx', 'bc.pdf', WB]);
  });

  it('a failing LibreOffice leaves the .docx written, says so (exit 3), and touches the existing PDF not at all', () => {
    const d = caseDir('pdf-fail');
    writeFileSync(join(d, 'bc.pdf'), '%PDF-1.4 last week');
    const old = readFileSync(join(d, 'bc.pdf'));
    const r = runCli(d, ['generate', WB, '--out', 'bc.docx', '--pdf'], fake.env('fail'));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Báo cáo .docx đã ghi xong (bc.docx), nhưng chưa xuất được PDF');
    expect(r.stderr).toContain('Bản PDF cũ (nếu có) vẫn giữ nguyên');
    noTrace(r);
    unchanged(join(d, 'bc.pdf'), old);
    expect(statSync(join(d, 'bc.docx')).size).toBeGreaterThan(1000);
    expect(readdirSync(d).sort()).toEqual(['bc.docx', 'bc.pdf', WB]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('%s to the CLI stops LibreOffice with it and removes its temporary folders', async (signal) => {
    const d = caseDir(`pdf-${signal}`);
    const tmp = join(d, 'tmp');
    mkdirSync(tmp);
    const mark = join(d, 'soffice.pid');
    const child = spawn(process.execPath, [bin, 'generate', WB, '--pdf'], { cwd: d, env: { ...process.env, ...fake.env('hang', { FAKE_MARK: mark, TMPDIR: tmp }) }, stdio: 'pipe' });
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const deadline = Date.now() + 90_000;
    while (!existsSync(mark) || readFileSync(mark, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error('the fake LibreOffice never started');
      await new Promise((res) => setTimeout(res, 50));
    }
    const sofficePid = Number(readFileSync(mark, 'utf8').trim());
    expect(alive(sofficePid)).toBe(true);
    expect(readdirSync(tmp).length).toBeGreaterThan(0);
    child.kill(signal);
    expect(await exited).toBe(signal === 'SIGINT' ? 130 : 143);
    await new Promise((res) => setTimeout(res, 200));
    expect(alive(sofficePid), 'LibreOffice stopped with the CLI').toBe(false);
    expect(readdirSync(tmp), 'no profile or scratch folder left').toEqual([]);
    expect(existsSync(join(d, 'bao-cao-so-lieu.pdf'))).toBe(false);
  });
});

/** Whether a process is running (a zombie waiting to be reaped counts as stopped). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('filesystem failures are one Vietnamese sentence (exit 3), never a stack trace', () => {
  const CASES: { name: string; args: (d: string) => string[]; code: number; says: string }[] = [
    { name: 'EISDIR: a folder given as the workbook', args: () => ['check', '.'], code: 3, says: '«.» là một thư mục, không phải tệp' },
    { name: 'ENOTDIR: --out under a file', args: () => ['generate', WB, '--out', `${WB}/bc.docx`], code: 3, says: `«${WB}» ` },
    { name: 'ENOENT: the workbook is missing', args: () => ['check', 'khong-co.xlsx'], code: 2, says: 'Không tìm thấy tệp «khong-co.xlsx»' },
    { name: 'ENOENT: the template is missing', args: () => ['generate', WB, '--template', 'khong-co.txt'], code: 2, says: 'Không tìm thấy mẫu báo cáo «khong-co.txt»' },
  ];
  it('counts its cases (and the closed pipe below)', () => {
    expect(reliabilitySection(), 'the README states the count').toContain(`${CASES.length + 1} filesystem errors`);
  });

  it.each(CASES)('$name', ({ args, code, says }) => {
    const d = caseDir(`fs-${args(dir).join('-').replace(/\W/g, '')}`);
    const r: CliResult = runCli(d, args(d));
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(says);
    noTrace(r);
  });

  it('EPIPE: stdout closed early (| head) ends with one Vietnamese line and exit 3', async () => {
    const d = caseDir('epipe');
    const child = spawn(process.execPath, [bin, 'indicators', WB], { cwd: d, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    expect(code).toBe(3);
    expect(stderr).toContain('không in tiếp được ra đầu ra chuẩn (stdout)');
    noTrace({ code, stdout: '', stderr });
  });
});
