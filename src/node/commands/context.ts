import { calendarDay } from '../../core/format/date';
import type { ReportKind } from '../../core/kind/types';
import { hasErrors, issueLine } from '../../core/issues';
import type { ReportRun } from '../../core/report/pipeline';
import { runReport } from '../../core/report/pipeline';
import { bundledKinds } from '../../kinds/bundled';
import { kindForWorkbook } from '../kinds';
import { readWorkbookFile } from '../workbook-file';

/** Where a command prints: its result to `out`, refusals and failures to `err`. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Reads and computes a workbook as `given` (--kind), or else as the kind its «Cài đặt» records (`init` and
 * Google's setup write it there), or else as the default kind. Returns the kind it used.
 */
export async function loadRun(file: string, given: ReportKind | undefined): Promise<ReportRun & { kind: ReportKind }> {
  const grid = await readWorkbookFile(file);
  const kind = kindForWorkbook(grid, given);
  // Today, so that dates far from it are warned about; the bundled kinds, so that a workbook of another
  // kind is one clear error rather than a missing row for every row.
  return { ...runReport(kind, grid, { today: calendarDay(new Date()), kinds: bundledKinds() }), kind };
}

export function printIssues(run: ReportRun, print: (line: string) => void): void {
  for (const issue of run.issues) print(issueLine(issue));
}

export function jsonIssues(run: ReportRun) {
  return run.issues.map(({ severity, sheet, cell, message }) => ({ severity, sheet, cell, message }));
}

export { hasErrors };
