/**
 * "Xem góp ý": the reviewers' comments come back to the commune. For each report the «Nhật ký» log knows
 * (files the app created, so `drive.file` reaches them), one Drive.Comments.list call per page of 100
 * brings every comment with its replies; they are written to the «Góp ý» tab in one write, shown in a
 * sidebar, and the log gets one row per report that still has open comments, in one append.
 *
 * Drive v3 answers the comments methods only when `fields` names what to return, so the list asks for
 * exactly what the clerk reads: author, time, the quoted text, the content, resolved, and the replies.
 * Commenters' e-mail addresses are not returned by Drive here; the display name is what there is.
 *
 * One report that cannot be read (trashed, deleted, another clerk's file under drive.file) is listed with
 * the reason; the others are still read.
 */
import { COMMENTS_MSG as M, TABS } from './messages';
import { appendLog } from './settings';
import { asSheetText, findSheet, rectangle } from './sheet-io';
import { googleReason } from './google-errors';
import { withBackoff } from './retry';
import { recentReportsFromLog } from './share-log';
import { plainData, renderPage, type ShareReportOption } from './ui-data';

type CommentSchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Comment;
type ReplySchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Reply;

/** How many of the most recent reports are read; older ones are rarely still under review. */
export const REPORTS_READ = 20;

const USER = 'author(displayName)';
const REPLY_FIELDS = `id,${USER},createdTime,content,action,deleted`;
export const COMMENT_FIELDS = `nextPageToken,comments(id,${USER},createdTime,content,quotedFileContent(value),resolved,deleted,replies(${REPLY_FIELDS}))`;

export interface ReplyView {
  author: string;
  /** ISO time as Drive gives it. */
  time: string;
  /** Formatted for reading in the Sheet's time zone. */
  when: string;
  content: string;
  /** 'resolve' or 'reopen' when the reply changed the comment's state, '' otherwise. */
  action: string;
}

export interface CommentView extends ReplyView {
  quoted: string;
  resolved: boolean;
  replies: ReplyView[];
}

export interface ReportComments {
  report: ShareReportOption;
  comments: CommentView[];
  open: number;
  /** Why the comments could not be read, '' when they were. */
  error: string;
}

export interface CommentsPageData {
  reports: ReportComments[];
  tab: string;
  notices: string[];
}

/** Pure: Drive's comments as the clerk reads them, deleted ones left out, oldest first. */
export function commentViews(list: readonly CommentSchema[], formatWhen: (iso: string) => string): CommentView[] {
  const reply = (r: ReplySchema): ReplyView => ({
    author: r.author?.displayName ?? '',
    time: r.createdTime ?? '',
    when: r.createdTime ? formatWhen(r.createdTime) : '',
    content: (r.content ?? '').trim(),
    action: r.action ?? '',
  });
  return list
    .filter((c) => !c.deleted)
    .map((c) => ({
      ...reply(c as ReplySchema),
      quoted: (c.quotedFileContent?.value ?? '').trim(),
      resolved: c.resolved === true,
      replies: (c.replies ?? []).filter((r) => !r.deleted).map(reply),
    }))
    .sort((a, b) => a.time.localeCompare(b.time));
}

/** One report's comments: one Drive.Comments.list per page of 100, rate limits retried. */
export function readComments(fileId: string, formatWhen: (iso: string) => string): CommentView[] {
  const all: CommentSchema[] = [];
  let pageToken: string | undefined;
  do {
    const opts: Record<string, unknown> = { fields: COMMENT_FIELDS, pageSize: 100 };
    if (pageToken) opts.pageToken = pageToken;
    const page = withBackoff(() => (Drive as GoogleAppsScript.Drive).Comments.list(fileId, opts));
    all.push(...(page.comments ?? []));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return commentViews(all, formatWhen);
}

export const COMMENTS_HEADER = ['Báo cáo', 'Liên kết', 'Loại', 'Người viết', 'Thời gian', 'Đoạn được góp ý', 'Nội dung', 'Trạng thái'];

const ACTION_TEXT: Record<string, string> = { resolve: M.actionResolve, reopen: M.actionReopen };

/**
 * Pure: the «Góp ý» tab, a header and one row per comment followed by its replies; a report without
 * comments or that could not be read still has a row saying so. `time` turns Drive's ISO time into the
 * value written (a Date in Apps Script).
 */
export function commentsTabRows(results: readonly ReportComments[], time: (iso: string) => unknown): unknown[][] {
  const rows: unknown[][] = [COMMENTS_HEADER];
  for (const r of results) {
    const base = [asSheetText(r.report.name), asSheetText(r.report.url)];
    if (r.error) {
      rows.push([...base, M.kindError, '', '', '', asSheetText(r.error), '']);
      continue;
    }
    if (r.comments.length === 0) rows.push([...base, M.kindNone, '', '', '', '', '']);
    for (const c of r.comments) {
      rows.push([...base, M.kindComment, asSheetText(c.author), c.time ? time(c.time) : '', asSheetText(c.quoted), asSheetText(c.content), c.resolved ? M.resolved : M.open]);
      for (const reply of c.replies) {
        const content = reply.content || ACTION_TEXT[reply.action] || '';
        rows.push([...base, M.kindReply, asSheetText(reply.author), reply.time ? time(reply.time) : '', '', asSheetText(content), ACTION_TEXT[reply.action] ?? '']);
      }
    }
  }
  return rows;
}

/**
 * Writes the «Góp ý» tab (the product's own, made on first use) in ONE setValues: the new rows, padded
 * with blanks over whatever an earlier, longer list left below or to the right.
 */
export function writeCommentsTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: unknown[][]): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = findSheet(ss, TABS.comments) ?? ss.insertSheet(TABS.comments);
  const height = Math.max(rows.length, sheet.getLastRow());
  const width = Math.max(COMMENTS_HEADER.length, sheet.getLastColumn());
  const grid = rectangle([...rows, ...Array.from({ length: height - rows.length }, () => [] as unknown[])], '' as unknown, width);
  sheet.getRange(1, 1, height, width).setValues(grid);
  return sheet;
}

/** Reads every recent report's comments; a report that fails is kept with its reason. */
export function collectComments(reports: readonly ShareReportOption[], formatWhen: (iso: string) => string): ReportComments[] {
  return reports.map((report) => {
    try {
      const comments = readComments(report.id, formatWhen);
      return { report, comments, open: comments.filter((c) => !c.resolved).length, error: '' };
    } catch (e) {
      return { report, comments: [], open: 0, error: M.cannotRead(googleReason(e)) };
    }
  });
}

/** Báo cáo › Xem góp ý: read, write the tab, log the reports with open comments, show the sidebar. */
export function showCommentsFlow(): CommentsPageData {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.toast(M.reading, M.toastTitle);
  const zone = ss.getSpreadsheetTimeZone();
  const formatWhen = (iso: string) => Utilities.formatDate(new Date(iso), zone, 'dd/MM/yyyy HH:mm');
  const log = findSheet(ss, TABS.log);
  const reports = log ? recentReportsFromLog(log.getDataRange().getValues(), (d) => Utilities.formatDate(d, zone, 'dd/MM/yyyy HH:mm'), REPORTS_READ) : [];
  const results = collectComments(reports, formatWhen);
  const notices: string[] = [];
  if (reports.length === 0) notices.push(M.noReports);
  else {
    writeCommentsTab(ss, commentsTabRows(results, (iso) => new Date(iso)));
    const now = new Date();
    const entries = results
      .filter((r) => r.open > 0 || r.error)
      .map((r) => ({ when: now, action: M.logAction, name: r.report.name, url: r.report.url, result: r.error ? M.logError : M.logOpen(r.open), detail: r.error || M.logDetail(r.comments.length) }));
    try {
      appendLog(ss, ...entries);
    } catch (e) {
      notices.push(M.logFailed(googleReason(e)));
    }
  }
  const data: CommentsPageData = { reports: results, tab: TABS.comments, notices };
  showCommentsSidebar(data);
  return data;
}

/** The sidebar: per report its link, how many comments are open, each comment with its replies. */
export function showCommentsSidebar(data: CommentsPageData): void {
  SpreadsheetApp.getUi().showSidebar(renderPage('Comments', plainData(data), M.title));
}
