import type { ReportDocument } from '../document/model';
import { mergeDocument } from '../document/memory-port';
import { parseTemplateText } from '../document/template-text';
import type { MergeProblem } from '../template/problems';
import type { MergeData } from '../template/data';

/** Template text + data -> the merged document (in memory), with every tag problem found. */
export function renderReportDocument(templateText: string, data: MergeData): { document: ReportDocument; problems: MergeProblem[] } {
  return mergeDocument(parseTemplateText(templateText), data);
}
