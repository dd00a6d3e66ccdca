/**
 * Reading and writing the clerk's tabs with as few Sheets calls as possible: one getValues per tab read,
 * one setValues per tab written (Google: 100×100 cells one by one ~70 s, in one call ~1 s).
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../core/workbook/grid';
import { normaliseLabel } from '../core/workbook/grid';
import type { ReportDefinition } from '../core/report/schema';

const ERROR_VALUE = /^#(DIV\/0!|N\/A|REF!|VALUE!|NAME\?|NUM!|NULL!|ERROR!)$/;

/** Finds a tab the way a clerk names it: case, spacing and Unicode composition ignored. */
export function findSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  const wanted = normaliseLabel(name);
  return ss.getSheets().find((s) => normaliseLabel(s.getName()) === wanted) ?? null;
}

/** Reads the report's tabs: one data call per tab that exists; tabs the report does not use are not read. */
export function readReportGrids(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: ReportDefinition): WorkbookGrid {
  const zone = ss.getSpreadsheetTimeZone();
  const sheets = ss.getSheets();
  const grids: SheetGrid[] = [];
  for (const tab of def.tabs) {
    const sheet = sheets.find((s) => normaliseLabel(s.getName()) === normaliseLabel(tab.name));
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    grids.push({ name: sheet.getName(), rows: values.map((row) => row.map((v) => cellValue(v, zone))) });
  }
  return grids;
}

function cellValue(v: unknown, zone: string): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    // The Sheet's own zone, not the script's: a date typed in Hanoi stays that day.
    const [year, month, day] = Utilities.formatDate(v as Date, zone, 'yyyy-M-d').split('-').map(Number);
    return { year, month, day };
  }
  const text = String(v);
  return ERROR_VALUE.test(text) ? { error: text } : text;
}

/** A Sheets value read as text: composed Unicode, trimmed, '' for a blank. */
export function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).normalize('NFC').trim();
}

/**
 * Text the product writes into a Sheet is stored as text, never run as a formula: a value starting with
 * '=', '+', '-' or '@' gets the apostrophe a person would type before it.
 */
export function asSheetText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * A cell value for setValues: strings made formula-safe, dates as Date, everything else as is. A date is
 * midnight of its day in `zone`, the Sheet's time zone when given: the script's zone may differ from the
 * Sheet's, and a midnight in the wrong one shows as the day before (docs/google-behaviours.md, switch d).
 */
export function toSheetValue(v: CellValue | undefined, zone?: string): string | number | boolean | Date {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return asSheetText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if ('error' in v) return asSheetText(v.error);
  if (zone) return Utilities.parseDate(`${v.year}-${v.month}-${v.day}`, zone, 'yyyy-M-d');
  return new Date(v.year, v.month - 1, v.day);
}

/** Plain text ('@'): what setValues writes there is stored as given, never read as a number, percent, date or boolean (switch c). */
export const TEXT_FORMAT = '@';

/** Pads ragged rows into the rectangle setValues requires. */
export function rectangle<T>(rows: T[][], fill: T, width?: number): T[][] {
  const w = width ?? Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: w }, (_, i) => (i < r.length ? r[i] : fill)));
}
