/**
 * What «Tạo báo cáo» costs in Google, on the BUILT bundle against the fakes: DocumentApp calls for the
 * sample and how they grow per list item, and the time it would take live, read off the fake clock
 * with the planning costs (5 ms per DocumentApp call, 300 ms per Drive, Docs or Sheets API call or PDF render; see
 * test/fakes/runtime.ts for which calls count). The README's performance table quotes these lines.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/document/model';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { Button, countByKind, createGoogleWorld, LIVE_CALL_COSTS, NO_CALL_COSTS } from '../fakes/index';
import { loadBundle } from '../fakes/load-bundle';
import { GENERATE_MSG, TABS } from '../../src/apps-script/messages';
import { TIME_BUDGET_MS } from '../../src/apps-script/time-budget';
import type { GoogleWorld } from '../fakes/index';
import { docSnapshot, documentAppWrites, googleBodyText, sheetsOf, trimEnd } from './google-harness';
import { longerListsGrid } from './longer-lists';
import { DVK } from '../helpers/workbook';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

/** The menu item on a workbook with every list `times` longer: its calls, its fake-clock time, its report. */
function generate(times: number) {
  const { grid, items } = longerListsGrid(times);
  const world = createGoogleWorld({ sheets: sheetsOf(grid), callCosts: LIVE_CALL_COSTS });
  const gas = loadBundle(world);
  gas.call('createDefaultTemplate');
  const templateId = [...world.driveStore.files.values()].find((f) => f.doc)!.id;
  world.calls.reset();
  const start = world.clock.now();
  world.ui.answerNext(Button.YES); // the sample's forest-cover warning
  gas.call('generateReport');
  const seconds = (world.clock.now() - start) / 1000;
  const reports = [...world.driveStore.files.values()].filter((f) => f.doc && !f.trashed && f.id !== templateId);
  expect(reports).toHaveLength(1);
  // The PDF «Cài đặt» asks for by default is part of what is counted and timed.
  expect([...world.driveStore.files.values()].filter((f) => f.mimeType === 'application/pdf' && !f.trashed)).toHaveLength(1);
  const memory = renderReportDocument(DVK.template, runReport(DVK, grid).data);
  expect(memory.problems).toEqual([]);
  return { items, seconds, calls: countByKind(world.calls.snapshot()), google: googleBodyText(world, reports[0].id), memory: trimEnd(documentText(memory.document)) };
}

describe('«Tạo báo cáo»: Google calls and time', () => {
  it('stays within 3 000 DocumentApp calls and 60 s for the sample, 35 calls per extra list item and 120 s with lists 8× longer', () => {
    const sample = generate(1);
    const longer = generate(8);
    // The same document as the in-memory merge, also where every list is long: the port's cache stays true.
    expect(sample.google).toBe(sample.memory);
    expect(longer.google).toBe(longer.memory);

    const perItem = (longer.calls.documentApp - sample.calls.documentApp) / (longer.items - sample.items);
    console.log(`DocumentApp calls for the sample: ${sample.calls.documentApp}`);
    console.log(`estimated live seconds: ${sample.seconds.toFixed(1)} (sample), ${longer.seconds.toFixed(1)} (lists x8)`);
    console.log(
      `generation cost detail: ${sample.items} list items -> ${longer.items}; DocumentApp calls ${sample.calls.documentApp} -> ${longer.calls.documentApp} (${perItem.toFixed(1)} per extra item); API calls ${sample.calls.api} -> ${longer.calls.api}`,
    );
    expect(longer.items).toBeGreaterThan(6 * sample.items);
    expect(sample.calls.documentApp).toBeLessThanOrEqual(3000);
    expect(perItem).toBeLessThanOrEqual(35);
    expect(sample.seconds).toBeLessThanOrEqual(60);
    expect(longer.seconds).toBeLessThanOrEqual(120);
  }, 120_000);
});

/** The sample in a bundle-loaded world with its template made (at no clock cost): what each case starts from. */
function sampleReady() {
  const { grid } = longerListsGrid(1);
  const world = createGoogleWorld({ sheets: sheetsOf(grid), callCosts: NO_CALL_COSTS });
  const gas = loadBundle(world);
  gas.call('createDefaultTemplate');
  const templateId = [...world.driveStore.files.values()].find((f) => f.doc)!.id;
  world.rt.callCosts = { ...LIVE_CALL_COSTS };
  return { world, gas, templateId, template: docSnapshot(world, templateId), inputs: inputTabs(world) };
}

function inputTabs(world: GoogleWorld): string {
  const names = new Set(DVK.tabs.map((t) => t.name));
  return JSON.stringify(world.spreadsheet.sheets.filter((s) => names.has(s.getName())).map((s) => s.dump()));
}

function reportDocs(world: GoogleWorld, templateId: string) {
  return [...world.driveStore.files.values()].filter((f) => f.doc && f.id !== templateId);
}

function lastLogRow(world: GoogleWorld): string[] {
  return world.spreadsheet.sheet(TABS.log).dump().at(-1)!.map(String);
}

describe('the time budget, checked inside the merge', () => {
  it('a merge that crosses the budget stops before its next write: copy trashed, log says so, inputs and template unchanged', () => {
    const { world, gas, templateId, template, inputs } = sampleReady();
    // Slow DocumentApp calls (400 ms each): the sample's merge alone would take over 5 minutes.
    world.rt.callCosts = { documentAppMs: 400, apiMs: LIVE_CALL_COSTS.apiMs };
    world.calls.reset();
    const start = world.clock.now();
    world.ui.answerNext(Button.YES);
    gas.call('generateReport');
    const elapsed = world.clock.now() - start;
    const counts = world.calls.snapshot();
    console.log(`budget crossed mid-merge after ${(elapsed / 1000).toFixed(1)} s: ${documentAppWrites(counts)} DocumentApp writes made, ${counts['Docs.Documents.batchUpdate'] ?? 0} batchUpdate`);

    expect(documentAppWrites(counts)).toBeGreaterThan(0); // the merge had started writing
    expect(counts['Docs.Documents.batchUpdate'] ?? 0).toBe(0); // and never finished
    expect(elapsed).toBeGreaterThan(TIME_BUDGET_MS);
    expect(elapsed).toBeLessThan(6 * 60_000); // stopped on its own terms, before Apps Script's limit
    const copies = reportDocs(world, templateId);
    expect(copies).toHaveLength(1);
    expect(copies[0].trashed).toBe(true);
    expect(world.ui.alerts.at(-1)?.prompt).toBe(GENERATE_MSG.outOfTime);
    const row = lastLogRow(world);
    expect(row).toEqual(expect.arrayContaining([GENERATE_MSG.logAction, GENERATE_MSG.logOutOfTime, GENERATE_MSG.logOutOfTimeMerging]));
    expect(row.join(' ')).not.toContain('https://');
    expect(docSnapshot(world, templateId)).toBe(template);
    expect(inputTabs(world)).toBe(inputs);

    // At the planning costs the same workbook goes through.
    world.rt.callCosts = { ...LIVE_CALL_COSTS };
    world.ui.answerNext(Button.YES);
    gas.call('generateReport');
    expect(reportDocs(world, templateId).filter((f) => !f.trashed)).toHaveLength(1);
  }, 60_000);

  it('a run Google stops mid-merge stays «Đang tạo» in the log; the next run trashes its copy and marks the row', () => {
    const { world, gas, templateId, template, inputs } = sampleReady();
    world.stopRunAt('Paragraph.replaceText'); // the first list item being scoped
    world.ui.answerNext(Button.YES);
    expect(() => gas.call('generateReport')).toThrow('Exceeded maximum execution time');
    const leftover = reportDocs(world, templateId);
    expect(leftover).toHaveLength(1);
    expect(leftover[0].trashed).toBe(false); // nothing of the run's own clean-up reached Google
    const log = world.spreadsheet.sheet(TABS.log).dump();
    const stoppedRow = log.length;
    expect(lastLogRow(world)).toEqual(expect.arrayContaining([GENERATE_MSG.logAction, GENERATE_MSG.logInProgress, leftover[0].name]));

    world.startNewRun();
    world.ui.answerNext(Button.YES);
    gas.call('generateReport');
    expect(leftover[0].trashed).toBe(true);
    const marked = world.spreadsheet.sheet(TABS.log).dump()[stoppedRow - 1].map(String);
    expect(marked).toEqual(expect.arrayContaining([leftover[0].name, GENERATE_MSG.logStopped, GENERATE_MSG.logStoppedDetail([leftover[0].id], [])]));
    expect(world.spreadsheet.toasts.map((t) => t.msg)).toContain(GENERATE_MSG.recoveredStoppedRun(leftover[0].name));
    const live = reportDocs(world, templateId).filter((f) => !f.trashed);
    expect(live).toHaveLength(1);
    expect(lastLogRow(world)).toEqual(expect.arrayContaining([GENERATE_MSG.logOk, live[0].name]));
    expect(docSnapshot(world, templateId)).toBe(template);
    expect(inputTabs(world)).toBe(inputs);
  }, 60_000);
});
