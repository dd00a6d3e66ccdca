/**
 * Apps Script entry. Every export of this module becomes a top-level function of dist/Code.js
 * (scripts/build-apps-script.mjs generates one delegating wrapper per export), which is what Apps Script
 * needs for triggers, menu items and google.script.run targets. Export functions only.
 */
import { calendarDay } from '../core/format/date';
import { runReport } from '../core/report/pipeline';
import { activeKind, kindNamed, promptForKind } from './kind';
import { bundledKinds } from '../kinds/bundled';
import { readSettings, writeSettings } from './settings';
import { upgradeTabs } from './upgrade';
import { MENU_ENTRIES, MENU_TITLE } from './menu';
import { requireAllScopes } from './consent';
import { messageOf } from './google-errors';
import { readReportGrids, findSheet } from './sheet-io';
import { setUpTabs } from './setup';
import { writeIndicatorsTab } from './indicators-tab';
import { createDefaultTemplateFlow, generateReportFlow } from './generate';
import { COMMENTS_MSG, GENERATE_MSG, MSG } from './messages';
import { shareDialogData, shareSelectedReport as shareSelected } from './share';
import { selfCheck as runSelfCheckDialog } from './self-check';
import { showCommentsFlow } from './comments';
import { savePdfLater, type PdfLaterResult } from './pdf-later';
import { showIssuesSidebar, showReportLink, showShareDialog, type ShareRequest, type ShareResponse } from './ui-data';

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

/**
 * Báo cáo › Thiết lập bảng tính. A new Sheet: the clerk chooses the kind (written to «Cài đặt») and gets
 * every tab, with the sample if wanted. A Sheet in use: what the kind has and the Sheet lacks (tabs,
 * blocks, rows, columns) is added by key; no entered value is moved or changed; the additions are listed.
 */
export function setupWorkbook(): void {
  requireAllScopes();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const settings = readSettings(ss);
  let kind = activeKind(settings);
  const fresh = bundledKinds().every((k) => k.tabs.every((t) => !findSheet(ss, t.name)));
  if (!kindNamed(settings.kind) && fresh) {
    const chosen = promptForKind(ui);
    if (!chosen) return;
    kind = chosen;
  }
  // Also adds the settings rows an older Sheet lacks (the size of a sào), keeping every value written there.
  writeSettings(ss, kindNamed(settings.kind) ? {} : { kind: kind.name });
  if (kind.tabs.every((t) => !findSheet(ss, t.name))) {
    const withSample = ui.alert(MSG.askSample(kind.name), ui.ButtonSet.YES_NO) === ui.Button.YES;
    const result = setUpTabs(ss, kind, withSample ? kind.sample : undefined);
    ui.alert(MSG.setupDone(result.created, result.kept));
    return;
  }
  ui.alert(MSG.upgradeDone(upgradeTabs(ss, kind)));
}

/** Báo cáo › Tính các chỉ tiêu: computes what the valid figures allow and writes the indicators tab. */
export function computeIndicators(): void {
  requireAllScopes();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(MSG.computing, MSG.toastTitle);
  const settings = readSettings(ss);
  const kind = activeKind(settings);
  const run = runReport(kind, readReportGrids(ss, kind), { today: calendarDay(new Date()), settings: settings.grid });
  const sheet = writeIndicatorsTab(ss, run.indicators);
  const errors = run.issues.filter((i) => i.severity === 'error').length;
  const ui = SpreadsheetApp.getUi();
  ui.alert(MSG.indicatorsTitle, MSG.indicatorsDone(run.indicators.length, sheet.getName(), errors), ui.ButtonSet.OK);
}

/** google.script.run target of the issues sidebar: selects the cell an issue names. */
export function selectCell(sheetName: string, a1: string): void {
  requireAllScopes();
  const sheet = findSheet(SpreadsheetApp.getActiveSpreadsheet(), sheetName);
  if (sheet) sheet.getRange(a1).activate();
}

/** Báo cáo › Kiểm tra số liệu: a sidebar listing every issue, each linking to its cell. */
export function checkFigures(): void {
  requireAllScopes();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(MSG.reading, MSG.toastTitle);
  const settings = readSettings(ss);
  const kind = activeKind(settings);
  showIssuesSidebar(runReport(kind, readReportGrids(ss, kind), { today: calendarDay(new Date()), settings: settings.grid }).issues);
}

/** Báo cáo › Tạo mẫu báo cáo mặc định: the Google Doc template, built from the bundled default. */
export function createDefaultTemplate(): void {
  requireAllScopes();
  const ui = SpreadsheetApp.getUi();
  try {
    const outcome = createDefaultTemplateFlow();
    ui.alert(GENERATE_MSG.templateTitle, outcome.kind === 'done' ? `${outcome.message}\n\n${outcome.url}` : outcome.message, ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(GENERATE_MSG.templateTitle, messageOf(e), ui.ButtonSet.OK);
  }
}

/** Báo cáo › Tạo báo cáo: validate, compute, copy the template, merge, log, show the link. */
export function generateReport(): void {
  requireAllScopes();
  const ui = SpreadsheetApp.getUi();
  try {
    const outcome = generateReportFlow();
    switch (outcome.kind) {
      case 'done':
        showReportLink({ name: outcome.name, url: outcome.url, warnings: outcome.warnings, pdfUrl: outcome.pdfUrl, pdfLater: outcome.pdfLater });
        return;
      case 'issues':
        showIssuesSidebar(outcome.issues);
        ui.alert(GENERATE_MSG.title, outcome.message, ui.ButtonSet.OK);
        return;
      case 'templateProblems':
        ui.alert(GENERATE_MSG.title, [outcome.message, '', ...outcome.problems.map((p) => `${p.location}: ${p.message}`)].join('\n'), ui.ButtonSet.OK);
        return;
      default:
        ui.alert(GENERATE_MSG.title, outcome.message, ui.ButtonSet.OK);
    }
  } catch (e) {
    ui.alert(GENERATE_MSG.title, messageOf(e), ui.ButtonSet.OK);
  }
}

/** google.script.run target of «Lưu bản PDF» in the report's dialog: a new run makes the PDF the first could not. */
export function saveReportPdfLater(reportId: string, replacedTag: string): PdfLaterResult {
  requireAllScopes();
  try {
    return savePdfLater(String(reportId ?? ''), String(replacedTag ?? ''));
  } catch (e) {
    return { ok: false, message: messageOf(e), pdfUrl: '' };
  }
}

/** Báo cáo › Chia sẻ cho nơi nhận: the dialog to pick a report, a role and a message. */
export function shareReport(): void {
  requireAllScopes();
  showShareDialog(shareDialogData());
}

/** google.script.run target of the share dialog. */
export function shareSelectedReport(request: ShareRequest): ShareResponse {
  requireAllScopes();
  return shareSelected(request);
}

/** Báo cáo › Xem góp ý: reviewers' comments on each generated report, in the «Góp ý» tab and a sidebar. */
export function showComments(): void {
  requireAllScopes();
  try {
    showCommentsFlow();
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(COMMENTS_MSG.title, messageOf(e), ui.ButtonSet.OK);
  }
}

/** Báo cáo › Tự kiểm tra kết nối Google: each Google call the product relies on, on scratch files. */
export function selfCheck(): void {
  requireAllScopes();
  runSelfCheckDialog();
}
