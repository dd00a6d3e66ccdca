/**
 * The product's own tabs: «Cài đặt» (label in A, value in B, help in C; read with one getValues, written
 * with one setValues) and the «Nhật ký» log (one setValues per append, however many rows). Text written is
 * made formula-safe with asSheetText.
 */
import { normaliseLabel, type CellValue, type SheetGrid } from '../core/workbook/grid';
import { SAO_SETTING } from '../core/workbook/local-units';
import type { MergeData } from '../core/template/data';
import { SETTINGS_MSG as S, TABS } from './messages';
import { asSheetText, cellText, findSheet, rectangle, TEXT_FORMAT } from './sheet-io';

export interface Settings {
  templateId: string;
  templateUrl: string;
  folderId: string;
  fileName: string;
  /** The kind of report, by name or id; blank for a Sheet made before kinds (the default kind). */
  kind: string;
  /** «Có» (the default) or «Không»: whether «Tạo báo cáo» also saves a PDF beside the report. */
  savePdf: string;
  /** Square metres in one sào; the core reads it from `grid` (blank there means not set). */
  saoM2: string;
}

/** The settings, and the tab as the core reads it (the size of a sào): undefined when there is no tab. */
export interface ReadSettings extends Settings {
  grid?: SheetGrid;
}

const ROWS: { key: keyof Settings; label: string; help: string }[] = [
  { key: 'templateId', label: S.templateId, help: S.templateIdHelp },
  { key: 'templateUrl', label: S.templateUrl, help: S.templateUrlHelp },
  { key: 'folderId', label: S.folderId, help: S.folderIdHelp },
  { key: 'fileName', label: S.fileName, help: S.fileNameHelp },
  { key: 'kind', label: S.kind, help: S.kindHelp },
  { key: 'savePdf', label: S.savePdf, help: S.savePdfHelp },
  { key: 'saoM2', label: SAO_SETTING.label, help: SAO_SETTING.help },
];

const DEFAULTS: Settings = { templateId: '', templateUrl: '', folderId: '', fileName: S.defaultFileName, kind: '', savePdf: S.yes, saoM2: String(SAO_SETTING.defaultM2) };

/** The settings, defaults where the tab or a row is missing or blank. One getValues. */
export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ReadSettings {
  const sheet = findSheet(ss, TABS.settings);
  const out: ReadSettings = { ...DEFAULTS };
  if (!sheet) return out;
  const values = sheet.getDataRange().getValues();
  // Settings are text (the tab is formatted '@'); a number or a date typed over that format is passed on as text.
  out.grid = { name: sheet.getName(), rows: values.map((r) => r.map((v): CellValue => (cellText(v) === '' ? null : typeof v === 'number' ? v : cellText(v)))) };
  for (const row of ROWS) {
    const found = values.find((r) => normaliseLabel(cellText(r[0])) === normaliseLabel(row.label));
    const v = found ? cellText(found[1]) : '';
    if (v) out[row.key] = row.key === 'folderId' || row.key === 'templateId' ? driveId(v) : v;
  }
  return out;
}

/** True unless «Lưu thêm bản PDF» says no («Không», "khong", "no", "0"). */
export function wantsPdf(settings: Settings): boolean {
  return !/^(không|khong|no|0|false)$/i.test(settings.savePdf.normalize('NFC').trim());
}

/** A Drive id, also when a whole link was pasted (…/d/<id>/…, …/folders/<id>, ?id=<id>). */
export function driveId(v: string): string {
  const m = /\/d\/([\w-]{10,})|\/folders\/([\w-]{10,})|[?&]id=([\w-]{10,})/.exec(v);
  return m ? (m[1] ?? m[2] ?? m[3]) : v.trim();
}

/**
 * Writes some settings: rows the tab has are updated in place, missing ones are added; other rows
 * (the clerk's notes) stay. One getValues and one setValues (plus insertSheet when the tab is new).
 */
export function writeSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, patch: Partial<Settings>): void {
  let sheet = findSheet(ss, TABS.settings);
  let rows: unknown[][];
  if (sheet) rows = sheet.getDataRange().getValues().map((r) => [...r]);
  else {
    sheet = ss.insertSheet(TABS.settings);
    rows = [[...S.header]];
  }
  if (rows.length === 1 && rows[0].every((v) => cellText(v) === '')) rows = [[...S.header]];
  for (const def of ROWS) {
    let row = rows.find((r) => normaliseLabel(cellText(r[0])) === normaliseLabel(def.label));
    if (!row) {
      row = [def.label, DEFAULTS[def.key], def.help];
      rows.push(row);
    }
    const value = patch[def.key];
    if (value !== undefined) row[1] = value;
  }
  const grid = rectangle(rows.map((r) => r.map(sheetValue)), '', Math.max(3, ...rows.map((r) => r.length)));
  const range = sheet.getRange(1, 1, grid.length, grid[0].length);
  range.setNumberFormat(TEXT_FORMAT); // every setting is text: an id like "1E5…" must not turn into a number (switch c)
  range.setValues(grid);
}

function sheetValue(v: unknown): unknown {
  return typeof v === 'string' ? asSheetText(v) : (v ?? '');
}

/**
 * The report's file name from the pattern: {name} is a top-level text of the merge data, {thoi_gian}
 * the generation time (already formatted in the Sheet's zone). Unknown names stay as written.
 */
export function reportFileName(pattern: string, data: MergeData, time: string): string {
  const name = pattern.replace(/\{([\p{L}\p{N}_]+)\}/gu, (whole, key: string) => {
    if (key === 'thoi_gian') return time;
    const v = data[key];
    return typeof v === 'string' ? v : whole;
  });
  // Drive accepts almost anything, but slashes and line breaks confuse people who download the file,
  // and a non-breaking hyphen (a range set for print) would defeat a search for "2020-2023".
  return name.replace(/\u2011/g, '-').replace(/[\r\n/\\]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export const LOG_HEADER = ['Thời gian', 'Việc', 'Báo cáo', 'Liên kết', 'Người nhận', 'Kết quả', 'Chi tiết'];
/** Where appendLog puts each field; readers of the log use the same positions. */
export const LOG_COLUMN = { when: 0, action: 1, name: 2, url: 3, person: 4, result: 5, detail: 6 } as const;

export interface LogEntry {
  when: Date;
  action: string;
  name: string;
  /** A link only for a document that exists: share-log.ts offers every linked row as a report. */
  url: string;
  /** Who it concerns (sharing), '' otherwise. */
  person?: string;
  result: string;
  detail: string;
}

/**
 * Appends rows to «Nhật ký» (made on first use) in one write; text is stored as text, never a formula.
 * Returns the row number (1-based) of the first entry written, 0 when there is none.
 */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ...entries: LogEntry[]): number {
  if (entries.length === 0) return 0;
  let sheet = findSheet(ss, TABS.log);
  if (!sheet) {
    sheet = ss.insertSheet(TABS.log);
    sheet.getRange(1, 1, 1, LOG_HEADER.length).setValues([LOG_HEADER]);
  }
  const first = sheet.getLastRow() + 1;
  // Every column but the time is text: set before writing, so nothing in a name or a reason is read as a number (switch c).
  sheet.getRange(first, LOG_COLUMN.action + 1, entries.length, LOG_HEADER.length - 1).setNumberFormat(TEXT_FORMAT);
  sheet.getRange(first, 1, entries.length, LOG_HEADER.length).setValues(entries.map(logRow));
  return first;
}

/** Rewrites one row of «Nhật ký» in one write (a run's row, once its outcome is known); the row is already plain text. */
export function rewriteLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, row: number, entry: LogEntry): void {
  const sheet = findSheet(ss, TABS.log);
  if (!sheet) throw new Error(`Log tab ${TABS.log} is missing`);
  sheet.getRange(row, 1, 1, LOG_HEADER.length).setValues([logRow(entry)]);
}

function logRow(e: LogEntry): unknown[] {
  return [e.when, e.action, asSheetText(e.name), asSheetText(e.url), asSheetText(e.person ?? ''), e.result, asSheetText(e.detail)];
}
