import type { ReportKind } from '../../core/kind/types';
import { EXIT } from '../errors';
import { hasErrors, jsonIssues, loadRun, printIssues, type Io } from './context';

export async function checkCommand(file: string, kind: ReportKind | undefined, opts: { json?: boolean }, io: Io): Promise<number> {
  const run = await loadRun(file, kind);
  if (opts.json) io.out(JSON.stringify({ issues: jsonIssues(run) }, null, 2));
  else if (run.issues.length === 0) io.out('Số liệu hợp lệ: không có lỗi, không có cảnh báo.');
  else printIssues(run, io.out);
  return hasErrors(run.issues) ? EXIT.invalid : EXIT.ok;
}
