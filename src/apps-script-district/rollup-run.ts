/**
 * «Tổng hợp»: reads every commune of «Danh sách xã» (one Sheets batchGet each), runs each through the same
 * core as the commune's own Sheet, rolls them up, writes the comparison tab and the communes' issues (one
 * write each), and makes the district report Doc.
 *
 * Time: Apps Script stops a run at 6 minutes wherever it is. A run reads communes for at most
 * READ_BUDGET_MS, then saves where it is and continues by itself:
 * - what was read is appended, one row per commune (its figures as JSON), to the hidden working tab
 *   «Tổng hợp (đang chạy)» in one write per run; the row count of that tab is the position, so a commune is
 *   never read twice and nothing read is lost, even if a run is cut after its write;
 * - the run's identity and its list of communes are kept in the document's PropertiesService (the list
 *   split over keys below the 9 KB a value may hold);
 * - a time-driven trigger (ScriptApp) calls continueRollup about a minute later; each continuation deletes
 *   the trigger that called it. The clerk is told; the log records every pause and the end.
 * When every commune is read, the working tab is read once, rolled up, and removed with the saved state.
 */
import { runReport } from '../core/report/pipeline';
import type { Indicator, Status } from '../core/indicators/types';
import type { Issue } from '../core/issues';
import type { FieldValue, PlanRow, ReportInput } from '../core/report/input';
import type { ReportKind } from '../core/kind/types';
import { rollUp, type CommuneRun, type Rollup } from '../core/rollup/rollup';
import { comparisonTable, issuesTable, ISSUES_HEADER } from '../core/rollup/table';
import type { MergeData } from '../core/template/data';
import { findSheet, rectangle, asSheetText } from '../apps-script/sheet-io';
import { appendLog } from '../apps-script/settings';
import { googleReason as reasonOf } from '../apps-script/google-errors';
import { withDocumentLock } from '../apps-script/lock';
import { activeKind } from '../apps-script/kind';
import { bundledKinds } from '../kinds/bundled';
import { readSettings } from '../apps-script/settings';
import { loadCommunes, sheetUrl, type CommuneEntry } from './communes-list';
import { readCommuneGrid } from './read-commune';
import { SETTINGS_TAB } from '../core/workbook/local-units';
import { makeDistrictReport, type DistrictReport } from './district-report';
import { DISTRICT_MSG as M, DISTRICT_TABS as TABS } from './messages';

/** Reading time per run before saving and continuing by trigger (the 6-minute limit leaves room to finish). */
export const READ_BUDGET_MS = 60_000;
export const CONTINUE_HANDLER = 'continueRollup';
export const CONTINUE_AFTER_MS = 60_000;

const STATE_KEY = 'tong_hop.trang_thai';
const LIST_KEY = (i: number) => `tong_hop.xa.${i}`;
/** Communes per property value: [row, name, id] is under 100 bytes, so 60 stay well below the 9 KB limit. */
const PER_KEY = 60;
const WORKING_HEADER = ['STT', 'Xã', 'Số liệu (JSON)'];

interface RunState {
  id: string;
  total: number;
  parts: number;
  startedMs: number;
}

export type RollupOutcome =
  | { kind: 'refused'; message: string }
  | { kind: 'busy'; message: string }
  | { kind: 'paused'; message: string; done: number; total: number }
  | { kind: 'done'; message: string; rollup: Rollup; report: DistrictReport | null; done: number; total: number };

export interface RunDeps {
  ss?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  now?: () => Date;
  budgetMs?: number;
}

// ------------------------------------------------------------------------------ compact commune rows

/** One commune's run as stored in the working tab: what the roll-up needs, without cell references. */
interface Stored {
  n: string;
  s: string;
  f: Record<string, [FieldValue, string]>;
  l: Record<string, Record<string, number | string | null>[]>;
  i: [string, string, number, string, string, string][];
  e: [Issue['severity'], string, string, string][];
  d: Record<string, string>;
  /** Plan-and-results rows by block, without their cell references. */
  p?: Record<string, Omit<PlanRow, 'refs'>[]>;
}

/** Pure: a commune's run as one JSON cell (a Sheets cell holds 50 000 characters). */
export function storeRun(run: CommuneRun, shared: Record<string, string>): string {
  const stored: Stored = {
    n: run.name,
    s: run.source,
    f: Object.fromEntries(Object.entries(run.input.fields).map(([k, f]) => [k, [f.value, f.unit ?? '']])),
    l: Object.fromEntries(Object.entries(run.input.lists).map(([k, rows]) => [k, rows.map((r) => r.values)])),
    i: run.indicators.map((x) => [x.key, x.label, x.value, x.unit, x.text, x.status ?? '']),
    e: run.issues.map((x) => [x.severity, x.sheet, x.cell, x.message]),
    d: shared,
    p: Object.fromEntries(Object.entries(run.input.plans).map(([k, rows]) => [k, rows.map(({ refs: _refs, ...row }) => row)])),
  };
  return JSON.stringify(stored);
}

/** Pure: the stored JSON back as a run for the roll-up, and the commune's shared texts. */
export function restoreRun(json: string): { run: CommuneRun; shared: Record<string, string> } {
  const s = JSON.parse(json) as Stored;
  const ref = { sheet: '', cell: '' };
  const input: ReportInput = {
    fields: Object.fromEntries(Object.entries(s.f).map(([k, [value, unit]]) => [k, { value, unit: unit || undefined, ref }])),
    rates: {},
    lists: Object.fromEntries(Object.entries(s.l).map(([k, rows]) => [k, rows.map((values, i) => ({ values, entered: {}, row: i + 1, cells: {}, sheet: '' }))])),
    plans: Object.fromEntries(Object.entries(s.p ?? {}).map(([k, rows]) => [k, rows.map((row) => ({ ...row, refs: { actual: ref } }))])),
  };
  const indicators: Indicator[] = s.i.map(([key, label, value, unit, text, status]) => ({ key, label, value, unit, text, how: '', sources: [], ...(status ? { status: status as Status } : {}) }));
  const issues: Issue[] = s.e.map(([severity, sheet, cell, message]) => ({ severity, sheet, cell, message }));
  return { run: { name: s.n, source: s.s, input, indicators, issues }, shared: s.d };
}

/** The texts a commune's report data holds at the top level (the level above, the period): for {{chung.…}}. */
function sharedTexts(data: MergeData): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Reads and computes one commune; a Sheet that cannot be read becomes an error under its name. */
function readCommune(entry: CommuneEntry, kind: ReportKind): string {
  try {
    // «Cài đặt» too: it holds the size of the sào a commune's areas may be typed in, and the kind the
    // commune reports by (a commune of another kind is one error naming it).
    const run = runReport(kind, readCommuneGrid(entry.id, [...kind.tabs.map((t) => t.name), SETTINGS_TAB]), { kinds: bundledKinds() });
    return storeRun({ name: entry.name, source: entry.url, input: run.input, indicators: run.indicators, issues: run.issues }, sharedTexts(run.data));
  } catch (e) {
    const issue: Issue = { severity: 'error', sheet: TABS.communes, cell: `C${entry.row}`, message: M.cannotRead(reasonOf(e)) };
    return storeRun({ name: entry.name, source: entry.url, input: { fields: {}, rates: {}, lists: {}, plans: {} }, indicators: [], issues: [issue] }, {});
  }
}

// ---------------------------------------------------------------------------------------- state

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function loadState(): { state: RunState; communes: CommuneEntry[] } | null {
  const p = props();
  const raw = p.getProperty(STATE_KEY);
  if (!raw) return null;
  const state = JSON.parse(raw) as RunState;
  const communes: CommuneEntry[] = [];
  for (let i = 0; i < state.parts; i++) {
    const part = JSON.parse(p.getProperty(LIST_KEY(i)) ?? '[]') as [number, string, string][];
    communes.push(...part.map(([row, name, id]) => ({ row, name, id, url: sheetUrl(id) })));
  }
  return { state, communes };
}

function saveState(state: RunState, communes: readonly CommuneEntry[]): void {
  const entries: Record<string, string> = { [STATE_KEY]: JSON.stringify(state) };
  for (let i = 0; i < state.parts; i++) entries[LIST_KEY(i)] = JSON.stringify(communes.slice(i * PER_KEY, (i + 1) * PER_KEY).map((c) => [c.row, c.name, c.id]));
  props().setProperties(entries);
}

function clearState(state: RunState): void {
  const p = props();
  p.deleteProperty(STATE_KEY);
  for (let i = 0; i < state.parts; i++) p.deleteProperty(LIST_KEY(i));
}

function deleteContinuations(): void {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);
}

function scheduleContinuation(): void {
  deleteContinuations();
  ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
}

// ---------------------------------------------------------------------------------------- the run

/** Báo cáo › Tổng hợp: starts a roll-up (or says one is under way). */
export function startRollup(deps: RunDeps = {}): RollupOutcome {
  const ss = deps.ss ?? SpreadsheetApp.getActiveSpreadsheet();
  const locked = withDocumentLock((): RollupOutcome => {
    const saved = loadState();
    const working = findSheet(ss, TABS.working);
    if (saved && working) return { kind: 'paused', message: M.alreadyRunning(working.getLastRow() - 1, saved.state.total), done: working.getLastRow() - 1, total: saved.state.total };
    if (saved) clearState(saved.state);
    const { communes, problems } = loadCommunes(ss);
    if (problems.length > 0) return { kind: 'refused', message: [M.listProblems(problems.length), ...problems].join('\n') };
    if (communes.length === 0) return { kind: 'refused', message: M.noCommunes };
    const now = deps.now ?? (() => new Date());
    const state: RunState = { id: String(now().getTime()), total: communes.length, parts: Math.ceil(communes.length / PER_KEY), startedMs: now().getTime() };
    if (working) ss.deleteSheet(working);
    const sheet = ss.insertSheet(TABS.working);
    sheet.getRange(1, 1, 1, WORKING_HEADER.length).setValues([WORKING_HEADER]);
    sheet.hideSheet();
    saveState(state, communes);
    return runChunk(ss, state, communes, deps);
  });
  return locked ? locked.value : { kind: 'busy', message: M.busy };
}

/** The time-driven trigger's function: goes on from where the last run saved. */
export function continueRollup(deps: RunDeps = {}): RollupOutcome {
  const ss = deps.ss ?? SpreadsheetApp.getActiveSpreadsheet();
  const locked = withDocumentLock((): RollupOutcome => {
    const saved = loadState();
    if (!saved) {
      deleteContinuations();
      return { kind: 'refused', message: M.stateLost };
    }
    if (!findSheet(ss, TABS.working)) {
      clearState(saved.state);
      deleteContinuations();
      appendLog(ss, { when: new Date(), action: M.logAction, name: '', url: '', result: M.logFailed, detail: M.stateLost });
      return { kind: 'refused', message: M.stateLost };
    }
    return runChunk(ss, saved.state, saved.communes, deps);
  });
  if (!locked) {
    // Someone else holds the lock (a clerk's menu run): try again a minute later rather than lose the run.
    scheduleContinuation();
    return { kind: 'busy', message: M.busy };
  }
  return locked.value;
}

function runChunk(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: RunState, communes: readonly CommuneEntry[], deps: RunDeps): RollupOutcome {
  const now = deps.now ?? (() => new Date());
  const entered = now().getTime();
  const budget = deps.budgetMs ?? READ_BUDGET_MS;
  const working = findSheet(ss, TABS.working) as GoogleAppsScript.Spreadsheet.Sheet;
  const done = Math.max(0, working.getLastRow() - 1);
  // The kind the communes report by: the district Sheet's «Loại báo cáo» (as chosen at setup).
  const kind = activeKind(readSettings(ss));
  const rows: unknown[][] = [];
  let next = done;
  while (next < communes.length && now().getTime() - entered < budget) {
    const entry = communes[next];
    rows.push([next + 1, asSheetText(entry.name), readCommune(entry, kind)]);
    next += 1;
  }
  if (rows.length > 0) working.getRange(done + 2, 1, rows.length, WORKING_HEADER.length).setValues(rows);
  if (next < communes.length) {
    scheduleContinuation();
    appendLog(ss, { when: now(), action: M.logAction, name: '', url: '', result: M.logContinue, detail: `${next}/${communes.length}` });
    safeToast(ss, M.continuing(next, communes.length));
    return { kind: 'paused', message: M.continuing(next, communes.length), done: next, total: communes.length };
  }
  return finish(ss, state, working, now);
}

function finish(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: RunState, working: GoogleAppsScript.Spreadsheet.Sheet, now: () => Date): RollupOutcome {
  const stored = working.getDataRange().getValues().slice(1).map((r) => restoreRun(String(r[2])));
  const kind = activeKind(readSettings(ss));
  const rollup = rollUp(kind, stored.map((s) => s.run));
  writeComparison(ss, rollup);
  const shared = stored.find((s) => s.run.issues.every((i) => i.severity !== 'error'))?.shared ?? {};
  let report: DistrictReport | null = null;
  let reportProblem = '';
  try {
    if (!kind.rollupTemplate) throw new Error(M.noRollupTemplate(kind.name));
    report = makeDistrictReport(ss, rollup, shared, kind.rollupTemplate, now());
  } catch (e) {
    reportProblem = M.docFailed(reasonOf(e));
  }
  deleteContinuations();
  ss.deleteSheet(working);
  clearState(state);
  const errors = rollup.communes.filter((c) => !c.ok).length;
  const summary = M.done(rollup.included, rollup.communes.length, errors);
  appendLog(ss, { when: now(), action: M.logAction, name: report?.name ?? '', url: report?.url ?? '', result: reportProblem ? M.logFailed : M.logOk, detail: reportProblem || summary });
  const message = [summary, report ? M.docDone(report.name, report.url) : reportProblem].filter(Boolean).join('\n\n');
  safeToast(ss, summary);
  return { kind: 'done', message, rollup, report, done: rollup.communes.length, total: state.total };
}

/** «Tổng hợp» and «Lỗi của các xã», each rewritten in one setValues (padded over a longer earlier table). */
function writeComparison(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, rollup: Rollup): void {
  const table = comparisonTable(rollup);
  const text = (v: unknown) => (typeof v === 'string' ? asSheetText(v) : v);
  writeWhole(ss, TABS.comparison, [table.header, table.rules, ...table.rows, table.total].map((r) => r.map(text)));
  writeWhole(ss, TABS.issues, [ISSUES_HEADER, ...issuesTable(rollup)].map((r) => r.map(text)));
}

function writeWhole(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, rows: unknown[][]): void {
  const sheet = findSheet(ss, name) ?? ss.insertSheet(name);
  const width = Math.max(...rows.map((r) => r.length), sheet.getLastColumn());
  const height = Math.max(rows.length, sheet.getLastRow());
  const grid = rectangle([...rows, ...Array.from({ length: height - rows.length }, () => [] as unknown[])], '' as unknown, width);
  sheet.getRange(1, 1, height, width).setValues(grid);
}

/** A toast where there is a Sheet open; a trigger's run has no one to show it to. */
function safeToast(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, message: string): void {
  try {
    ss.toast(message, M.toastTitle);
  } catch {
    // no Ui in a trigger's run
  }
}
