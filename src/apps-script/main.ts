/**
 * Apps Script entry. Every export of this module becomes a top-level function of dist/Code.js
 * (scripts/build-apps-script.mjs generates one delegating wrapper per export), which is what Apps Script
 * needs for triggers, menu items and google.script.run targets. Export functions only.
 */
import { REPORT } from '../core/report/definition';
import { runReport } from '../core/report/pipeline';
import { hasErrors } from '../core/issues';
import sample from '../../templates/so-lieu-mau.json';
import type { SampleData } from '../core/workbook/layout';
import { MENU_ENTRIES, MENU_TITLE } from './menu';
import { MSG } from './messages';
import { readReportGrids, findSheet } from './sheet-io';
import { setUpTabs } from './setup';
import { writeIndicatorsTab } from './indicators-tab';

/** Simple trigger: runs in AuthMode.LIMITED when the Sheet opens; only builds the menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = ui.createMenu(MENU_TITLE);
  for (const entry of MENU_ENTRIES) {
    if (entry.kind === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.handler);
  }
  menu.addToUi();
}

/** Runs when the script is installed as an add-on; the menu must appear without reopening the file. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Báo cáo › Thiết lập bảng tính: adds the missing tabs; tabs that exist are left exactly as they are. */
export function setupWorkbook(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const missing = REPORT.tabs.filter((t) => !findSheet(ss, t.name));
  let withSample = false;
  if (missing.length) withSample = ui.alert(MSG.askSample, ui.ButtonSet.YES_NO) === ui.Button.YES;
  const result = setUpTabs(ss, withSample ? (sample as unknown as SampleData) : undefined);
  ui.alert(MSG.setupDone(result.created, result.kept));
}

/** Báo cáo › Tính các chỉ tiêu: computes what the valid figures allow and writes the indicators tab. */
export function computeIndicators(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(MSG.computing, MSG.toastTitle);
  const run = runReport(readReportGrids(ss, REPORT));
  const sheet = writeIndicatorsTab(ss, run.indicators);
  const errors = run.issues.filter((i) => i.severity === 'error').length;
  SpreadsheetApp.getUi().alert(MSG.indicatorsTitle, MSG.indicatorsDone(run.indicators.length, sheet.getName(), hasErrors(run.issues) ? errors : 0), SpreadsheetApp.getUi().ButtonSet.OK);
}

/** google.script.run target of the issues sidebar: selects the cell an issue names. */
export function selectCell(sheetName: string, a1: string): void {
  const sheet = findSheet(SpreadsheetApp.getActiveSpreadsheet(), sheetName);
  if (sheet) sheet.getRange(a1).activate();
}
