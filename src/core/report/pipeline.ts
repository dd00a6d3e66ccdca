import { computeIndicators } from '../indicators/engine';
import type { Indicator } from '../indicators/types';
import type { Issue } from '../issues';
import type { ReportKind } from '../kind/types';
import type { MergeData } from '../template/data';
import type { WorkbookGrid } from '../workbook/grid';
import { readWorkbook, type ReadOptions } from '../workbook/read';
import type { ReportInput } from './input';
import { buildMergeData } from './merge-data';

export interface ReportRun {
  input: ReportInput;
  indicators: Indicator[];
  /** Reader issues first, then cross-checks, in tab order. */
  issues: Issue[];
  data: MergeData;
}

/** The whole flow up to the merge, for one kind of report: cells -> typed input + issues -> indicators -> template data. */
export function runReport(kind: ReportKind, workbook: WorkbookGrid, options: ReadOptions = {}): ReportRun {
  const { input, issues } = readWorkbook(kind, workbook, options);
  const computed = computeIndicators(kind, input);
  const data = buildMergeData(kind, input, computed.indicators);
  return { input, indicators: computed.indicators, issues: [...issues, ...computed.issues], data };
}
