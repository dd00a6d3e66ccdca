/**
 * The Apps Script bundle carries every kind of the repo: on a blank Sheet «Thiết lập bảng tính» offers them,
 * the choice is written to «Cài đặt», and checking, computing and generating then use that kind, on the
 * built bundle and the Google fakes.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/core/report/pipeline';
import { renderReportDocument } from '../../src/core/report/document';
import { documentText } from '../../src/core/document/model';
import { bundledKind, bundledKinds } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';
import { readReportGridsFromDumps } from './clerk-day-helpers';
import { googleBodyText } from './google-harness';
import { Button, createGoogleWorld } from '../fakes/index';
import { loadBundle } from '../fakes/load-bundle';

const KTXH = bundledKind('kinh-te-xa-hoi') as ReportKind;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

describe('choosing the kind in the Sheet', () => {
  it('a blank Sheet set up as «Kinh tế - xã hội» gets its tabs, and computing and generating use it', () => {
    const world = createGoogleWorld();
    const gas = loadBundle(world);
    const position = bundledKinds().findIndex((k) => k.id === KTXH.id) + 1;
    world.ui.answerPromptNext(String(position), Button.OK);
    world.ui.answerNext(Button.YES); // with the sample
    gas.call('setupWorkbook');

    // Every bundled kind is offered by name.
    const offered = world.ui.prompts.at(-1)?.prompt ?? '';
    for (const k of bundledKinds()) expect(offered).toContain(k.name);
    const names = world.spreadsheet.sheets.map((s) => s.getName());
    for (const t of KTXH.tabs) expect(names).toContain(t.name);
    expect(JSON.stringify(world.spreadsheet.sheets.find((s) => s.getName() === 'Cài đặt')?.dump())).toContain(KTXH.name);

    const tabs = Object.fromEntries(world.spreadsheet.sheets.filter((s) => KTXH.tabs.some((t) => t.name === s.getName())).map((s) => [s.getName(), JSON.parse(JSON.stringify(s.dump()))]));
    const run = runReport(KTXH, readReportGridsFromDumps(tabs, world.spreadsheet.timeZone));
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);

    gas.call('computeIndicators');
    const computed = JSON.stringify(world.spreadsheet.sheets.find((s) => s.getName() === 'Chỉ tiêu')?.dump());
    const plan = run.indicators.find((i) => i.key === 'thu_ngan_sach_ke_hoach');
    expect(plan?.text).toBe('52,3%');
    expect(computed).toContain('thu_ngan_sach_ke_hoach');

    gas.call('createDefaultTemplate');
    world.ui.answerNext(Button.YES);
    gas.call('generateReport');
    const templateId = [...world.driveStore.files.values()].find((f) => f.doc && f.name === `Mẫu báo cáo - ${KTXH.name}`)?.id;
    const report = [...world.driveStore.files.values()].find((f) => f.doc && f.id !== templateId && !f.trashed);
    expect(report).toBeDefined();
    const local = documentText(renderReportDocument(KTXH.template, run.data).document);
    const google = googleBodyText(world, (report as { id: string }).id);
    expect(google).toContain('đạt 52,3% kế hoạch năm');
    expect(local).toContain('đạt 52,3% kế hoạch năm');
  }, 120_000);
});
