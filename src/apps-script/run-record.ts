/**
 * The «Nhật ký» row of a generation while it runs. It is written when the run starts («Đang tạo») and
 * rewritten with the outcome at the end, so a run Apps Script stops mid-way (the 6-minute limit, or
 * Google failing under it) stays visible in the log. Which row that is and which copy the run made sit
 * in the document properties until the run ends on its own terms; the next generation, under the same
 * document lock, finds them, trashes the leftover copy (and its PDF, if one was stored) and marks the row.
 *
 * Sheets calls: one append to start, one rewrite to finish (the copy's id goes to the properties, not
 * to the Sheet). Recovering a stopped run reads and rewrites that one row.
 */
import { trashFile } from './drive';
import { GENERATE_MSG, TABS } from './messages';
import { appendLog, LOG_COLUMN, LOG_HEADER, rewriteLog, type LogEntry } from './settings';
import { cellText, findSheet } from './sheet-io';

const KEY = 'baoCao.generationInProgress';

interface Pending {
  row: number;
  name: string;
  copyId: string;
  /** The PDF stored beside the copy, once there is one (absent in records older than the PDF). */
  pdfId?: string;
}

export interface RunRecord {
  readonly row: number;
  readonly entry: LogEntry;
  copyId: string;
  pdfId?: string;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function remember(record: RunRecord): void {
  const pending: Pending = { row: record.row, name: record.entry.name, copyId: record.copyId, ...(record.pdfId ? { pdfId: record.pdfId } : {}) };
  properties().setProperty(KEY, JSON.stringify(pending));
}

/** Writes the «Đang tạo» row and remembers it. */
export function startRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entry: Omit<LogEntry, 'result' | 'detail' | 'url'>): RunRecord {
  const full: LogEntry = { ...entry, url: '', result: GENERATE_MSG.logInProgress, detail: '' };
  const record: RunRecord = { row: appendLog(ss, full), entry: full, copyId: '' };
  remember(record);
  return record;
}

/** Remembers the copy the run made, so a stopped run's copy can be trashed by the next one. */
export function noteCopy(record: RunRecord, copyId: string): void {
  record.copyId = copyId;
  remember(record);
}

/** Remembers the PDF stored beside the copy: a run stopped before its end leaves neither behind. */
export function notePdf(record: RunRecord, pdfId: string): void {
  record.pdfId = pdfId;
  remember(record);
}

/**
 * The run ends on its own terms: it is forgotten FIRST (a finished report must never be taken for a
 * leftover, even if the log write below fails), then its row gets the outcome.
 */
export function finishRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, record: RunRecord, outcome: Pick<LogEntry, 'url' | 'result' | 'detail'>): void {
  properties().deleteProperty(KEY);
  rewriteLog(ss, record.row, { ...record.entry, ...outcome });
}

/**
 * A run that never finished (Google stopped it): its copy goes to the trash and its row says so (a
 * new row when the clerk has moved or deleted it). Returns the stopped run's report name, or null.
 */
export function recoverStoppedRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: () => Date): string | null {
  const raw = properties().getProperty(KEY);
  if (!raw) return null;
  let pending: Pending;
  try {
    pending = JSON.parse(raw) as Pending;
  } catch {
    properties().deleteProperty(KEY);
    return null;
  }
  const trashed: string[] = [];
  const left: string[] = [];
  for (const id of [pending.copyId, pending.pdfId]) {
    if (!id) continue;
    try {
      trashFile(id);
      trashed.push(id);
    } catch {
      left.push(id);
    }
  }
  const entry: LogEntry = { when: now(), action: GENERATE_MSG.logAction, name: pending.name, url: '', result: GENERATE_MSG.logStopped, detail: GENERATE_MSG.logStoppedDetail(trashed, left) };
  const row = stillInProgress(ss, pending);
  if (row) rewriteLog(ss, pending.row, { ...entry, when: row[LOG_COLUMN.when] as Date });
  else appendLog(ss, entry);
  properties().deleteProperty(KEY);
  return pending.name;
}

/** The run's row as written at its start, if it still stands where it was. */
function stillInProgress(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, pending: Pending): unknown[] | null {
  const sheet = findSheet(ss, TABS.log);
  if (!sheet || pending.row < 2 || pending.row > sheet.getLastRow()) return null;
  const row = sheet.getRange(pending.row, 1, 1, LOG_HEADER.length).getValues()[0];
  const same = cellText(row[LOG_COLUMN.name]) === pending.name && cellText(row[LOG_COLUMN.result]) === GENERATE_MSG.logInProgress;
  return same ? row : null;
}
