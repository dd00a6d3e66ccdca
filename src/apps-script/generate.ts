/**
 * "Tạo báo cáo" and "Tạo mẫu báo cáo mặc định" as flows main.ts's menu handlers call; they return what
 * to show and leave the showing to the caller (dialogs), except the warnings question and the toasts.
 *
 * Generation, under the document lock (busy: nothing happens):
 *   a run Google stopped before: trash its copy, mark its log row (run-record.ts)
 *   -> read the report tabs (one getValues each) -> runReport -> errors stop it, warnings ask (YES_NO)
 *   -> settings -> «Nhật ký» row «Đang tạo» -> Drive.Files.copy of the template (never opened for
 *   writing) -> DocumentApp.openById -> merge through the Docs port (the ONE merge algorithm), which
 *   checks the time budget before every write -> template problems: trash the copy and report them
 *   -> flush: saveAndClose + ONE Docs batchUpdate for every value -> the row gets the outcome -> the link.
 * Any failure once the copy exists trashes it, logs it, and rethrows a Vietnamese message; past the
 * time budget the same happens and the clerk is told to run it again. The template and the input tabs
 * are only read.
 */
import { hasErrors, issueLine, type Issue } from '../core/issues';
import { activeKind } from './kind';
import { calendarDay } from '../core/format/date';
import { runReport } from '../core/report/pipeline';
import { parseTemplateText } from '../core/document/template-text';
import { merge } from '../core/template/merge';
import type { MergeProblem } from '../core/template/problems';
import { buildTemplateDoc } from './doc-builder';
import { createDocsPort } from './docs-port';
import { withDocumentLock } from './lock';
import { appFolderId } from './app-folder';
import { ClerkMessage } from './errors';
import { copyFile, trashFile, type DriveFileRef } from './drive';
import { explainGoogleError, isNotFound } from './google-errors';
import { copyTemplateContent, type DocsRequest } from './template-content';
import { shareWithSheetEditors } from './template-access';
import { GENERATE_MSG, MSG } from './messages';
import { finishRun, noteCopy, notePdf, recoverStoppedRun, startRun, type RunRecord } from './run-record';
import { appendLog, readSettings, reportFileName, wantsPdf, writeSettings, type Settings } from './settings';
import { PdfNotYetVisible, saveReportPdf } from './report-pdf';
import { readReportGrids } from './sheet-io';
import { deadlineFrom, TimeBudgetExceeded, type Deadline } from './time-budget';

export { TIME_BUDGET_MS } from './time-budget';

/** At most this many warnings are listed in the question; the rest are counted. */
const WARNINGS_SHOWN = 15;

export interface FlowDeps {
  ss?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui?: GoogleAppsScript.Base.Ui;
  now?: () => Date;
}

export type GenerateOutcome =
  | { kind: 'busy'; message: string }
  | { kind: 'issues'; message: string; issues: Issue[] }
  | { kind: 'cancelled'; message: string }
  | { kind: 'noTemplate'; message: string }
  | { kind: 'templateProblems'; message: string; problems: MergeProblem[] }
  | { kind: 'outOfTime'; message: string }
  | { kind: 'done'; message: string; name: string; url: string; id: string; warnings: string[]; pdfUrl: string; pdfLater: PdfLater | null };

/** What «Lưu bản PDF» of the report's dialog needs when this run could not render the values (switch k). */
export interface PdfLater {
  reportId: string;
  replacedTag: string;
}

export type TemplateOutcome = { kind: 'busy'; message: string } | { kind: 'done'; message: string; name: string; url: string; id: string };

export function generateReportFlow(deps: FlowDeps = {}): GenerateOutcome {
  const ss = deps.ss ?? SpreadsheetApp.getActiveSpreadsheet();
  const now = deps.now ?? (() => new Date());
  const deadline = deadlineFrom(now);
  const result = withDocumentLock(() => generateLocked(ss, deps.ui ?? SpreadsheetApp.getUi(), now, deadline));
  return result ? result.value : { kind: 'busy', message: MSG.busy };
}

function generateLocked(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ui: GoogleAppsScript.Base.Ui, now: () => Date, deadline: Deadline): GenerateOutcome {
  const stopped = recoverStoppedRun(ss, now);
  if (stopped) ss.toast(GENERATE_MSG.recoveredStoppedRun(stopped), MSG.toastTitle);
  ss.toast(GENERATE_MSG.reading, MSG.toastTitle);
  const settings = readSettings(ss);
  const kind = activeKind(settings);
  const run = runReport(kind, readReportGrids(ss, kind), { today: calendarDay(now()), settings: settings.grid });
  if (hasErrors(run.issues)) {
    const errors = run.issues.filter((i) => i.severity === 'error');
    return { kind: 'issues', message: GENERATE_MSG.hasErrors(errors.length), issues: run.issues };
  }
  const warnings = run.issues.map(issueLine);
  if (warnings.length > 0) {
    const shown = warnings.slice(0, WARNINGS_SHOWN).join('\n') + (warnings.length > WARNINGS_SHOWN ? `\n… (+${warnings.length - WARNINGS_SHOWN})` : '');
    const answer = ui.alert(GENERATE_MSG.title, GENERATE_MSG.askWarnings(warnings.length, shown), ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) return { kind: 'cancelled', message: GENERATE_MSG.cancelled };
  }

  if (!settings.templateId) return { kind: 'noTemplate', message: GENERATE_MSG.noTemplate };
  const started = now();
  const stamp = Utilities.formatDate(started, ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
  const name = reportFileName(settings.fileName, run.data, stamp);

  try {
    deadline.check();
  } catch {
    safely(() => appendLog(ss, { when: started, action: GENERATE_MSG.logAction, name, url: '', result: GENERATE_MSG.logOutOfTime, detail: '' }));
    return { kind: 'outOfTime', message: GENERATE_MSG.outOfTime };
  }

  // On record before anything is made: a run Google stops from here on stays visible in the log.
  let record: ReturnType<typeof startRun>;
  try {
    record = startRun(ss, { when: started, action: GENERATE_MSG.logAction, name });
  } catch (e) {
    throw new Error(GENERATE_MSG.failed(explainGoogleError(e)));
  }
  const log = (url: string, result: string, detail: string) => finishRun(ss, record, { url, result, detail });

  ss.toast(GENERATE_MSG.copying, MSG.toastTitle);
  let copy: DriveFileRef & { folderId: string; styleRequests: DocsRequest[] };
  try {
    copy = makeReportDoc(ss, settings.templateId, settings.folderId, name);
  } catch (e) {
    const reason = explainGoogleError(e);
    safely(() => log('', GENERATE_MSG.logFailed, reason));
    if (e instanceof ClerkMessage) throw e;
    throw new Error(GENERATE_MSG.failed(reason));
  }

  try {
    noteCopy(record, copy.id);
    ss.toast(GENERATE_MSG.merging, MSG.toastTitle);
    // The port checks the deadline before each of its writes: a slow merge stops between two calls.
    const port = createDocsPort(DocumentApp.openById(copy.id), { deadline, trailingRequests: copy.styleRequests });
    const problems = merge(port, run.data);
    if (problems.length > 0) {
      trashFile(copy.id);
      log('', GENERATE_MSG.logTemplateProblems, problems.map((p) => p.message).join('\n'));
      return { kind: 'templateProblems', message: GENERATE_MSG.templateProblems(problems.length), problems };
    }
    port.flush();
    const pdf = pdfBeside(settings, copy, name, deadline, record, port.replacedTag());
    log(copy.url, GENERATE_MSG.logOk, pdf.note);
    ss.toast(GENERATE_MSG.done(name), MSG.toastTitle);
    return { kind: 'done', message: GENERATE_MSG.done(name), name, url: copy.url, id: copy.id, warnings: pdf.url || !pdf.note ? warnings : [...warnings, pdf.note], pdfUrl: pdf.url, pdfLater: pdf.later };
  } catch (e) {
    if (e instanceof TimeBudgetExceeded) {
      const trashed = safely(() => trashFile(copy.id));
      safely(() => log('', GENERATE_MSG.logOutOfTime, trashed ? GENERATE_MSG.logOutOfTimeMerging : copy.id));
      return { kind: 'outOfTime', message: GENERATE_MSG.outOfTime };
    }
    const reason = explainGoogleError(e);
    // Nothing half-done is left for anyone to find: the copy goes to the trash (recoverable), then the log says why.
    const trashed = safely(() => trashFile(copy.id));
    safely(() => log('', GENERATE_MSG.logFailed, trashed ? reason : `${reason} (${copy.id})`));
    throw new Error(GENERATE_MSG.failed(reason));
  }
}

/**
 * The report's Doc, in this account's app folder: a Drive copy of the template when this account's app can
 * reach it through Drive (it made the template), otherwise a Doc the app creates for this account filled
 * with the template's content read through DocumentApp (another clerk made it: drive.file is per user,
 * docs/google-behaviours.md switch j). Either way the template is only read.
 */
function makeReportDoc(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, templateId: string, folderHint: string, name: string): DriveFileRef & { folderId: string; styleRequests: DocsRequest[] } {
  const folderId = appFolderId(ss, folderHint);
  try {
    return { ...copyFile(templateId, name, folderId), folderId, styleRequests: [] };
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  return { ...copyTemplateContent(templateId, name, folderId), folderId };
}

/**
 * The PDF beside the finished report when «Cài đặt» asks for it (the default). It is extra: the report
 * stands without it, so a failure or a run short of time is said in the log's detail and the dialog, never
 * thrown. The log's detail holds the PDF's link, where sharing finds it (share-log.ts). Its id goes on the
 * run's record first, so a run stopped before its end leaves no PDF behind either.
 */
function pdfBeside(
  settings: Settings,
  report: DriveFileRef & { folderId: string },
  name: string,
  deadline: Deadline,
  record: RunRecord,
  replacedTag: string | null,
): { url: string; note: string; later: PdfLater | null } {
  if (!wantsPdf(settings)) return { url: '', note: '', later: null };
  try {
    deadline.check();
    const pdf = saveReportPdf(report.id, name, report.folderId, replacedTag);
    notePdf(record, pdf.id);
    return { url: pdf.url, note: GENERATE_MSG.logPdf(pdf.url), later: null };
  } catch (e) {
    if (e instanceof PdfNotYetVisible) return { url: '', note: e.message, later: { reportId: report.id, replacedTag: replacedTag ?? '' } };
    return { url: '', note: e instanceof TimeBudgetExceeded ? GENERATE_MSG.pdfOutOfTime : GENERATE_MSG.pdfFailed(explainGoogleError(e)), later: null };
  }
}

/** Runs a clean-up step whose own failure must not hide the first one; true when it worked. */
function safely(step: () => void): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}

/** "Tạo mẫu báo cáo mặc định": a new Google Doc from the bundled template, its id and link into «Cài đặt». */
export function createDefaultTemplateFlow(deps: FlowDeps = {}): TemplateOutcome {
  const ss = deps.ss ?? SpreadsheetApp.getActiveSpreadsheet();
  const now = deps.now ?? (() => new Date());
  const result = withDocumentLock((): TemplateOutcome => {
    ss.toast(GENERATE_MSG.building, MSG.toastTitle);
    const settings = readSettings(ss);
    const kind = activeKind(settings);
    const name = GENERATE_MSG.templateName(kind.name);
    let built: { id: string; url: string };
    let folderId: string;
    try {
      // This account's app folder (drive.file reaches only what the app made for it), beside its reports.
      folderId = appFolderId(ss, settings.folderId);
      built = buildTemplateDoc(parseTemplateText(kind.template), name, folderId);
    } catch (e) {
      throw new Error(GENERATE_MSG.templateFailed(explainGoogleError(e)));
    }
    writeSettings(ss, { templateId: built.id, templateUrl: built.url, folderId });
    // Every clerk of the office generates from this template: the Sheet's editors get read access (switch j).
    safely(() => shareWithSheetEditors(ss, built.id));
    // No link in the log: share-log.ts offers every linked row as a report, and the template is not one.
    safely(() => appendLog(ss, { when: now(), action: GENERATE_MSG.logTemplateAction, name, url: '', result: GENERATE_MSG.logOk, detail: '' }));
    return { kind: 'done', message: GENERATE_MSG.templateDone(name), name, url: built.url, id: built.id };
  });
  return result ? result.value : { kind: 'busy', message: MSG.busy };
}
