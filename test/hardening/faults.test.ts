/**
 * Faults injected through the fakes while a report is generated or shared: whatever Google call fails,
 * and however (quota, rate limit, permission), no half-filled document is left presented as the report,
 * the log says what happened, the template and the input tabs are untouched, and a retry succeeds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDefaultTemplateFlow, generateReportFlow, TIME_BUDGET_MS } from '../../src/apps-script/generate';
import { GENERATE_MSG, TABS } from '../../src/apps-script/messages';
import { MAX_TRIES } from '../../src/apps-script/retry';
import { fieldCell, sampleGrid, withCell, DVK } from '../helpers/workbook';
import type { GoogleWorld } from '../fakes';
import { docSnapshot, installWorld, sheetsOf } from '../apps-script/google-harness';

afterEach(() => vi.unstubAllGlobals());

const NOW = new Date(Date.UTC(2026, 10, 27, 3, 32));

// The sample with its reported forest cover matching the computed one: no warning, so no question asked.
function world(): GoogleWorld {
  const sample = sampleGrid();
  const grid = withCell(sample, fieldCell(sample, 'ty_le_che_phu_rung_da_bao_cao'), 34.79);
  return installWorld({ sheets: sheetsOf(grid) });
}

const ss = (w: GoogleWorld) => w.globals.SpreadsheetApp.getActiveSpreadsheet();
const ui = (w: GoogleWorld) => w.globals.SpreadsheetApp.getUi();

function inputTabs(w: GoogleWorld): string {
  const names = new Set(DVK.tabs.map((t) => t.name));
  return JSON.stringify(w.spreadsheet.sheets.filter((s) => names.has(s.getName())).map((s) => s.dump()));
}

function liveReports(w: GoogleWorld, templateId: string): string[] {
  return [...w.driveStore.files.values()].filter((f) => f.doc && !f.trashed && f.id !== templateId).map((f) => f.id);
}

const ERRORS = {
  quota: { text: 'Service invoked too many times for one day: docs create.', code: 429 },
  rate: { text: 'User rate limit exceeded.', code: 429 },
  permission: { text: 'The caller does not have permission', code: 403 },
};

/** Every Google call generation makes that can fail on its own, by where it comes in the flow. */
const POINTS: { point: string; inject: (w: GoogleWorld, e: { text: string; code: number }) => void }[] = [
  // Advanced-service calls are retried on rate limits (retry.ts): the fault lasts through every try.
  { point: 'Drive.Files.copy', inject: (w, e) => w.drive.failNext('Files.copy', e.text, { code: e.code, times: e.code === 429 ? MAX_TRIES : 1 }) },
  { point: 'DocumentApp.openById', inject: (w, e) => w.failNext('DocumentApp.openById', new Error(e.text)) },
  { point: 'Paragraph.copy (a list being repeated)', inject: (w, e) => w.failNext('Paragraph.copy', new Error(e.text)) },
  { point: 'Paragraph.replaceText (a copy being scoped)', inject: (w, e) => w.failNext('Paragraph.replaceText', new Error(e.text)) },
  { point: 'Document.saveAndClose', inject: (w, e) => w.failNext('Document.saveAndClose', new Error(e.text)) },
  { point: 'Docs.Documents.batchUpdate', inject: (w, e) => w.docs.failNext('Documents.batchUpdate', e.text, { code: e.code, times: e.code === 429 ? MAX_TRIES : 1 }) },
];

const CASES = POINTS.flatMap((p) => Object.entries(ERRORS).map(([kind, error]) => ({ ...p, kind, error })));

describe('faults during «Tạo báo cáo»', () => {
  console.log(`faults: ${CASES.length} injected (${POINTS.length} calls × ${Object.keys(ERRORS).length} kinds of error), plus the lock, the time limit and sharing`);

  it.each(CASES)('$point fails ($kind): nothing presented, log says so, inputs and template untouched, retry works', ({ inject, error }) => {
    const w = world();
    const t = createDefaultTemplateFlow({ ss: ss(w), now: () => NOW });
    if (t.kind !== 'done') throw new Error(t.message);
    const templateBefore = docSnapshot(w, t.id);
    const inputsBefore = inputTabs(w);

    inject(w, error);
    let thrown: unknown;
    try {
      generateReportFlow({ ss: ss(w), ui: ui(w), now: () => NOW });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain('Không tạo được báo cáo');
    expect(liveReports(w, t.id)).toEqual([]);
    const log = w.spreadsheet.sheet(TABS.log).dump();
    const last = log.at(-1)!.map(String);
    expect(last).toContain(GENERATE_MSG.logFailed);
    expect(last.join(' ')).not.toContain('https://');
    expect(docSnapshot(w, t.id)).toBe(templateBefore);
    expect(inputTabs(w)).toBe(inputsBefore);

    const retry = generateReportFlow({ ss: ss(w), ui: ui(w), now: () => NOW });
    expect(retry.kind).toBe('done');
    expect(liveReports(w, t.id)).toHaveLength(1);
  });
});

describe('the 6-minute limit', () => {
  it('a run past its time budget before copying stops cleanly, makes nothing and says so', () => {
    const w = world();
    const t = createDefaultTemplateFlow({ ss: ss(w), now: () => NOW });
    if (t.kind !== 'done') throw new Error(t.message);
    let calls = 0;
    // The clock jumps past the budget once the workbook has been read (the second look at the time).
    const now = () => new Date(NOW.getTime() + (calls++ >= 1 ? TIME_BUDGET_MS + 1 : 0));
    const outcome = generateReportFlow({ ss: ss(w), ui: ui(w), now });
    expect(outcome.kind).toBe('outOfTime');
    expect(outcome.message).toContain('6 phút');
    expect(liveReports(w, t.id)).toEqual([]);
    expect(w.calls.count('Drive.Files.copy')).toBe(0);
    expect(w.spreadsheet.sheet(TABS.log).dump().at(-1)!.map(String)).toContain(GENERATE_MSG.logOutOfTime);
  });

  it('a run past its budget after merging trashes its copy instead of delivering it', () => {
    const w = world();
    const t = createDefaultTemplateFlow({ ss: ss(w), now: () => NOW });
    if (t.kind !== 'done') throw new Error(t.message);
    const templateBefore = docSnapshot(w, t.id);
    w.calls.reset();
    let late = false;
    const now = () => new Date(NOW.getTime() + (late ? TIME_BUDGET_MS + 1 : 0));
    // The merge's first DocumentApp call flips the clock: everything after it runs "late".
    const open = w.globals.DocumentApp.openById.bind(w.globals.DocumentApp);
    const spy = vi.spyOn(w.globals.DocumentApp, 'openById').mockImplementation((id: string) => {
      late = true;
      return open(id);
    });
    const outcome = generateReportFlow({ ss: ss(w), ui: ui(w), now });
    expect(outcome.kind).toBe('outOfTime');
    expect(w.calls.count('Drive.Files.copy')).toBe(1);
    expect(w.calls.count('Docs.Documents.batchUpdate')).toBe(0);
    expect(liveReports(w, t.id)).toEqual([]);
    expect(docSnapshot(w, t.id)).toBe(templateBefore);
    spy.mockRestore();
    late = false;
    expect(generateReportFlow({ ss: ss(w), ui: ui(w), now }).kind).toBe('done');
  });
});
