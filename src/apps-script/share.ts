/**
 * "Chia sẻ cho nơi nhận": shares a generated report (a Google Doc the app created) with the people listed in
 * the «Nơi nhận» tab, one person at a time. This module is the flow; who (share-recipients.ts), which
 * reports (share-log.ts) and the Drive permissions (permissions.ts) each have their own.
 *
 * - every address is validated first; one invalid or duplicated address refuses the whole run before any
 *   permission is created, naming the tab, the cell and the address;
 * - a person who already has the role (or a higher one) is left alone ("đã có quyền"), so sharing twice is
 *   harmless;
 * - rate limits are retried (retry.ts); any other failure is reported for that person and the others still
 *   get their share;
 * - a report another account made is not this account's to share under drive.file: the clerk is told what
 *   to press (docs/google-behaviours.md, switch j);
 * - the document lock keeps two clerks from sharing (or generating) at once.
 *
 * The role: the «Quyền khi chia sẻ» column of a recipient wins; the dialog's choice applies where it is blank.
 */
import { activeKind } from './kind';
import { MSG, SHARE_MSG } from './messages';
import { withDocumentLock } from './lock';
import { googleReason, isNotFound } from './google-errors';
import { covers, currentRoles, DRIVE_ROLE, grantRole, roleLabel } from './permissions';
import { FALLBACK_RECIPIENTS_TAB, loadRecipients, recipientsPlace, roleOf, type Recipient } from './share-recipients';
import { appendShareLog, loadRecentReports } from './share-log';
import { plainData, type RoleLabel, type ShareDialogData, type SharePersonResult, type ShareRecipientView, type ShareRequest, type ShareResponse } from './ui-data';

export const DEFAULT_ROLE: RoleLabel = 'Xem';

/** Data for Share.html: recent reports from the log, recipients with an e-mail from «Nơi nhận». */
export function shareDialogData(): ShareDialogData {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const reports = loadRecentReports(ss);
  const read = loadRecipients(ss);
  const notices = [...(reports.length === 0 ? [SHARE_MSG.noReports] : []), ...read.notices];
  const recipients: ShareRecipientView[] = read.recipients.map((r) => ({ name: r.name, email: r.email, role: r.role, where: r.where, valid: !r.problem, problem: r.problem }));
  return plainData({ reports, recipients, defaultRole: DEFAULT_ROLE, notices });
}

function refuse(message: string, reportName = ''): ShareResponse {
  return { ok: false, message, reportName, results: [] };
}

/**
 * google.script.run target of Share.html. Returns what happened to each person; nothing is shared when the
 * run is refused (busy, an address to fix, a report the log does not know).
 */
export function shareSelectedReport(request: ShareRequest): ShareResponse {
  const result = withDocumentLock(() => plainData(shareLocked(request)));
  return result ? result.value : refuse(MSG.busy);
}

function shareLocked(request: ShareRequest): ShareResponse {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const defaultRole = roleOf(String(request?.role ?? ''));
  if (!defaultRole) return refuse(SHARE_MSG.unknownRole(String(request?.role ?? '')));
  const report = loadRecentReports(ss).find((r) => r.id === request.reportId);
  if (!report) return refuse(SHARE_MSG.unknownReport);

  const read = loadRecipients(ss);
  if (read.recipients.length === 0) return refuse(read.notices.join('\n') || SHARE_MSG.noRecipients(recipientsPlace(activeKind())?.tab ?? FALLBACK_RECIPIENTS_TAB), report.name);
  const problems = read.recipients.filter((r) => r.problem).map((r) => r.problem);
  if (problems.length > 0) return refuse([SHARE_MSG.refused(problems.length), ...problems].join('\n'), report.name);

  let roles: Map<string, string>;
  try {
    roles = currentRoles(report.id);
  } catch (e) {
    // drive.file is per account: a report another clerk's run made is not this account's to share (switch j).
    if (isNotFound(e)) return refuse(SHARE_MSG.otherAccount, report.name);
    return refuse(SHARE_MSG.cannotReadPermissions(googleReason(e)), report.name);
  }

  const message = String(request.message ?? '').trim();
  const results = shareFile(report.id, roles, read.recipients, defaultRole, message);
  // The PDF saved beside the report, unless the clerk unticked it: the same people, the same roles.
  const pdfResults = report.pdfId && request.withPdf !== false ? sharePdf(report.pdfId, read.recipients, defaultRole, message) : [];
  let logProblem = '';
  try {
    appendShareLog(ss, report, [...results, ...pdfResults]);
  } catch (e) {
    logProblem = SHARE_MSG.logFailed(googleReason(e)); // the shares stand; say the log could not record them
  }
  const count = (list: SharePersonResult[], k: SharePersonResult['outcome']) => list.filter((r) => r.outcome === k).length;
  const lines = [SHARE_MSG.summary(count(results, 'shared'), count(results, 'already'), count(results, 'failed'))];
  if (pdfResults.length > 0) lines.push(SHARE_MSG.pdfSummary(count(pdfResults, 'shared'), count(pdfResults, 'already'), count(pdfResults, 'failed')));
  if (logProblem) lines.push(logProblem);
  return { ok: true, message: lines.join('\n'), reportName: report.name, results: [...results, ...pdfResults] };
}

/** Each person gets their role on the file unless they hold it or a higher one; one failure does not stop the others. */
function shareFile(fileId: string, roles: Map<string, string>, people: readonly Recipient[], defaultRole: RoleLabel, message: string, file?: 'pdf'): SharePersonResult[] {
  const results: SharePersonResult[] = [];
  for (const person of people) {
    const role = person.role || defaultRole;
    const driveRole = DRIVE_ROLE[role];
    const held = roles.get(person.email);
    const base = { name: person.name, email: person.email, role, ...(file ? { file } : {}) };
    if (covers(held, driveRole)) {
      results.push({ ...base, outcome: 'already', detail: SHARE_MSG.already(roleLabel(held as string)) });
      continue;
    }
    try {
      grantRole(fileId, person.email, driveRole, message);
      roles.set(person.email, driveRole);
      results.push({ ...base, outcome: 'shared', detail: SHARE_MSG.shared(role) });
    } catch (e) {
      results.push({ ...base, outcome: 'failed', detail: SHARE_MSG.failed(googleReason(e)) });
    }
  }
  return results;
}

/** The PDF's shares; when its permissions cannot be read, each person's row says why. */
function sharePdf(pdfId: string, people: readonly Recipient[], defaultRole: RoleLabel, message: string): SharePersonResult[] {
  let roles: Map<string, string>;
  try {
    roles = currentRoles(pdfId);
  } catch (e) {
    const detail = isNotFound(e) ? SHARE_MSG.otherAccount : SHARE_MSG.cannotReadPermissions(googleReason(e));
    return people.map((p) => ({ name: p.name, email: p.email, role: p.role || defaultRole, outcome: 'failed', detail, file: 'pdf' }));
  }
  return shareFile(pdfId, roles, people, defaultRole, message, 'pdf');
}
