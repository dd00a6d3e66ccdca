import { Command, CommanderError } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { renderReportDocument } from '../core/report/document';
import { TemplateTextError } from '../core/document/template-text';
import { ConversionError, ToolMissingError, docxToPdf } from './libreoffice';
import { runReport, type ReportRun } from '../core/report/pipeline';
import { hasErrors, issueLine } from '../core/issues';
import { layoutWorkbook } from '../core/workbook/layout';
import type { ReportKind } from '../core/kind/types';
import { resolveKind } from './kinds';
import { addKindsCommand } from './kinds-command';
import { addTemplateCommand } from './template-command';
import { addUpgradeCommand } from './upgrade-command';
import { writeFileAtomic } from './atomic-write';
import { UsageError } from './usage-error';

/** Exit codes: 0 done, 1 the figures have errors, 2 the command was used wrongly. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

const KIND_OPTION = ['--kind <mã hoặc thư mục>', 'loại báo cáo: mã một loại có sẵn (xem «bao-cao kinds») hoặc thư mục chứa kind.json'] as const;

async function loadRun(file: string, kind: ReportKind): Promise<ReportRun> {
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp «${file}».`);
  // Each library loads only in the command that needs it: check and indicators never load the .docx writer.
  const { readXlsx } = await import('./xlsx-read');
  let grid;
  try {
    grid = await readXlsx(file);
  } catch (e) {
    throw new UsageError(`Không đọc được «${file}» như một tệp Excel (.xlsx): ${(e as Error).message}`);
  }
  return runReport(kind, grid);
}

function printIssues(run: ReportRun, out: (s: string) => void): void {
  for (const issue of run.issues) out(issueLine(issue));
}

function jsonIssues(run: ReportRun) {
  return run.issues.map(({ severity, sheet, cell, message }) => ({ severity, sheet, cell, message }));
}

export function buildProgram(out: (s: string) => void, err: (s: string) => void): Command {
  const program = new Command('bao-cao')
    .description('Báo cáo xã: kiểm tra số liệu, tính chỉ tiêu và tạo báo cáo từ bảng tính (.xlsx), không cần mạng.')
    .configureOutput({ writeOut: out, writeErr: err })
    .exitOverride()
    .showHelpAfterError('(dùng --help để xem hướng dẫn)')
    .helpOption('-h, --help', 'hiển thị hướng dẫn')
    .helpCommand('help [lệnh]', 'hướng dẫn cho một lệnh');

  program
    .command('init')
    .description('Tạo bảng tính mới với đủ các trang, tiêu đề và nhãn (trống, hoặc có số liệu mẫu).')
    .argument('<file.xlsx>', 'tệp sẽ tạo')
    .option('--sample', 'điền số liệu mẫu của loại báo cáo')
    .option('--force', 'ghi đè nếu tệp đã có')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { sample?: boolean; force?: boolean; kind?: string }) => {
      const kind = await resolveKind(opts.kind);
      if (existsSync(file) && !opts.force) throw new UsageError(`Tệp «${file}» đã có: không ghi đè số liệu. Dùng --force nếu thật sự muốn thay.`);
      await mkdir(dirname(file), { recursive: true });
      const { writeXlsx } = await import('./xlsx-write');
      await writeXlsx(layoutWorkbook(kind, opts.sample ? kind.sample : undefined), file);
      out(`Đã tạo ${file}${opts.sample ? ' (có số liệu mẫu)' : ''}.`);
    });

  program
    .command('check')
    .description('Kiểm tra số liệu: mỗi dòng một lỗi hoặc cảnh báo, ghi rõ trang và ô.')
    .argument('<file.xlsx>')
    .option('--json', 'in kết quả dạng JSON')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { json?: boolean; kind?: string }) => {
      const run = await loadRun(file, await resolveKind(opts.kind));
      if (opts.json) out(JSON.stringify({ issues: jsonIssues(run) }, null, 2));
      else if (run.issues.length === 0) out('Số liệu hợp lệ: không có lỗi, không có cảnh báo.');
      else printIssues(run, out);
      if (hasErrors(run.issues)) process.exitCode = EXIT.invalid;
    });

  program
    .command('indicators')
    .description('Tính các chỉ tiêu dẫn xuất (sản lượng, tỷ lệ, tổng, thay đổi, so với chỉ tiêu Nghị quyết).')
    .argument('<file.xlsx>')
    .option('--json', 'in kết quả dạng JSON')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { json?: boolean; kind?: string }) => {
      const run = await loadRun(file, await resolveKind(opts.kind));
      if (opts.json) {
        const indicators = run.indicators.map(({ key, label, value, unit, text, phrase, status, how, sources }) => ({ key, label, value, unit, text, phrase, status, how, sources }));
        out(JSON.stringify({ indicators, issues: jsonIssues(run) }, null, 2));
      } else {
        printIssues(run, out);
        for (const i of run.indicators) out(`${i.key}\t${i.label}: ${i.text}${i.phrase && i.phrase !== i.text ? ` — ${i.phrase}` : ''}`);
      }
      if (hasErrors(run.issues)) process.exitCode = EXIT.invalid;
    });

  program
    .command('generate')
    .description('Tạo báo cáo .docx (và PDF nếu có LibreOffice) từ bảng tính; từ chối khi số liệu còn lỗi.')
    .argument('<file.xlsx>')
    .option('--template <file>', 'mẫu báo cáo: tệp Word (.docx, xem «bao-cao template») hoặc dạng văn bản (mặc định: mẫu có sẵn của loại báo cáo)')
    .option('--out <file.docx>', 'tệp báo cáo sẽ ghi (mặc định: bao-cao-<tên bảng tính>.docx cạnh bảng tính)')
    .option('--pdf', 'xuất thêm PDF bằng LibreOffice')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { template?: string; out?: string; pdf?: boolean; kind?: string }) => {
      const out_ = opts.out ?? join(dirname(file), `bao-cao-${basename(file, extname(file))}.docx`);
      process.exitCode = await generate(file, out_, await resolveKind(opts.kind), { template: opts.template, pdf: opts.pdf }, out, err);
    });

  program
    .command('demo')
    .description('Chạy thử trên số liệu mẫu: tạo bảng tính mẫu, kiểm tra, tính chỉ tiêu và ghi báo cáo vào thư mục out/.')
    .option('--out-dir <dir>', 'thư mục kết quả', 'out')
    .option('--no-pdf', 'không xuất PDF')
    .option(...KIND_OPTION)
    .action(async (opts: { outDir: string; pdf: boolean; kind?: string }) => {
      const kind = await resolveKind(opts.kind);
      await mkdir(opts.outDir, { recursive: true });
      const workbook = join(opts.outDir, 'so-lieu-mau.xlsx');
      const { writeXlsx } = await import('./xlsx-write');
      await writeXlsx(layoutWorkbook(kind, kind.sample), workbook);
      out(`Đã tạo bảng tính mẫu ${workbook}.`);
      process.exitCode = await generate(workbook, join(opts.outDir, 'bao-cao-mau.docx'), kind, { pdf: opts.pdf, pdfOptional: true }, out, err);
    });

  addKindsCommand(program, out, err);
  addTemplateCommand(program, out);
  addUpgradeCommand(program, out, KIND_OPTION);

  return program;
}

interface GenerateOptions {
  template?: string;
  pdf?: boolean;
  /** The demo goes on without a PDF where LibreOffice is missing; `generate --pdf` fails then. */
  pdfOptional?: boolean;
}

/** Workbook -> checks -> indicators -> merged template -> .docx (and PDF). Returns the exit code. */
async function generate(file: string, outFile: string, kind: ReportKind, opts: GenerateOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (resolve(outFile) === resolve(file)) throw new UsageError('Tệp báo cáo không được trùng với tệp bảng tính.');
  const run = await loadRun(file, kind);
  if (hasErrors(run.issues)) {
    err('Chưa tạo báo cáo: số liệu còn lỗi. Sửa các ô sau rồi chạy lại:');
    for (const issue of run.issues) err(issueLine(issue));
    return EXIT.invalid;
  }
  for (const issue of run.issues) out(issueLine(issue));
  const { isWordTemplate, mergeWordTemplateFile } = await import('./docx-template/word-template-file');
  if (opts.template && isWordTemplate(opts.template)) {
    if (resolve(outFile) === resolve(opts.template)) throw new UsageError('Tệp báo cáo không được trùng với tệp mẫu báo cáo.');
    const report = await mergeWordTemplateFile(opts.template, run.data);
    if (!report.ok) {
      for (const line of report.lines) err(line);
      return EXIT.invalid;
    }
    return writeReport(outFile, report.bytes, opts, out, err);
  }
  let templateText = kind.template;
  if (opts.template) {
    if (!existsSync(opts.template)) throw new UsageError(`Không tìm thấy mẫu báo cáo «${opts.template}».`);
    templateText = await readFile(opts.template, 'utf8');
  }
  let merged;
  try {
    merged = renderReportDocument(templateText, run.data);
  } catch (e) {
    if (e instanceof TemplateTextError) {
      err(`Mẫu báo cáo có lỗi: ${e.message}`);
      return EXIT.invalid;
    }
    throw e;
  }
  if (merged.problems.length) {
    err('Chưa tạo báo cáo: mẫu báo cáo có thẻ không dùng được:');
    for (const p of merged.problems) err(`${p.location}: ${p.message}`);
    return EXIT.invalid;
  }
  const { renderDocx } = await import('./docx-writer');
  return writeReport(outFile, await renderDocx(merged.document), opts, out, err);
}

/** The report's .docx, then its PDF when asked. Returns the exit code. */
async function writeReport(outFile: string, bytes: Buffer, opts: GenerateOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  await mkdir(dirname(outFile), { recursive: true });
  await writeFileAtomic(outFile, bytes);
  out(`Đã ghi báo cáo ${outFile}.`);
  if (opts.pdf) {
    try {
      out(`Đã ghi bản PDF ${await docxToPdf(outFile, { outDir: dirname(outFile) })}.`);
    } catch (e) {
      if (!(e instanceof ToolMissingError || e instanceof ConversionError)) throw e;
      err(e.message);
      if (!opts.pdfOptional) return EXIT.invalid;
    }
  }
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
  const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');
  const program = buildProgram(out, err);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UsageError) {
      err(`Lỗi: ${e.message}`);
      return EXIT.usage;
    }
    err(`Lỗi không mong đợi: ${(e as Error).stack ?? e}`);
    return EXIT.invalid;
  }
}

process.exitCode = await main(process.argv.slice(2));
