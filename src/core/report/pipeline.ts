import { computeIndicators } from '../indicators/engine';
import { INDICATORS } from '../indicators/definitions';
import type { Indicator } from '../indicators/types';
import type { Issue } from '../issues';
import type { MergeData } from '../template/data';
import type { WorkbookGrid } from '../workbook/grid';
import { readWorkbook } from '../workbook/read';
import { REPORT } from './definition';
import type { ReportInput } from './input';
import { buildMergeData } from './merge-data';

export interface ReportRun {
  input: ReportInput;
  indicators: Indicator[];
  /** Reader issues first, then cross-checks, in tab order. */
  issues: Issue[];
  data: MergeData;
}

/** The whole flow up to the merge: cells -> typed input + issues -> indicators -> template data. */
export function runReport(workbook: WorkbookGrid): ReportRun {
  const { input, issues } = readWorkbook(REPORT, workbook);
  const computed = computeIndicators(INDICATORS, input);
  const data = buildMergeData(REPORT, INDICATORS, input, computed.indicators);
  return { input, indicators: computed.indicators, issues: [...issues, ...computed.issues], data };
}
