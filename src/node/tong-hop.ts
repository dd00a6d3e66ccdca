/**
 * `bao-cao tong-hop`, the district's roll-up offline (the command's options: tong-hop-command.ts). Every commune's workbook is read and checked by the same core as
 * `check`; one commune's errors are printed under its name and do not stop the others (that commune is left
 * out of the district figures). Writes the comparison workbook and, with --docx, the district's summary
 * report from the kind's roll-up template, each whole or not at all, never onto an input.
 * Exit: 0 done, 1 some commune has errors (the outputs are still written) or the template has problems,
 * 2 used wrongly.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { TemplateTextError } from '../core/document/template-text';
import type { ReportKind } from '../core/kind/types';
import { renderReportDocument } from '../core/report/document';
import { runReport } from '../core/report/pipeline';
import { rollupMergeData } from '../core/rollup/merge-data';
import { rollUp, type CommuneRun, type Rollup } from '../core/rollup/rollup';
import { issuesByCommune } from '../core/rollup/table';
import type { MergeData } from '../core/template/data';
import { writeFileAtomic } from './atomic-write';
import { renderDocx } from './docx-writer';
import { bundledKinds } from '../kinds/bundled';
import { resolveKind } from './kinds';
import { progressBar } from './progress';
import { rollupWorkbook } from './rollup-xlsx';
import { UsageError } from './usage-error';
import { readXlsx } from './xlsx-read';

/** The workbooks named: files as given, folders' .xlsx files in name order (Excel's "~$" lock files skipped). */
export async function communeFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`Không tìm thấy «${p}».`);
    if (statSync(p).isDirectory()) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.xlsx') && !n.startsWith('~$') && !n.startsWith('.')).sort((a, b) => a.localeCompare(b, 'vi'));
      files.push(...names.map((n) => join(p, n)));
    } else files.push(p);
  }
  const seen = new Set<string>();
  return files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One commune: its workbook through the pipeline, named by the kind's name field (else the file's name). */
export async function communeRun(file: string, kind: ReportKind): Promise<{ run: CommuneRun; shared: Record<string, string> }> {
  const fallback = basename(file, extname(file));
  let grid;
  try {
    grid = await readXlsx(file);
  } catch (e) {
    const issue = { severity: 'error' as const, sheet: basename(file), cell: 'A1', message: `Không đọc được tệp như một bảng tính Excel (.xlsx): ${(e as Error).message}` };
    return { run: { name: fallback, source: file, input: { fields: {}, rates: {}, lists: {}, plans: {} }, indicators: [], issues: [issue] }, shared: {} };
  }
  // A commune that reports by another kind is one error naming it, not a missing row for every row.
  const run = runReport(kind, grid, { kinds: bundledKinds() });
  const named = kind.rollupName ? run.input.fields[kind.rollupName]?.value : undefined;
  const shared = Object.fromEntries(Object.entries(run.data as MergeData).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { run: { name: typeof named === 'string' && named ? named : fallback, source: file, input: run.input, indicators: run.indicators, issues: run.issues }, shared };
}

export interface RollupFilesResult {
  rollup: Rollup;
  /** Texts the communes share ({{chung.…}}), from the first commune without errors. */
  shared: Record<string, string>;
}

/** Reads and rolls up the files in one process (the libraries loaded once). */
export async function rollUpFiles(files: readonly string[], kind: ReportKind, onEach: (file: string) => void = () => {}): Promise<RollupFilesResult> {
  const runs: { run: CommuneRun; shared: Record<string, string> }[] = [];
  for (const f of files) {
    runs.push(await communeRun(f, kind));
    onEach(f);
  }
  const rollup = rollUp(kind, runs.map((r) => r.run));
  const shared = runs.find((r) => r.run.issues.every((i) => i.severity !== 'error'))?.shared ?? {};
  return { rollup, shared };
}

function today(): string {
  const d = new Date();
  return `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
}

export interface RollupOptions {
  out: string;
  docx?: string;
  kind?: string;
}

/** The whole `bao-cao tong-hop` run; the command module loads this (and exceljs, docx) only when it runs. */
export async function runRollupCommand(paths: string[], opts: RollupOptions, out: (s: string) => void, err: (s: string) => void): Promise<void> {
  const kind = await resolveKind(opts.kind);
  const files = await communeFiles(paths);
  if (files.length === 0) throw new UsageError('Không có bảng tính .xlsx nào để tổng hợp.');
  const inputs = new Set(files.map((f) => resolve(f)));
  for (const target of [opts.out, opts.docx].filter((x): x is string => Boolean(x))) {
    if (inputs.has(resolve(target))) throw new UsageError(`Tệp kết quả «${target}» trùng với một bảng tính của xã: không ghi đè số liệu.`);
  }
  if (opts.docx && resolve(opts.docx) === resolve(opts.out)) throw new UsageError('--out và --docx phải là hai tệp khác nhau.');
  if (opts.docx && !kind.rollupTemplate) throw new UsageError(`Loại báo cáo «${kind.id}» chưa có mẫu báo cáo tổng hợp (rollup-template.txt).`);

  const bar = progressBar(files.length);
  const { rollup, shared } = await rollUpFiles(files, kind, (f) => bar.tick(basename(f)));
  bar.done();

  for (const line of issuesByCommune(rollup)) err(line);
  const left = rollup.communes.filter((c) => !c.ok);
  await mkdir(dirname(resolve(opts.out)), { recursive: true });
  await writeFileAtomic(opts.out, await rollupWorkbook(rollup));
  out(`Đã tổng hợp ${rollup.communes.length} xã (${rollup.included} xã được tính vào số toàn huyện) vào ${opts.out}.`);
  if (left.length) out(`Không tính vào tổng vì số liệu còn lỗi: ${left.map((c) => c.name).join(', ')}.`);

  let code = left.length ? 1 : 0;
  if (opts.docx) {
    let merged;
    try {
      merged = renderReportDocument(kind.rollupTemplate as string, rollupMergeData(rollup, shared, today()));
    } catch (e) {
      if (!(e instanceof TemplateTextError)) throw e;
      err(`Mẫu báo cáo tổng hợp có lỗi: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    if (merged.problems.length) {
      err('Chưa tạo báo cáo tổng hợp: mẫu có thẻ không dùng được:');
      for (const p of merged.problems) err(`${p.location}: ${p.message}`);
      code = 1;
    } else {
      await mkdir(dirname(resolve(opts.docx)), { recursive: true });
      await writeFileAtomic(opts.docx, await renderDocx(merged.document));
      out(`Đã ghi báo cáo tổng hợp ${opts.docx}.`);
    }
  }
  process.exitCode = code;
}
