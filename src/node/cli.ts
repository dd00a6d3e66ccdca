import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { REPORT } from '../core/report/definition';
import { runReport, type ReportRun } from '../core/report/pipeline';
import { hasErrors, issueLine } from '../core/issues';
import { layoutWorkbook } from '../core/workbook/layout';
import { readXlsx } from './xlsx-read';
import { writeXlsx } from './xlsx-write';
import { SAMPLE } from './sample';

/** Exit codes: 0 done, 1 the figures have errors, 2 the command was used wrongly. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

class UsageError extends Error {}

async function loadRun(file: string): Promise<ReportRun> {
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp «${file}».`);
  let grid;
  try {
    grid = await readXlsx(file);
  } catch (e) {
    throw new UsageError(`Không đọc được «${file}» như một tệp Excel (.xlsx): ${(e as Error).message}`);
  }
  return runReport(grid);
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
    .showHelpAfterError();

  program
    .command('init')
    .description('Tạo bảng tính mới với đủ các trang, tiêu đề và nhãn (trống, hoặc có số liệu mẫu).')
    .argument('<file.xlsx>', 'tệp sẽ tạo')
    .option('--sample', 'điền số liệu mẫu của báo cáo Phổ Phong 2020-2023')
    .option('--force', 'ghi đè nếu tệp đã có')
    .action(async (file: string, opts: { sample?: boolean; force?: boolean }) => {
      if (existsSync(file) && !opts.force) throw new UsageError(`Tệp «${file}» đã có: không ghi đè số liệu. Dùng --force nếu thật sự muốn thay.`);
      await mkdir(dirname(file), { recursive: true });
      await writeXlsx(layoutWorkbook(REPORT, opts.sample ? SAMPLE : undefined), file);
      out(`Đã tạo ${file}${opts.sample ? ' (có số liệu mẫu)' : ''}.`);
    });

  program
    .command('check')
    .description('Kiểm tra số liệu: mỗi dòng một lỗi hoặc cảnh báo, ghi rõ trang và ô.')
    .argument('<file.xlsx>')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const run = await loadRun(file);
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
    .action(async (file: string, opts: { json?: boolean }) => {
      const run = await loadRun(file);
      if (opts.json) {
        const indicators = run.indicators.map(({ key, label, value, unit, text, phrase, status, how, sources }) => ({ key, label, value, unit, text, phrase, status, how, sources }));
        out(JSON.stringify({ indicators, issues: jsonIssues(run) }, null, 2));
      } else {
        printIssues(run, out);
        for (const i of run.indicators) out(`${i.key}\t${i.label}: ${i.text}${i.phrase && i.phrase !== i.text ? ` — ${i.phrase}` : ''}`);
      }
      if (hasErrors(run.issues)) process.exitCode = EXIT.invalid;
    });

  return program;
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

void Option;
process.exitCode = await main(process.argv.slice(2));
