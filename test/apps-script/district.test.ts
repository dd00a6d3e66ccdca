/**
 * The district's Google roll-up on its BUILT bundle (dist-district/Code.js) in a vm context holding only
 * the fakes, under the district's own manifest: «Danh sách xã» of commune Sheet links, «Tổng hợp các xã»
 * reading each commune with ONE Sheets batchGet, the comparison tab in one write, the district report Doc,
 * and past the time budget a saved position and a time-driven continuation. On the fakes' clock (300 ms
 * per Sheets API call): 30 communes in one run; 300 through continuations, none read twice.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/core/report/pipeline';
import { rollUp } from '../../src/core/rollup/rollup';
import { bundledKind, defaultKind } from '../../src/kinds/bundled';
import type { ReportKind } from '../../src/core/kind/types';
import { layoutWorkbook } from '../../src/core/workbook/layout';
import { COMMUNES, communeGrid, communeSettings, type CommuneSpec } from '../helpers/communes';
import { fieldCell, withCell } from '../helpers/workbook';
import { KIND_SETTING_LABEL, SETTINGS_TAB } from '../../src/core/workbook/local-units';
import { sheetsOf } from './google-harness';
import { countByKind, createGoogleWorld, PROJECT_ROOT, SCOPE, type GoogleWorld } from '../fakes/index';
import { READ_BUDGET_MS } from '../../src/apps-script-district/rollup-run';

const READ_BUDGET_S = READ_BUDGET_MS / 1000;
import { loadBundle, type LoadedBundle } from '../fakes/load-bundle';

const MANIFEST = join(PROJECT_ROOT, 'src', 'apps-script-district', 'appsscript.json');
const CODE = join(PROJECT_ROOT, 'dist-district', 'Code.js');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

function districtWorld(): { world: GoogleWorld; gas: LoadedBundle } {
  const world = createGoogleWorld({ manifestPath: MANIFEST, spreadsheetName: 'Tổng hợp thị xã Đức Phổ' });
  const gas = loadBundle(world, { codePath: CODE });
  return { world, gas };
}

function tab(world: GoogleWorld, name: string): unknown[][] {
  return world.spreadsheet.sheets.find((s) => s.getName() === name)?.dump() ?? [];
}

/** Adds the communes' Sheets and lists them in «Danh sách xã» (as the district's IT person pastes links). */
function listCommunes(world: GoogleWorld, gas: LoadedBundle, specs: readonly CommuneSpec[]): string[] {
  gas.call('setupDistrict');
  const ids = specs.map((spec) => world.sheetsStore.add(`Báo cáo xã ${spec.name}`, sheetsOf(communeGrid(spec))).id);
  const sheet = world.spreadsheet.sheets.find((s) => s.getName() === 'Danh sách xã')!;
  sheet.getRange(2, 1, specs.length, 3).setValues(specs.map((s, i) => [i + 1, s.name, world.sheetsStore.url(ids[i])]));
  return ids;
}

function many(n: number): CommuneSpec[] {
  return Array.from({ length: n }, (_, i) => ({ ...COMMUNES[i % 3], name: `Xã ${String(i + 1).padStart(3, '0')}` }));
}

describe('the district’s own build and manifest', () => {
  it('asks for reading other Sheets and triggers, which the commune’s build does not', () => {
    const district = createGoogleWorld({ manifestPath: MANIFEST });
    const commune = createGoogleWorld();
    expect(district.rt.scopes.has('https://www.googleapis.com/auth/spreadsheets.readonly')).toBe(true);
    expect(district.rt.scopes.has(SCOPE.spreadsheets)).toBe(false);
    expect(district.rt.scopes.has(SCOPE.drive)).toBe(false);
    expect(commune.rt.scopes.has('https://www.googleapis.com/auth/spreadsheets.readonly')).toBe(false);
    expect(commune.rt.scopes.has('https://www.googleapis.com/auth/script.scriptapp')).toBe(false);
    expect([...commune.rt.scopes].filter((s) => s.includes('spreadsheets'))).toEqual([SCOPE.spreadsheetsCurrentOnly]);
    expect(district.globals.Sheets).toBeDefined();
    expect(commune.globals.Sheets).toBeUndefined();
  });
});

describe('«Tổng hợp các xã» on four sample communes (one with errors)', () => {
  let world: GoogleWorld;
  let gas: LoadedBundle;

  beforeAll(() => {
    ({ world, gas } = districtWorld());
    gas.call('onOpen', {});
    listCommunes(world, gas, COMMUNES);
    world.calls.reset();
    gas.call('rollUpCommunes');
  });

  it('shows the menu, whose items are top-level functions of the district’s Code.js', () => {
    const items = (world.ui.menu('Tổng hợp huyện')?.entries ?? []).flatMap((e) => ('caption' in e ? [e] : []));
    expect(items.map((i) => i.caption)).toEqual(['Thiết lập bảng tổng hợp', 'Tổng hợp các xã']);
    for (const i of items) expect(gas.topLevelFunctions()).toContain(i.functionName);
    expect(gas.topLevelFunctions()).toContain('continueRollup');
  });

  it('reads each commune with one batchGet, and writes the comparison and issues tabs once each', () => {
    console.log('district rollUpCommunes (4 communes) calls:', JSON.stringify(world.calls.snapshot()));
    expect(world.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(4);
    expect(world.calls.count('Sheets.Spreadsheets.get')).toBe(0);
    expect(world.scriptApp.created).toBe(0);
    expect(world.ui.alerts.at(-1)?.prompt).toContain('Đã tổng hợp 4 xã');
  });

  it('the comparison tab holds one row per commune and the district totals the core computes, by hand-checked rules', () => {
    const rows = tab(world, 'Tổng hợp');
    const header = rows[0].map(String);
    const col = (label: string) => header.findIndex((h) => h.startsWith(label));
    expect(rows.slice(2, 6).map((r) => r[1])).toEqual(['Phổ Phong', 'Phổ Nhơn', 'Phổ Thuận', 'Phổ Ninh']);
    expect(String(rows[5][2])).toMatch(/lỗi: không tính vào tổng/);
    const total = rows[6];
    expect(total[1]).toBe('Toàn huyện');
    expect(total[col('Tỷ lệ che phủ rừng')] as number).toBeCloseTo((4490.3 / 11433.05) * 100, 9);
    expect(total[col('Tổng lượt tiếp công dân')]).toBe(198);
    expect(total[col('Tỷ lệ tham gia bảo hiểm y tế')]).toBe('2/3 xã');
    // The same figures as the core's roll-up of the same workbooks.
    const kind = defaultKind();
    const core = rollUp(kind, COMMUNES.map((s) => {
      const run = runReport(kind, communeGrid(s));
      return { name: s.name, source: '', input: run.input, indicators: run.indicators, issues: run.issues };
    }));
    expect(total[col('Tỷ lệ đơn đã giải quyết')]).toBeCloseTo(core.totals.ty_le_giai_quyet_don.value as number, 9);
    const issues = tab(world, 'Lỗi của các xã');
    expect(issues.slice(1).some((r) => r[0] === 'Phổ Ninh' && r[2] === 'Lỗi' && String(r[5]).includes('nhiều lắm'))).toBe(true);
  });

  it('makes the district report Doc from the roll-up template, copied, merged, linked in the log', () => {
    const log = tab(world, 'Nhật ký');
    const last = log.at(-1)!;
    expect(last[1]).toBe('Tổng hợp');
    expect(last[5]).toBe('Thành công');
    const id = /document\/d\/([\w-]+)/.exec(String(last[3]))![1];
    const text = world.docText(id).body;
    expect(text).toContain('BÁO CÁO TỔNG HỢP');
    expect(text).toContain('Tỷ lệ che phủ rừng (tính lại từ tổng diện tích rừng và tổng diện tích tự nhiên của các xã): 39,27%.');
    expect(text).toContain('bảo hiểm y tế 2/3 xã');
    expect(text).toContain('Tỷ lệ tham gia bảo hiểm y tế: Phổ Nhơn (1 xã).');
    expect(text).toContain('Xã Phổ Ninh: ');
    expect(text).not.toContain('{{');
    // The template is a Doc the app made, recorded in «Cài đặt», and was not changed by the merge.
    const settings = JSON.stringify(tab(world, 'Cài đặt'));
    const templates = [...world.driveStore.files.values()].filter((f) => f.doc && f.id !== id);
    expect(templates).toHaveLength(1);
    expect(settings).toContain(templates[0].id);
    expect(world.docText(templates[0].id).body).toContain('{{tong.ty_le_che_phu_rung}}');
  });

  it('leaves no working tab, saved state or trigger behind', () => {
    expect(world.spreadsheet.sheets.map((s) => s.getName())).not.toContain('Tổng hợp (đang chạy)');
    expect(world.properties.document.data.size).toBe(0);
    expect(world.scriptApp.triggers).toHaveLength(0);
  });
});

describe('a commune’s own «Cài đặt»', () => {
  it('gives the size of its sào: areas typed in sào roll up in ha, in the same one batchGet; a Sheet without the tab is still read', () => {
    const { world, gas } = districtWorld();
    gas.call('onOpen', {});
    gas.call('setupDistrict');
    // Phổ Phong's natural area typed as 108 661 sào of 500 m² (5 433,05 ha, as in the sample), its «Cài đặt» saying 500.
    const base = communeGrid(COMMUNES[0]);
    const inSao = withCell(withCell(base, fieldCell(base, 'dien_tich_tu_nhien'), 108_661), fieldCell(base, 'dien_tich_tu_nhien', 'unit'), 'sào');
    const grids = [[...inSao.filter((s) => s.name !== SETTINGS_TAB), communeSettings(500)], communeGrid(COMMUNES[1]).filter((s) => s.name !== SETTINGS_TAB)];
    const ids = grids.map((g, i) => world.sheetsStore.add(`Báo cáo xã ${i}`, sheetsOf(g)).id);
    const list = world.spreadsheet.sheets.find((s) => s.getName() === 'Danh sách xã')!;
    list.getRange(2, 1, 2, 3).setValues([[1, 'Phổ Phong', world.sheetsStore.url(ids[0])], [2, 'Phổ Nhơn', world.sheetsStore.url(ids[1])]]);
    world.calls.reset();
    gas.call('rollUpCommunes');
    // One batchGet for the commune with the tab; the one without costs a tab listing and a second batchGet.
    expect(world.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(3);
    expect(world.calls.count('Sheets.Spreadsheets.get')).toBe(1);
    const rows = tab(world, 'Tổng hợp');
    const header = rows[0].map(String);
    const cover = header.findIndex((h) => h.startsWith('Tỷ lệ che phủ rừng'));
    const kind = defaultKind();
    const sample = runReport(kind, communeGrid(COMMUNES[0])).indicators.find((i) => i.key === 'ty_le_che_phu_rung')!;
    expect(rows[2][1]).toBe('Phổ Phong');
    expect(rows[2][cover] as number).toBeCloseTo(sample.value, 9);
    expect(rows[3][1]).toBe('Phổ Nhơn');
    expect(String(rows[3][2])).not.toMatch(/lỗi/);
  });
});

describe('reading a commune whose Sheet lacks a tab, or cannot be opened', () => {
  function twoCommunes(grids: ReturnType<typeof communeGrid>[], ids?: string[]) {
    const { world, gas } = districtWorld();
    gas.call('onOpen', {});
    gas.call('setupDistrict');
    const added = ids ?? grids.map((g, i) => world.sheetsStore.add(`Báo cáo xã ${i}`, sheetsOf(g)).id);
    const list = world.spreadsheet.sheets.find((sheet) => sheet.getName() === 'Danh sách xã')!;
    list.getRange(2, 1, 2, 3).setValues([[1, 'Phổ Phong', world.sheetsStore.url(added[0])], [2, 'Phổ Nhơn', world.sheetsStore.url(added[1] ?? '1NoSuchSheetxxxxxxxxxxxxxxxxxxxxxxxxxxxxx999')]]);
    world.calls.reset();
    return { world, gas };
  }

  it('a missing tab is found by listing the tabs whatever words Google uses for the failed batch', () => {
    // Phổ Phong's Sheet predates «Cài đặt»; Google's failure is worded otherwise than today's "Unable to parse range".
    const { world, gas } = twoCommunes([communeGrid(COMMUNES[0]).filter((sheet) => sheet.name !== SETTINGS_TAB), communeGrid(COMMUNES[1])]);
    world.calls.failNext('Sheets.Spreadsheets.Values.batchGet', new Error('GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: Range not found'));
    gas.call('rollUpCommunes');
    const rows = tab(world, 'Tổng hợp');
    expect(rows.slice(2, 4).map((r) => [r[1], String(r[2])])).toEqual([
      ['Phổ Phong', expect.not.stringMatching(/lỗi/)],
      ['Phổ Nhơn', expect.not.stringMatching(/lỗi/)],
    ]);
    // Phổ Phong: the failed batch, one listing, the batch again without «Cài đặt»; Phổ Nhơn: one batch.
    expect(world.calls.count('Sheets.Spreadsheets.get')).toBe(1);
    expect(world.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(3);
    expect(world.calls.pendingFailures()).toEqual({});
  });

  it('a Sheet the district cannot open is an error under its name with the batch’s own reason', () => {
    const { world, gas } = twoCommunes([communeGrid(COMMUNES[0])]);
    // The listing that follows the failed batch fails in its own words; those are not the ones to show.
    world.calls.failNext('Sheets.Spreadsheets.get', new Error('Listing refused'));
    gas.call('rollUpCommunes');
    const issues = tab(world, 'Lỗi của các xã').slice(1).filter((r) => r[0] === 'Phổ Nhơn');
    expect(issues.map((r) => [r[2], String(r[5])])).toEqual([['Lỗi', 'Không đọc được bảng tính của xã: Requested entity was not found.']]);
    expect(String(tab(world, 'Tổng hợp')[3][2])).toMatch(/lỗi: không tính vào tổng/);
  });
});

describe('a commune that reports by another kind', () => {
  it('is one error naming the kind its «Cài đặt» records, and stays out of the totals', () => {
    const { world, gas } = districtWorld();
    gas.call('onOpen', {});
    gas.call('setupDistrict');
    const ktxh = bundledKind('kinh-te-xa-hoi') as ReportKind;
    const other = [
      ...layoutWorkbook(ktxh, ktxh.sample).map((sheet) => ({ name: sheet.name, rows: structuredClone(sheet.rows) })),
      { name: SETTINGS_TAB, rows: [...communeSettings().rows, [KIND_SETTING_LABEL, ktxh.name, '']] },
    ];
    const ids = [communeGrid(COMMUNES[0]), other].map((g, i) => world.sheetsStore.add(`Báo cáo xã ${i}`, sheetsOf(g)).id);
    const list = world.spreadsheet.sheets.find((sheet) => sheet.getName() === 'Danh sách xã')!;
    list.getRange(2, 1, 2, 3).setValues([[1, 'Phổ Phong', world.sheetsStore.url(ids[0])], [2, 'Hòa Bình', world.sheetsStore.url(ids[1])]]);
    gas.call('rollUpCommunes');
    const issues = tab(world, 'Lỗi của các xã').slice(1).filter((r) => r[0] === 'Hòa Bình');
    expect(issues).toHaveLength(1);
    expect(issues[0][2]).toBe('Lỗi');
    expect(String(issues[0][5])).toContain(`làm theo loại báo cáo «${ktxh.name}»`);
    const rows = tab(world, 'Tổng hợp');
    expect(rows[3][1]).toBe('Hòa Bình');
    expect(String(rows[3][2])).toMatch(/lỗi: không tính vào tổng/);
  });
});

describe('time: 30 communes in one run, 300 through continuations', () => {
  it('30 communes roll up in one run within the budget', () => {
    const { world, gas } = districtWorld();
    listCommunes(world, gas, many(30));
    world.calls.reset();
    const start = world.clock.now();
    gas.call('rollUpCommunes');
    const elapsed = world.clock.now() - start;
    const kinds = countByKind(world.calls.snapshot());
    console.log(`district roll-up, 30 communes: one run, ${(elapsed / 1000).toFixed(1)} s on the fakes' clock (${kinds.api} API calls, ${kinds.documentApp} DocumentApp calls; budget for reading ${READ_BUDGET_S} s)`);
    expect(world.scriptApp.created).toBe(0);
    expect(world.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(30);
    expect(elapsed).toBeLessThan(60_000);
    expect(tab(world, 'Tổng hợp').length).toBe(2 + 30 + 1);
  });

  it('300 communes: the run saves where it is, a trigger continues it, nothing is read twice or lost', () => {
    const { world, gas } = districtWorld();
    listCommunes(world, gas, many(300));
    world.calls.reset();
    const start = world.clock.now();
    gas.call('rollUpCommunes');
    expect(world.ui.alerts.at(-1)?.prompt).toMatch(/^Đã đọc \d+\/300 xã và lưu lại\. Phần còn lại sẽ tự chạy tiếp/);
    expect(world.scriptApp.triggers).toHaveLength(1);
    expect(world.properties.document.data.size).toBeGreaterThan(0);
    let runs = 1;
    while (world.scriptApp.runNext((h) => gas.call(h))) runs += 1;
    const elapsed = world.clock.now() - start;
    console.log(`district roll-up, 300 communes: ${runs} runs (${runs - 1} continuation${runs > 2 ? 's' : ''}), ${(elapsed / 1000).toFixed(1)} s on the fakes' clock including the wait between runs; batchGet ${world.calls.count('Sheets.Spreadsheets.Values.batchGet')} (one per commune)`);
    expect(runs).toBeGreaterThan(1);
    expect(world.calls.count('Sheets.Spreadsheets.Values.batchGet')).toBe(300);
    const rows = tab(world, 'Tổng hợp');
    expect(rows.length).toBe(2 + 300 + 1);
    expect(rows.slice(2, 302).map((r) => r[1])).toEqual(many(300).map((s) => s.name));
    expect(rows[302][2]).toBe('300/300 xã được tính');
    const pauses = tab(world, 'Nhật ký').filter((r) => r[5] === 'Tạm dừng, tự chạy tiếp');
    expect(pauses).toHaveLength(runs - 1);
    expect(world.scriptApp.triggers.filter((t) => t.record.atMs !== Number.POSITIVE_INFINITY)).toHaveLength(0);
    expect(world.properties.document.data.size).toBe(0);
  }, 120_000);
});
