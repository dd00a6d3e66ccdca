import type { ReportKind } from '../../core/kind/types';
import { EXIT } from '../errors';
import { hasErrors, jsonIssues, loadRun, printIssues, type Io } from './context';

export async function indicatorsCommand(file: string, kind: ReportKind | undefined, opts: { json?: boolean }, io: Io): Promise<number> {
  const run = await loadRun(file, kind);
  if (opts.json) {
    const indicators = run.indicators.map(({ key, label, value, unit, text, phrase, status, how, sources }) => ({ key, label, value, unit, text, phrase, status, how, sources }));
    io.out(JSON.stringify({ indicators, issues: jsonIssues(run) }, null, 2));
  } else {
    printIssues(run, io.out);
    for (const i of run.indicators) io.out(`${i.key}\t${i.label}: ${i.text}${i.phrase && i.phrase !== i.text ? ` — ${i.phrase}` : ''}`);
  }
  return hasErrors(run.issues) ? EXIT.invalid : EXIT.ok;
}
