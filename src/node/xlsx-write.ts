import ExcelJS from 'exceljs';
import { columnLetters, isCalendarDate, type CellValue } from '../core/workbook/grid';
import { choiceSpans, type SheetLayout } from '../core/workbook/layout';
import { writeFileAtomic } from './atomic-write';
import { KIND_SETTING_HELP, KIND_SETTING_LABEL, SAO_SETTING, SETTINGS_HEADER, SETTINGS_TAB } from '../core/workbook/local-units';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE8F3' } };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Keys are for the program, not the clerk: small and grey, so the eye goes to the label beside them. */
const KEY_FONT: Partial<ExcelJS.Font> = { size: 9, color: { argb: 'FF808080' } };
const EXAMPLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF808080' } };
const WIDTHS = [28, 48, 22, 22, 26, 40, 14, 12];
/** Columns whose empty cells stay editable under the sheet's protection (notes beside the tables, too). */
const OPEN_COLUMNS = 26;
/** A4, fit to one page wide and as many pages down as needed. */
const PRINT: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
const LOCKED: Partial<ExcelJS.Protection> = { locked: true };

/**
 * What the clerk may still do on a protected tab: type in every unlocked cell, add and remove rows (lists
 * grow), widen columns. No password: «Bỏ bảo vệ trang tính» lifts it when really needed.
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
};

/** Writes the laid-out tabs as an .xlsx (whole or not at all): bold titles, shaded headers and labels, notes, choice lists. */
export async function writeXlsx(layout: SheetLayout[], path: string, kind?: { name: string }): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'bao-cao';
  for (const sheet of layout) addLayoutSheet(workbook, sheet);
  addSettingsSheet(workbook, kind);
  await writeFileAtomic(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/**
 * One laid-out tab as a new worksheet (also used by `bao-cao upgrade` for a tab the workbook lacks): every
 * cell unlocked but the description, titles, headers, keys and labels, which the sheet's protection keeps.
 */
export function addLayoutSheet(workbook: ExcelJS.Workbook, sheet: SheetLayout): void {
  const ws = workbook.addWorksheet(sheet.name);
  ws.columns = Array.from({ length: OPEN_COLUMNS }, (_, i) => ({ width: WIDTHS[i] ?? 12, style: { protection: { locked: false } } }));
  sheet.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = excelValue(v);
      if (isCalendarDate(v)) cell.numFmt = 'dd/mm/yyyy';
    });
  });
  const description = ws.getCell(1, 1);
  description.font = { italic: true };
  description.protection = LOCKED;
  for (const block of sheet.blocks) {
    const title = ws.getCell(block.titleRow + 1, 1);
    title.font = { bold: true, size: 12 };
    title.protection = LOCKED;
    const header = ws.getRow(block.headerRow + 1);
    for (let c = 1; c <= block.columns; c++) {
      header.getCell(c).font = { bold: true };
      header.getCell(c).fill = HEADER_FILL;
      header.getCell(c).protection = LOCKED;
    }
    for (let i = 0; i < block.dataRows; i++) {
      const row = ws.getRow(block.firstDataRow + 1 + i);
      for (let c = 0; c < block.columns; c++) {
        if (block.inputColumns.includes(c)) continue;
        row.getCell(c + 1).fill = LABEL_FILL;
        row.getCell(c + 1).protection = LOCKED;
      }
      if (block.keyColumn !== undefined) row.getCell(block.keyColumn + 1).font = KEY_FONT;
    }
    for (const choice of block.choices) {
      for (const [from, count] of choiceSpans(choice, block.inputRows)) {
        const top = block.firstDataRow + 1 + from;
        const column = columnLetters(choice.column);
        validations(ws).add(`${column}${top}:${column}${top + count - 1}`, {
          type: 'list',
          allowBlank: true,
          formulae: [`"${choice.values.join(',')}"`],
          showInputMessage: true,
          prompt: choice.help,
          showErrorMessage: true,
          // A unit list warns only: the reader also takes other spellings of the same units.
          errorStyle: choice.strict ? 'stop' : 'warning',
          error: `Chọn một trong: ${choice.values.join(', ')}`,
        });
      }
    }
    for (const note of block.notes) ws.getCell(block.firstDataRow + 1 + note.row, note.column + 1).note = note.text;
    // The example row and its mark, grey and italic: something to copy, not a figure.
    if (block.exampleRow) for (let c = 1; c <= block.columns + 1; c++) ws.getCell(block.firstDataRow + 1, c).font = EXAMPLE_FONT;
  }
  void ws.protect('', PROTECTION); // no password: the promise settles at once
  const wide = Math.max(0, ...sheet.blocks.map((b) => b.columns)) > 5;
  ws.pageSetup = {
    ...ws.pageSetup,
    ...PRINT,
    orientation: wide ? 'landscape' : 'portrait',
    ...(sheet.repeatRows ? { printTitlesRow: `1:${sheet.repeatRows}` } : {}),
  };
}

/**
 * The rows of the offline «Cài đặt» tab below its header (label, value, help): the size of a sào, which the
 * reader takes to turn figures typed in sào into ha, and the workbook's kind when known, which the commands
 * use when no --kind is given.
 */
export function settingsRows(kind?: { name: string }): [string, string | number, string][] {
  return [[SAO_SETTING.label, SAO_SETTING.defaultM2, SAO_SETTING.help], ...(kind ? [[KIND_SETTING_LABEL, kind.name, KIND_SETTING_HELP] as [string, string, string]] : [])];
}

/** The «Cài đặt» tab, as in Google: label in A, value in B, help in C (also a note on the value). */
export function addSettingsSheet(workbook: ExcelJS.Workbook, kind?: { name: string }): void {
  const ws = workbook.addWorksheet(SETTINGS_TAB);
  ws.columns = [{ width: 28 }, { width: 14 }, { width: 90 }];
  ws.addRow([...SETTINGS_HEADER]);
  for (const row of settingsRows(kind)) ws.getCell(ws.addRow(row).number, 2).note = row[2];
  ws.getRow(1).font = { bold: true };
  for (let c = 1; c <= 3; c++) ws.getCell(1, c).fill = HEADER_FILL;
  ws.pageSetup = { ...ws.pageSetup, ...PRINT, orientation: 'landscape' };
}

/** exceljs keeps a sheet's validations by address, ranges too ("B5:B1000"); its typings omit the collection. */
function validations(ws: ExcelJS.Worksheet): { add(address: string, rule: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
}

export function excelValue(v: Exclude<CellValue, null>): ExcelJS.CellValue {
  if (isCalendarDate(v)) return new Date(Date.UTC(v.year, v.month - 1, v.day));
  if (typeof v === 'object') return `${v.error}`;
  return v;
}
