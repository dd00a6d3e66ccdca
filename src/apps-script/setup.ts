/**
 * "Thiết lập bảng tính": adds the report's missing tabs from the same layout `bao-cao init` writes,
 * with headers, labels, help notes, date formats, choice lists, small grey protected key columns and
 * frozen header rows.
 * A tab that exists is never touched, so no figure the clerk entered is ever overwritten.
 */
import type { ReportKind } from '../core/kind/types';
import { isCalendarDate, type CellValue } from '../core/workbook/grid';
import { choiceSpans, layoutWorkbook, type SampleData, type SheetLayout } from '../core/workbook/layout';
import { findSheet, rectangle, TEXT_FORMAT, toSheetValue } from './sheet-io';

const HEADER_BACKGROUND = '#dde8f3';
const LABEL_BACKGROUND = '#f2f2f2';
/** Keys are for the program, not the clerk: small and grey, so the eye goes to the label beside them. */
const KEY_COLOR = '#808080';
const KEY_SIZE = 9;
const TEXT_SIZE = 10;
const EXAMPLE_COLOR = '#808080';

export interface SetupResult {
  created: string[];
  kept: string[];
}

export function setUpTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, kind: ReportKind, sample?: SampleData): SetupResult {
  const result: SetupResult = { created: [], kept: [] };
  // A blank tab shows one marked example row per list (the sample's first row); the sample needs none.
  for (const layout of layoutWorkbook(kind, sample, sample ? {} : { examples: kind.sample })) {
    if (findSheet(ss, layout.name)) {
      result.kept.push(layout.name);
      continue;
    }
    writeLayout(ss.insertSheet(layout.name), layout);
    result.created.push(layout.name);
  }
  return result;
}

/** Text as plain text, dates as days, the rest (figures, blanks the clerk fills) as Google's default. */
/** The number format a cell gets before its value: text stays as typed, a date is a day. */
export function cellFormat(v: CellValue | null): string {
  if (typeof v === 'string') return TEXT_FORMAT;
  return isCalendarDate(v) ? 'dd/mm/yyyy' : 'General';
}

/** Writes one new tab: a handful of calls for the whole tab, none per cell. */
export function writeLayout(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: SheetLayout): void {
  const width = Math.max(...layout.blocks.map((b) => b.columns), ...layout.rows.map((r) => r.length), 1);
  const rows = rectangle(layout.rows, null, width);
  const whole = sheet.getRange(1, 1, rows.length, width);
  // Formats first: a text cell is plain text ('@') before its value arrives, so "007" or "1/2" stays as written
  // (docs/google-behaviours.md, switch c); dates are days in the Sheet's zone (switch d).
  const formats = rows.map((r) => Array.from({ length: width }, (_, c) => cellFormat(r[c] ?? null)));
  whole.setNumberFormats(formats);
  const zone = sheet.getParent().getSpreadsheetTimeZone();
  whole.setValues(rows.map((r) => r.map((v) => toSheetValue(v, zone))));

  const weights: GoogleAppsScript.Spreadsheet.FontWeight[][] = rows.map(() => Array.from({ length: width }, (): GoogleAppsScript.Spreadsheet.FontWeight => 'normal'));
  const backgrounds = rows.map(() => Array.from({ length: width }, () => '#ffffff'));
  const notes = rows.map(() => Array.from({ length: width }, () => ''));
  const colors = rows.map(() => Array.from({ length: width }, () => '#000000'));
  const sizes = rows.map(() => Array.from({ length: width }, () => TEXT_SIZE));
  for (const block of layout.blocks) {
    weights[block.titleRow][0] = 'bold';
    for (let c = 0; c < block.columns; c++) {
      weights[block.headerRow][c] = 'bold';
      backgrounds[block.headerRow][c] = HEADER_BACKGROUND;
      for (let i = 0; i < block.dataRows; i++) if (!block.inputColumns.includes(c)) backgrounds[block.firstDataRow + i][c] = LABEL_BACKGROUND;
    }
    if (block.keyColumn !== undefined) {
      for (let i = 0; i < block.dataRows; i++) {
        colors[block.firstDataRow + i][block.keyColumn] = KEY_COLOR;
        sizes[block.firstDataRow + i][block.keyColumn] = KEY_SIZE;
      }
    }
    for (const note of block.notes) notes[block.firstDataRow + note.row][note.column] = note.text;
    // The example row and its mark, grey: something to copy, not a figure.
    if (block.exampleRow) for (let c = 0; c <= block.columns; c++) colors[block.firstDataRow][c] = EXAMPLE_COLOR;
  }
  whole.setFontWeights(weights);
  whole.setBackgrounds(backgrounds);
  whole.setFontColors(colors);
  whole.setFontSizes(sizes);
  whole.setNotes(notes);

  for (const block of layout.blocks) {
    // One call per column that has choice lists, over all the block's input rows (blank rules between them).
    for (const column of new Set(block.choices.map((c) => c.column))) {
      const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = Array.from({ length: block.inputRows }, () => [null]);
      for (const choice of block.choices.filter((c) => c.column === column)) {
        // A unit list only warns: the reader also takes other spellings of the same units.
        const rule = SpreadsheetApp.newDataValidation().requireValueInList(choice.values, true).setAllowInvalid(!choice.strict).setHelpText(choice.help).build();
        for (const [from, count] of choiceSpans(choice, block.inputRows)) for (let i = from; i < from + count; i++) rules[i][0] = rule;
      }
      sheet.getRange(block.firstDataRow + 1, column + 1, block.inputRows, 1).setDataValidations(rules);
    }
    if (block.keyColumn !== undefined) {
      // Keys and labels: the reader finds rows by the key; a warning, not a lock, so nobody is ever stuck.
      sheet
        .getRange(block.firstDataRow + 1, block.keyColumn + 1, block.dataRows, 2)
        .protect()
        .setDescription(`Mã và nhãn của bảng «${block.title}»: sản phẩm tìm số liệu theo các ô này.`)
        .setWarningOnly(true);
    }
  }
  // Google repeats frozen rows on every printed page (a tick in its print dialog); it has no print set-up a script can write.
  sheet.setFrozenRows(layout.repeatRows);
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(2, 360);
}
