/**
 * What «Tạo báo cáo» costs in Google, on the BUILT bundle against the fakes: DocumentApp calls for the
 * sample and how they grow per list item, and the time it would take live, read off the fake clock
 * with the planning costs (5 ms per DocumentApp call, 300 ms per Drive, Docs or Sheets API call; see
 * test/fakes/runtime.ts for which calls count). The README's performance table quotes these lines.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/document/model';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { Button, countByKind, createGoogleWorld, LIVE_CALL_COSTS } from '../fakes/index';
import { loadBundle } from '../fakes/load-bundle';
import { googleBodyText, sheetsOf, trimEnd } from './google-harness';
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
