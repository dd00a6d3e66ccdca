/**
 * "Chia sẻ cho nơi nhận": shares a generated report (a Google Doc the app created) with the people listed in
 * the «Nơi nhận» tab, through the Drive advanced service v3 (the Apps Script reference), one person at a time:
 *
 * - every address is validated first; one invalid or duplicated address refuses the whole run before any
 *   permission is created, naming the tab, the cell and the address;
 * - a person who already has the role (or a higher one) is left alone ("đã có quyền"), so sharing twice is
 *   harmless;
 * - only `type: 'user'` permissions are ever created (never 'anyone' or 'domain'), with Google's notification
 *   e-mail carrying the clerk's optional message;
 * - rate-limit errors (429, userRateLimitExceeded) are retried with exponential backoff; any other failure is
 *   reported for that person and the others still get their share;
 * - the document lock keeps two clerks from sharing (or generating) at once.
 *
 * The role: the «Quyền khi chia sẻ» column of a recipient wins; the dialog's choice applies where it is blank.
 */
import { normaliseLabel, type CellValue } from '../core/workbook/grid';
import { readWorkbook } from '../core/workbook/read';
import type { ListBlock, ReportDefinition } from '../core/report/schema';
import type { ReportKind } from '../core/kind/types';
import { activeKind } from './kind';
import { GENERATE_MSG, MSG, SHARE_MSG, TABS } from './messages';
import { appendLog, LOG_COLUMN } from './settings';
import { withDocumentLock } from './lock';
import { withBackoff } from './retry';
import { isNotReachable } from './drive';
import { cellText, findSheet } from './sheet-io';
import {
  ROLE_LABELS,
  plainData,
  type RoleLabel,
  type ShareDialogData,
  type SharePersonResult,
  type ShareReportOption,
  type ShareRecipientView,
  type ShareRequest,
  type ShareResponse,
} from './ui-data';

type DriveRole = 'reader' | 'commenter' | 'writer';

export const DRIVE_ROLE: Record<RoleLabel, DriveRole> = { Xem: 'reader', 'Nhận xét': 'commenter', 'Chỉnh sửa': 'writer' };

/** Drive roles from least to most; a person at or above the wanted rank is already served. */
const ROLE_RANK: Record<string, number> = { reader: 1, commenter: 2, writer: 3, fileOrganizer: 4, organizer: 5, owner: 6 };


/** Named in messages when the kind has no recipients list at all. */
const FALLBACK_RECIPIENTS_TAB = 'Nơi nhận';

export const DEFAULT_ROLE: RoleLabel = 'Xem';
export const RECENT_REPORTS = 10;
/** The door's one retry (retry.ts), named here too for the callers and tests that know it as sharing's. */
export { FIRST_BACKOFF_MS, MAX_TRIES, isRateLimit, withBackoff } from './retry';

// ------------------------------------------------------------------------------------- recipients

export interface Recipient {
  name: string;
  /** Lower-cased, as parseEmail gives it; the address as typed when invalid. */
  email: string;
  /** '' when the tab leaves the role blank. */
  role: RoleLabel | '';
  /** "Nơi nhận!B5" */
  where: string;
  problem: string;
}

export interface RecipientsRead {
  recipients: Recipient[];
  /** Problems with the tab itself (missing, no header). */
  notices: string[];
}

function roleOf(raw: string): RoleLabel | null {
  const wanted = normaliseLabel(raw);
  return ROLE_LABELS.find((r) => normaliseLabel(r) === wanted) ?? null;
}

/**
 * Where a kind keeps its recipients (its `recipients` list) and which columns hold the name, the address
 * and the role: the first text column, the e-mail column, and the column offering the share roles.
 */
export interface RecipientsPlace {
  tab: string;
  /** The kind cut down to that tab: the same reader and rules as every other tab. */
  definition: ReportDefinition;
  list: string;
  name?: string;
  email: string;
  role?: string;
}

export function recipientsPlace(kind: ReportKind): RecipientsPlace | undefined {
  const tab = kind.tabs.find((t) => t.blocks.some((b) => b.type === 'list' && b.key === kind.recipients));
  const block = tab?.blocks.find((b): b is ListBlock => b.type === 'list' && b.key === kind.recipients);
  const email = block?.columns.find((c) => c.kind === 'email');
  if (!tab || !block || !email) return undefined;
  return {
    tab: tab.name,
    definition: { tabs: [tab] },
    list: block.key,
    name: block.columns.find((c) => c.kind === 'text')?.key,
    email: email.key,
    role: block.columns.find((c) => c.kind === 'choice' && ROLE_LABELS.every((r) => c.choices?.includes(r)))?.key,
  };
}

/**
 * Pure: the people of the «Nơi nhận» grid who have an e-mail, read by the core reader, so an address is
 * checked by the same rules as «Kiểm tra số liệu» (shape, a repeat in another case, a role that is not
 * one of the three). A row the reader refuses comes back as a problem naming its cell.
 */
export function readRecipients(tab: string, rows: readonly (readonly unknown[])[], kind: ReportKind = activeKind()): RecipientsRead {
  const place = recipientsPlace(kind);
  if (!place) return { recipients: [], notices: [SHARE_MSG.noRecipients(tab)] };
  const grid = { name: tab, rows: rows.map((r) => r.map(asCell)) };
  const { input, issues } = readWorkbook({ tabs: place.definition.tabs.map((t) => ({ ...t, name: tab })) }, [grid]);
  const structural = issues.filter((i) => i.severity === 'error' && !input.lists[place.list]);
  if (structural.length > 0) return { recipients: [], notices: structural.map((i) => `${i.sheet}!${i.cell}: ${i.message}`) };
  const recipients: Recipient[] = (input.lists[place.list] ?? [])
    .filter((row) => typeof row.values[place.email] === 'string' && row.values[place.email] !== '')
    .map((row) => ({
      name: place.name ? String(row.values[place.name] ?? '') : '',
      email: String(row.values[place.email]),
      role: place.role ? (roleOf(String(row.values[place.role] ?? '')) ?? '') : '',
      where: `${tab}!${row.cells[place.email]}`,
      problem: '',
    }));
  for (const i of issues.filter((x) => x.severity === 'error')) {
    recipients.push({ name: '', email: '', role: '', where: `${i.sheet}!${i.cell}`, problem: `${i.sheet}!${i.cell}: ${i.message}` });
  }
  if (recipients.length === 0) return { recipients, notices: [SHARE_MSG.noRecipients(tab)] };
  return { recipients, notices: [] };
}

/** Sheets values as the core's cells (a date typed in the tab is not an address either way). */
function asCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Reads «Nơi nhận» with one getValues. */
export function loadRecipients(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, kind: ReportKind = activeKind()): RecipientsRead {
  const tab = recipientsPlace(kind)?.tab ?? FALLBACK_RECIPIENTS_TAB;
  const sheet = findSheet(ss, tab);
  if (!sheet) return { recipients: [], notices: [SHARE_MSG.noRecipientsTab(tab)] };
  return readRecipients(sheet.getName(), sheet.getDataRange().getValues(), kind);
}

// ------------------------------------------------------------------------------------ the log tab

const DOC_URL = /https:\/\/docs\.google\.com\/document\/d\/([A-Za-z0-9_-]{10,})/;

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Pure: the reports the log mentions, newest first, one per file: the rows «Tạo báo cáo» wrote with a link
 * (a failed run logs no link). The log is the product's own tab, in LOG_HEADER's columns.
 */
export function recentReportsFromLog(rows: readonly (readonly unknown[])[], formatWhen: (d: Date) => string, limit = RECENT_REPORTS): ShareReportOption[] {
  const byId = new Map<string, ShareReportOption & { order: number; ms: number }>();
  rows.forEach((row, r) => {
    if (r === 0 || cellText(row[LOG_COLUMN.action]) !== GENERATE_MSG.logAction) return;
    const url = cellText(row[LOG_COLUMN.url]);
    const match = DOC_URL.exec(url);
    if (!match) return;
    const whenRaw = row[LOG_COLUMN.when];
    const when = isDate(whenRaw) ? formatWhen(whenRaw) : cellText(whenRaw);
    const name = cellText(row[LOG_COLUMN.name]) || `Báo cáo ${when}`.trim();
    byId.set(match[1], { id: match[1], name, url, when, order: r, ms: isDate(whenRaw) ? whenRaw.getTime() : 0 });
  });
  return [...byId.values()]
    .sort((a, b) => b.ms - a.ms || b.order - a.order)
    .slice(0, limit)
    .map(({ id, name, url, when }) => ({ id, name, url, when }));
}

function whenFormatter(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): (d: Date) => string {
  const zone = ss.getSpreadsheetTimeZone();
  return (d) => Utilities.formatDate(d, zone, 'dd/MM/yyyy HH:mm');
}

/** Reads «Nhật ký» with one getValues. */
export function loadRecentReports(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ShareReportOption[] {
  const sheet = findSheet(ss, TABS.log);
  if (!sheet) return [];
  return recentReportsFromLog(sheet.getDataRange().getValues(), whenFormatter(ss));
}

/** One row per person appended to «Nhật ký», all in one write. */
export function appendShareLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: ShareReportOption, results: readonly SharePersonResult[]): void {
  const when = new Date();
  const outcome: Record<SharePersonResult['outcome'], string> = { shared: 'Đã chia sẻ', already: 'Đã có quyền', failed: 'Lỗi' };
  appendLog(
    ss,
    ...results.map((r) => ({
      when,
      action: SHARE_MSG.logAction,
      name: report.name,
      url: report.url,
      person: r.name ? `${r.name} <${r.email}>` : r.email,
      result: outcome[r.outcome],
      detail: r.detail,
    })),
  );
}

// ------------------------------------------------------------------------------------ the dialog

/** Data for Share.html: recent reports from the log, recipients with an e-mail from «Nơi nhận». */
export function shareDialogData(): ShareDialogData {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const reports = loadRecentReports(ss);
  const read = loadRecipients(ss);
  const notices = [...(reports.length === 0 ? [SHARE_MSG.noReports] : []), ...read.notices];
  const recipients: ShareRecipientView[] = read.recipients.map((r) => ({ name: r.name, email: r.email, role: r.role, where: r.where, valid: !r.problem, problem: r.problem }));
  return plainData({ reports, recipients, defaultRole: DEFAULT_ROLE, notices });
}

// ---------------------------------------------------------------------------------------- sharing

/** The reason of a Google error without the "API call to … failed with error:" prefix. */
export function reasonOf(e: unknown): string {
  const msg = (e as Error)?.message ?? String(e);
  return msg.replace(/^.*failed with error:\s*/, '').trim() || msg;
}

/** Every permission of the file, by lower-cased e-mail: the best role each person holds. */
function currentRoles(fileId: string): Map<string, string> {
  const roles = new Map<string, string>();
  let pageToken: string | undefined;
  do {
    const opts: Record<string, unknown> = { fields: 'nextPageToken,permissions(id,type,role,emailAddress)', pageSize: 100, supportsAllDrives: true };
    if (pageToken) opts.pageToken = pageToken;
    const page = withBackoff(() => (Drive as GoogleAppsScript.Drive).Permissions.list(fileId, opts));
    for (const p of page.permissions ?? []) {
      const email = p.emailAddress?.toLowerCase();
      if (!email || !p.role) continue;
      const held = roles.get(email);
      if (!held || (ROLE_RANK[p.role] ?? 0) > (ROLE_RANK[held] ?? 0)) roles.set(email, p.role);
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return roles;
}

const DRIVE_ROLE_LABEL: Record<string, string> = { reader: 'Xem', commenter: 'Nhận xét', writer: 'Chỉnh sửa', fileOrganizer: 'Sắp xếp', organizer: 'Quản lý', owner: 'Chủ sở hữu' };

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
    if (isNotReachable(e)) return refuse(SHARE_MSG.otherAccount, report.name);
    return refuse(SHARE_MSG.cannotReadPermissions(reasonOf(e)), report.name);
  }

  const message = String(request.message ?? '').trim();
  const results: SharePersonResult[] = [];
  for (const person of read.recipients) {
    const role = person.role || defaultRole;
    const driveRole = DRIVE_ROLE[role];
    const held = roles.get(person.email);
    const base = { name: person.name, email: person.email, role };
    if (held && (ROLE_RANK[held] ?? 0) >= ROLE_RANK[driveRole]) {
      results.push({ ...base, outcome: 'already', detail: SHARE_MSG.already(DRIVE_ROLE_LABEL[held] ?? held) });
      continue;
    }
    try {
      const options: Record<string, unknown> = { sendNotificationEmail: true, supportsAllDrives: true };
      if (message) options.emailMessage = message;
      withBackoff(() => (Drive as GoogleAppsScript.Drive).Permissions.create({ role: driveRole, type: 'user', emailAddress: person.email }, report.id, options));
      roles.set(person.email, driveRole);
      results.push({ ...base, outcome: 'shared', detail: SHARE_MSG.shared(role) });
    } catch (e) {
      results.push({ ...base, outcome: 'failed', detail: SHARE_MSG.failed(reasonOf(e)) });
    }
  }
  let logProblem = '';
  try {
    appendShareLog(ss, report, results);
  } catch (e) {
    logProblem = SHARE_MSG.logFailed(reasonOf(e)); // the shares stand; say the log could not record them
  }
  const count = (k: SharePersonResult['outcome']) => results.filter((r) => r.outcome === k).length;
  const summary = SHARE_MSG.summary(count('shared'), count('already'), count('failed'));
  return { ok: true, message: logProblem ? `${summary}\n${logProblem}` : summary, reportName: report.name, results };
}
