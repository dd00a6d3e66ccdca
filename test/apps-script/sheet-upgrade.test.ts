/**
 * «Thiết lập bảng tính» on a Sheet in use, on the built bundle and the Google fakes: a Sheet made from an
 * older definition (a row, a column and a tab missing, figures changed elsewhere) gets what is missing,
 * listed to the clerk, and every entered value stays as it was.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/core/workbook/read';
import { readReportGridsFromDumps } from './clerk-day-helpers';
import { Button, createGoogleWorld } from '../fakes/index';
import { loadBundle } from '../fakes/load-bundle';
import { DVK } from '../helpers/workbook';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

const lenient = { tabs: DVK.tabs.map((t) => ({ ...t, blocks: t.blocks.map((b) => (b.type === 'list' ? { ...b, columns: b.columns.map((c) => ({ ...c, optional: true })) } : b)) })) };

describe('Thiết lập bảng tính on a Sheet made from an older definition', () => {
  it('adds the missing tab, row and column, lists them, and keeps every entered value', () => {
    const world = createGoogleWorld();
    const gas = loadBundle(world);
    world.ui.answerNext(Button.YES);
    gas.call('setupWorkbook');
    const ss = world.spreadsheet;
    const sheet = (name: string) => ss.sheets.find((s) => s.getName() === name) as (typeof ss.sheets)[number];

    // Make it old: drop «Nơi nhận», the «Dân số» row and the «Kết quả» column; change two figures.
    ss.deleteSheet(sheet('Nơi nhận') as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    const info = sheet('Thông tin chung');
    const rows = info.dump();
    const pop = rows.findIndex((r) => r[0] === 'dan_so');
    // The rows below «Dân số» move up one, as when a clerk deletes the row; the last row is left blank.
    const shifted = [...rows.slice(0, pop), ...rows.slice(pop + 1), rows[0].map(() => '')];
    shifted[shifted.findIndex((r) => r[0] === 'ten_xa')][2] = 'Tân Mỹ';
    info.getRange(1, 1, shifted.length, shifted[0].length).setValues(shifted);
    const models = sheet('Mô hình Dân vận khéo');
    const m = models.dump();
    const col = (m.find((r) => r.includes('Kết quả')) ?? []).indexOf('Kết quả');
    expect(col).toBeGreaterThan(0);
    models.getRange(1, col + 1, m.length, 1).setValues(m.map(() => ['']));

    const tabs = () => Object.fromEntries(ss.sheets.filter((s) => DVK.tabs.some((t) => t.name === s.getName())).map((s) => [s.getName(), JSON.parse(JSON.stringify(s.dump()))]));
    const before = readWorkbook(lenient, readReportGridsFromDumps(tabs(), world.spreadsheet.timeZone));
    expect(before.input.fields.ten_xa.value).toBe('Tân Mỹ');
    expect(before.input.fields.dan_so).toBeUndefined();

    gas.call('setupWorkbook');
    expect(world.ui.alerts.at(-1)?.prompt).toBe(
      'Đã thêm những gì loại báo cáo có mà bảng tính còn thiếu (không di chuyển, không sửa số liệu đã nhập):\n' +
        '- dòng «Dân số» (bảng «THÔNG TIN CHUNG», trang «Thông tin chung»)\n' +
        '- cột «Kết quả» (bảng «MÔ HÌNH DÂN VẬN KHÉO», trang «Mô hình Dân vận khéo»)\n' +
        '- trang «Nơi nhận»',
    );
    const after = readWorkbook({ tabs: DVK.tabs }, readReportGridsFromDumps(tabs(), world.spreadsheet.timeZone));
    expect(after.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}: ${i.message.split(':')[0]}`)).toEqual([
      'Thông tin chung: Chưa nhập «Dân số»',
      'Nơi nhận: Bảng «NƠI NHẬN» chưa có dòng nào',
    ]);
    for (const [key, f] of Object.entries(before.input.fields)) expect(after.input.fields[key]?.value, key).toEqual(f.value);
    for (const [key, r] of Object.entries(before.input.rates)) expect([after.input.rates[key]?.start, after.input.rates[key]?.end], key).toEqual([r.start, r.end]);
    for (const [key, list] of Object.entries(before.input.lists)) expect(after.input.lists[key]?.map((r) => r.values), key).toEqual(list.map((r) => r.values));

    const settled = JSON.stringify(tabs());
    gas.call('setupWorkbook');
    expect(world.ui.alerts.at(-1)?.prompt).toContain('Giữ nguyên');
    expect(JSON.stringify(tabs())).toBe(settled);
  });
});
