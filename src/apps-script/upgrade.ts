/**
 * «Thiết lập bảng tính» on a Sheet already in use: the core's upgrade steps (missing tabs, blocks, rows and
 * columns, by key and label), applied with one call or two per step. The steps are first applied to a copy
 * of the values in memory, which refuses to write over any cell that holds something, before the Sheet is
 * touched.
 */
import type { ReportKind } from '../core/kind/types';
import type { CellValue } from '../core/workbook/grid';
import { applyUpgrade, planUpgrade } from '../core/workbook/upgrade';
import { cellFormat, writeLayout } from './setup';
import { findSheet, readReportGrids, rectangle, toSheetValue } from './sheet-io';

/** Adds what the kind has and the Sheet lacks; returns what was added, in the clerk's words. */
export function upgradeTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, kind: ReportKind): string[] {
  const grids = readReportGrids(ss, kind);
  const plan = planUpgrade(kind, grids);
  applyUpgrade(grids, plan);
  for (const step of plan.steps) {
    if (step.kind === 'addTab') {
      writeLayout(ss.insertSheet(step.sheet), step.layout);
      continue;
    }
    const sheet = findSheet(ss, step.sheet) as GoogleAppsScript.Spreadsheet.Sheet;
    if (step.kind === 'insertRows') {
      sheet.insertRowsBefore(step.at + 1, step.rows.length);
      write(sheet, step.at, 0, step.rows);
    } else write(sheet, step.row, step.col, step.values);
  }
  return plan.added;
}

function write(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, col: number, values: CellValue[][]): void {
  const width = Math.max(1, ...values.map((r) => r.length));
  const rows = rectangle(values, null, width);
  const range = sheet.getRange(row + 1, col + 1, rows.length, width);
  // As in setup: formats first, so a text cell keeps "007" and a date is a day in the Sheet's zone.
  range.setNumberFormats(rows.map((r) => r.map(cellFormat)));
  const zone = sheet.getParent().getSpreadsheetTimeZone();
  range.setValues(rows.map((r) => r.map((v) => toSheetValue(v, zone))));
}
