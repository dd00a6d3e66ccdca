/**
 * Dialogs and the sidebar: each page is one self-contained src/apps-script/ui/NAME.html (the build copies it
 * to dist/), rendered with HtmlService.createTemplateFromFile(NAME). The server hands the page its data as
 * JSON printed raw (`<?!= data ?>`) inside a <script> block, so the JSON is made safe for that place first:
 * `<`, `>`, `&` and U+2028/U+2029 become \u escapes (a "</script>" in a report name cannot end the block).
 *
 * Everything here and everything google.script.run returns is plain data: strings, numbers, booleans,
 * arrays and plain objects, never a Date (the Apps Script reference: a Date makes the call fail or arrive
 * as null).
 */
import type { Issue } from '../core/issues';
import { UI_MSG } from './messages';

/** The three roles a clerk chooses from, as written in the «Nơi nhận» tab. */
export type RoleLabel = 'Xem' | 'Nhận xét' | 'Chỉnh sửa';
export const ROLE_LABELS: readonly RoleLabel[] = ['Xem', 'Nhận xét', 'Chỉnh sửa'];

export interface IssuesPageData {
  issues: Issue[];
}

export interface ReportLinkData {
  name: string;
  url: string;
  warnings: string[];
  /** The PDF saved beside the report; '' when none was saved. */
  pdfUrl: string;
  /** Set when the run could not render the values yet: the dialog offers «Lưu bản PDF» (pdf-later.ts). */
  pdfLater?: { reportId: string; replacedTag: string } | null;
}

/** A report the log knows, newest first in the list. */
export interface ShareReportOption {
  id: string;
  name: string;
  url: string;
  /** When it was generated, already formatted for reading ("15/01/2025 09:00"); '' if unknown. */
  when: string;
  /** The PDF saved beside it, when the log names one. */
  pdfId?: string;
  pdfUrl?: string;
}

export interface ShareRecipientView {
  name: string;
  email: string;
  /** The role the tab asks for; '' means the dialog's choice applies. */
  role: RoleLabel | '';
  /** "Nơi nhận!B5": where the address is typed. */
  where: string;
  valid: boolean;
  /** Why the address cannot be used (invalid, duplicate, unknown role); '' when valid. */
  problem: string;
}

export interface ShareDialogData {
  reports: ShareReportOption[];
  recipients: ShareRecipientView[];
  defaultRole: RoleLabel;
  /** Whole-dialog problems (no report yet, no recipient with an e-mail, a tab missing). */
  notices: string[];
}

/** What Share.html sends through google.script.run.shareSelectedReport. */
export interface ShareRequest {
  reportId: string;
  role: RoleLabel;
  message: string;
  /** Share the report's PDF too (when it has one); absent means yes. */
  withPdf?: boolean;
}

export type ShareOutcomeKind = 'shared' | 'already' | 'failed';

export interface SharePersonResult {
  name: string;
  email: string;
  role: RoleLabel;
  outcome: ShareOutcomeKind;
  /** Vietnamese: what happened to this person (the reason when it failed). */
  detail: string;
  /** Set on the rows about the report's PDF; absent for the report itself. */
  file?: 'pdf';
}

export interface ShareResponse {
  /** false when nothing was attempted (busy, invalid addresses, unknown report). */
  ok: boolean;
  /** A summary line, or why nothing was shared. */
  message: string;
  reportName: string;
  results: SharePersonResult[];
}

/** 'observed': Google's answer to a behaviour it does not document, either answer being fine (contract/). */
export type StepStatus = 'pass' | 'fail' | 'skip' | 'observed';

export interface SelfCheckStep {
  label: string;
  status: StepStatus;
  detail: string;
}

export interface SelfCheckData {
  steps: SelfCheckStep[];
  /** When the check ran, formatted for reading. */
  when: string;
}

/** JSON that can be printed raw inside an HTML <script> block. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Only plain data may cross google.script.run or be embedded: drops functions and undefined, turns a Date
 * into its ISO text. Applied to everything the pages receive, so a stray Date never breaks a dialog.
 */
export function plainData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

export type PageName = 'Issues' | 'ReportLink' | 'Share' | 'SelfCheck' | 'Comments';

/** The page with its data embedded, ready for showSidebar / showModalDialog. */
export function renderPage(name: PageName, data: unknown, title: string): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile(name);
  template.data = scriptSafeJson(plainData(data));
  return template.evaluate().setTitle(title);
}

const SIZE: Record<Exclude<PageName, 'Issues' | 'Comments'>, { width: number; height: number }> = {
  ReportLink: { width: 460, height: 300 },
  Share: { width: 640, height: 600 },
  SelfCheck: { width: 640, height: 560 },
};

function showDialog(name: Exclude<PageName, 'Issues' | 'Comments'>, data: unknown, title: string): void {
  const output = renderPage(name, data, title).setWidth(SIZE[name].width).setHeight(SIZE[name].height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}

/** The issues sidebar: every issue with its badge and a link that selects its cell (google.script.run.selectCell). */
export function showIssuesSidebar(issues: readonly Issue[]): void {
  const data: IssuesPageData = { issues: issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, message: i.message })) };
  SpreadsheetApp.getUi().showSidebar(renderPage('Issues', data, UI_MSG.issuesTitle));
}

/** After generation: the new report's name, a link opening it in a new tab, and the warnings, if any. */
export function showReportLink(report: ReportLinkData): void {
  showDialog('ReportLink', { name: report.name, url: report.url, warnings: [...report.warnings], pdfUrl: report.pdfUrl, pdfLater: report.pdfLater ?? null }, UI_MSG.reportLinkTitle);
}

/** The share dialog; its "Chia sẻ" button calls google.script.run.shareSelectedReport. */
export function showShareDialog(data: ShareDialogData): void {
  showDialog('Share', data, UI_MSG.shareTitle);
}

/** The self-check's steps with pass/fail and detail. */
export function showSelfCheck(data: SelfCheckData): void {
  showDialog('SelfCheck', data, UI_MSG.selfCheckTitle);
}
