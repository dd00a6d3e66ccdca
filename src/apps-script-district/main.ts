/**
 * The district's Apps Script entry (its own build, dist-district/, and its own manifest): a Sheet bound
 * script that holds «Danh sách xã» and rolls its communes up. Every export becomes a top-level function
 * of dist-district/Code.js (menu items and the time-driven trigger find them by name). Export functions only.
 */
import { kindNamed, promptForKind } from '../apps-script/kind';
import { readSettings, writeSettings } from '../apps-script/settings';
import { setUpCommunesTab } from './communes-list';
import { DISTRICT_MENU, DISTRICT_MENU_TITLE, DISTRICT_MSG as M } from './messages';
import { continueRollup as continueRun, startRollup, type RollupOutcome } from './rollup-run';

/** Simple trigger: builds the menu. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createMenu(DISTRICT_MENU_TITLE);
  for (const item of DISTRICT_MENU) menu.addItem(item.caption, item.handler);
  menu.addToUi();
}

/**
 * Tổng hợp huyện › Thiết lập bảng tổng hợp: the kind the communes report by (asked once, written to the
 * «Loại báo cáo» row of «Cài đặt», as on a commune's Sheet), and «Danh sách xã» (an existing one is kept).
 */
export function setupDistrict(): void {
  const ui = SpreadsheetApp.getUi();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss);
  let kind = kindNamed(settings.kind);
  if (!kind) {
    kind = promptForKind(ui);
    if (!kind) return;
    writeSettings(ss, { kind: kind.name });
  }
  ui.alert(M.title, `${M.setupDone(setUpCommunesTab(ss))}\n${M.kindChosen(kind.name)}`, ui.ButtonSet.OK);
}

/** Tổng hợp huyện › Tổng hợp các xã: reads the communes, rolls up, or saves and continues by itself. */
export function rollUpCommunes(): void {
  const ui = SpreadsheetApp.getUi();
  let outcome: RollupOutcome;
  try {
    outcome = startRollup();
  } catch (e) {
    ui.alert(M.title, e instanceof Error ? e.message : String(e), ui.ButtonSet.OK);
    return;
  }
  ui.alert(M.title, outcome.message, ui.ButtonSet.OK);
}

/** The time-driven trigger's function (no Ui): goes on where the last run stopped. */
export function continueRollup(): void {
  continueRun();
}
