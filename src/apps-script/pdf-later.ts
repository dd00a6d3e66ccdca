/**
 * «Lưu bản PDF» in the report's dialog: the PDF «Tạo báo cáo» could not render because, in its own run,
 * DocumentApp did not yet show the values the Docs API had written (docs/google-behaviours.md, switch k).
 * This is a new execution (google.script.run), so it opens the Doc afresh; the same check as in the run
 * guards it (the tag the values replaced must be gone). The report's «Nhật ký» row then gets the PDF's
 * link, where sharing finds it.
 *
 * Calls: one getValues of the log, one Drive.Files.get (the report's folder), the PDF's openById, findText,
 * getAs and Files.create, one row rewritten. Pressing it twice makes one PDF.
 */
import { GENERATE_MSG, MSG, TABS } from './messages';
import { driveService } from './drive';
import { ClerkMessage } from './errors';
import { withDocumentLock } from './lock';
import { PdfNotYetVisible, saveReportPdf } from './report-pdf';
import { withBackoff } from './retry';
import { LOG_COLUMN, rewriteLog } from './settings';
import { cellText, findSheet } from './sheet-io';

const PDF_LINK = /https:\/\/drive\.google\.com\/file\/d\/[A-Za-z0-9_-]{10,}\S*/;

export interface PdfLaterResult {
  ok: boolean;
  message: string;
  pdfUrl: string;
}

export function savePdfLater(reportId: string, replacedTag: string): PdfLaterResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const done = withDocumentLock((): PdfLaterResult => {
    const found = findReportRow(ss, reportId);
    if (!found) return { ok: false, message: GENERATE_MSG.pdfReportNotLogged, pdfUrl: '' };
    const already = PDF_LINK.exec(cellText(found.row[LOG_COLUMN.detail]));
    if (already) return { ok: true, message: GENERATE_MSG.pdfSaved(already[0]), pdfUrl: already[0] };
    const parents = withBackoff(() => driveService().Files.get(reportId, { fields: 'parents' })).parents ?? [];
    let url: string;
    try {
      url = saveReportPdf(reportId, cellText(found.row[LOG_COLUMN.name]), parents[0] ?? '', replacedTag || null).url;
    } catch (e) {
      if (e instanceof PdfNotYetVisible) return { ok: false, message: GENERATE_MSG.pdfStillNotVisible, pdfUrl: '' };
      throw e;
    }
    const row = found.row;
    rewriteLog(ss, found.rowNumber, {
      when: row[LOG_COLUMN.when] as Date,
      action: cellText(row[LOG_COLUMN.action]),
      name: cellText(row[LOG_COLUMN.name]),
      url: cellText(row[LOG_COLUMN.url]),
      person: cellText(row[LOG_COLUMN.person]),
      result: cellText(row[LOG_COLUMN.result]),
      detail: GENERATE_MSG.logPdf(url),
    });
    return { ok: true, message: GENERATE_MSG.pdfSaved(url), pdfUrl: url };
  });
  if (!done) throw new ClerkMessage(MSG.busy);
  return done.value;
}

/** The newest «Tạo báo cáo» row linking this report (one getValues), with its 1-based row number. */
function findReportRow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, reportId: string): { row: unknown[]; rowNumber: number } | null {
  const sheet = findSheet(ss, TABS.log);
  if (!sheet || !reportId) return null;
  const rows = sheet.getDataRange().getValues();
  for (let r = rows.length - 1; r >= 1; r--) {
    const row = rows[r];
    if (cellText(row[LOG_COLUMN.action]) === GENERATE_MSG.logAction && cellText(row[LOG_COLUMN.url]).includes(`/d/${reportId}`)) return { row, rowNumber: r + 1 };
  }
  return null;
}
