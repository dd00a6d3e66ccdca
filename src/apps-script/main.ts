/**
 * Apps Script entry. Every export of this module becomes a top-level function of dist/Code.js
 * (scripts/build-apps-script.mjs generates one delegating wrapper per export), which is what Apps Script
 * needs for triggers, menu items and google.script.run targets. Export functions only.
 */
import { MENU_ENTRIES, MENU_TITLE } from './menu';

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
