/**
 * The reports «Tạo báo cáo» logged in «Nhật ký» (the ones sharing and «Xem góp ý» offer), and the rows
 * sharing adds to it. The log is the product's own tab, in settings.ts LOG_COLUMN's columns.
 */
import { GENERATE_MSG, SHARE_MSG, TABS } from './messages';
import { appendLog, LOG_COLUMN } from './settings';
import { cellText, findSheet } from './sheet-io';
import type { SharePersonResult, ShareReportOption } from './ui-data';

export const RECENT_REPORTS = 10;

const DOC_URL = /https:\/\/docs\.google\.com\/document\/d\/([A-Za-z0-9_-]{10,})/;
/** The PDF's link «Tạo báo cáo» writes in the detail column (GENERATE_MSG.logPdf). */
const PDF_URL = /https:\/\/drive\.google\.com\/file\/d\/([A-Za-z0-9_-]{10,})\S*/;

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
    const pdf = PDF_URL.exec(cellText(row[LOG_COLUMN.detail]));
    const pdfFields = pdf ? { pdfId: pdf[1], pdfUrl: pdf[0] } : {};
    byId.set(match[1], { id: match[1], name, url, when, ...pdfFields, order: r, ms: isDate(whenRaw) ? whenRaw.getTime() : 0 });
  });
  return [...byId.values()]
    .sort((a, b) => b.ms - a.ms || b.order - a.order)
    .slice(0, limit)
    .map(({ order: _order, ms: _ms, ...option }) => option);
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
      name: r.file === 'pdf' ? SHARE_MSG.pdfName(report.name) : report.name,
      url: r.file === 'pdf' ? (report.pdfUrl ?? '') : report.url,
      person: r.name ? `${r.name} <${r.email}>` : r.email,
      result: outcome[r.outcome],
      detail: r.detail,
    })),
  );
}
