/**
 * The blank Sheet «Thiết lập bảng tính» makes, on the built bundle and the Google fakes: small grey keys
 * under a warning-only protection, notes on date, choice and unit cells, choice lists down the whole list,
 * frozen header rows where a tab has one table, and a handful of calls per tab, none per cell.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledKinds } from '../../src/kinds/bundled';
import { EXAMPLE_MARK, layoutWorkbook, LIST_LAST_ROW } from '../../src/core/workbook/layout';
import { readWorkbook } from '../../src/core/workbook/read';
import { readReportGridsFromDumps } from './clerk-day-helpers';
import { Button, createGoogleWorld } from '../fakes/index';
import { loadBundle } from '../fakes/load-bundle';
import { DVK, emptyGrid } from '../helpers/workbook';
import { SAO_SETTING, SETTINGS_TAB } from '../../src/core/workbook/local-units';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

function blankSheet() {
  const world = createGoogleWorld();
  const gas = loadBundle(world);
  world.ui.answerPromptNext(String(bundledKinds().findIndex((k) => k.id === DVK.id) + 1), Button.OK);
  world.ui.answerNext(Button.NO); // no sample
  world.calls.reset();
  gas.call('setupWorkbook');
  const sheet = (name: string) => world.spreadsheet.sheets.find((s) => s.getName() === name) as (typeof world.spreadsheet.sheets)[number];
  return { world, sheet };
}

describe('Thiết lập bảng tính on a blank Sheet', () => {
  it('keys are small, grey and under a warning-only protection with their labels', () => {
    const { sheet } = blankSheet();
    const info = sheet('Thông tin chung');
    const key = info.dump().findIndex((r) => r[0] === 'ten_xa') + 1;
    expect(info.cell(key, 1)?.fontColor).toBe('#808080');
    expect(info.cell(key, 1)?.fontSize).toBe(9);
    expect(info.cell(key, 3)?.fontColor).toBe('#000000'); // the value cell stays plain
    const guard = info.protections.find((p) => p.range.box.row <= key && key < p.range.box.row + p.range.box.rows);
    expect(guard?.warningOnly).toBe(true);
    expect(guard?.range.box).toMatchObject({ col: 1, cols: 2 });
    // Lists have no key: nothing of «Nơi nhận» is protected.
    expect(sheet('Nơi nhận').protections).toHaveLength(0);
  });

  it('notes on date, choice and yield-unit cells', () => {
    const { sheet } = blankSheet();
    const info = sheet('Thông tin chung');
    const date = info.dump().findIndex((r) => r[0] === 'ngay_bao_cao') + 1;
    expect(info.cell(date, 3)?.note).toContain('ngày/tháng/năm');
    const farm = sheet('Nông nghiệp');
    const header = farm.dump().findIndex((r) => r.includes('Đơn vị năng suất')) + 1;
    const unitCol = farm.dump()[header - 1].indexOf('Đơn vị năng suất') + 1;
    expect(farm.cell(header, unitCol)?.note).toContain('tạ/ha');
    const groupCol = farm.dump()[header - 1].indexOf('Nhóm') + 1;
    expect(farm.cell(header, groupCol)?.note).toContain('Cây chính');
  });

  it('choice lists cover the whole list, down to the last row of a list that ends its tab', () => {
    const { sheet } = blankSheet();
    const to = sheet('Nơi nhận');
    const header = to.dump().findIndex((r) => r.includes('Quyền khi chia sẻ')) + 1;
    const col = to.dump()[header - 1].indexOf('Quyền khi chia sẻ') + 1;
    for (const row of [header + 1, header + 20, LIST_LAST_ROW]) {
      const rule = to.cell(row, col)?.validation;
      expect(rule?.values[0]).toEqual(['Xem', 'Nhận xét', 'Chỉnh sửa']); // getCriteriaValues: [list, showDropdown]
      expect(rule?.allowInvalid).toBe(false);
    }
    expect(to.cell(header, col)?.validation ?? null).toBeNull(); // not the header
    // A unit list warns only.
    const farm = sheet('Nông nghiệp');
    const fh = farm.dump().findIndex((r) => r.includes('Đơn vị năng suất')) + 1;
    const unit = farm.cell(fh + 1, farm.dump()[fh - 1].indexOf('Đơn vị năng suất') + 1)?.validation;
    expect(unit?.values[0]).toEqual(expect.arrayContaining(['tạ/ha', 'tấn/ha']));
    expect(unit?.allowInvalid).toBe(true);
  });

  it('freezes down to the header where a tab has one table, nothing where it has several', () => {
    const { sheet } = blankSheet();
    for (const layout of layoutWorkbook(DVK)) {
      const frozen = sheet(layout.name).frozenRows;
      if (layout.blocks.length === 1) expect([layout.name, frozen]).toEqual([layout.name, layout.blocks[0].headerRow + 1]);
      else expect([layout.name, frozen]).toEqual([layout.name, 0]);
    }
  });

  it('writes formats, notes and choice lists in a few calls per tab, never one per cell', () => {
    const { world } = blankSheet();
    const tabs = DVK.tabs.length;
    const choiceColumns = layoutWorkbook(DVK).reduce((n, s) => n + s.blocks.reduce((m, b) => m + new Set(b.choices.map((c) => c.column)).size, 0), 0);
    for (const method of ['setNotes', 'setFontColors', 'setFontSizes', 'setBackgrounds', 'setFontWeights']) expect([method, world.calls.count(`Range.${method}`)]).toEqual([method, tabs]);
    expect(world.calls.count('Range.setNote')).toBe(0);
    expect(world.calls.count('Range.setDataValidation')).toBe(0);
    expect(world.calls.count('Range.setDataValidations')).toBe(choiceColumns);
  });
});

describe('the size of a sào in «Cài đặt», on the Google door', () => {
  function sampleSheet() {
    const world = createGoogleWorld();
    const gas = loadBundle(world);
    world.ui.answerPromptNext(String(bundledKinds().findIndex((k) => k.id === DVK.id) + 1), Button.OK);
    world.ui.answerNext(Button.YES); // with the sample
    gas.call('setupWorkbook');
    const sheet = (name: string) => world.spreadsheet.sheets.find((s) => s.getName() === name) as (typeof world.spreadsheet.sheets)[number];
    const nature = sheet('Tự nhiên');
    const row = nature.dump().findIndex((r) => r[0] === 'dien_tich_tu_nhien') + 1;
    nature.getRange(row, 3, 1, 2).setValues([[150000, 'sào']]);
    return { world, gas, sheet };
  }
  const cover = (tab: unknown[][]) => tab.find((r) => r[0] === 'ty_le_che_phu_rung')?.join(' | ') ?? '';

  it('set-up writes the row with 360; a figure in sào is read in ha with it', () => {
    const { world, gas, sheet } = sampleSheet();
    const row = sheet(SETTINGS_TAB).dump().find((r) => r[0] === SAO_SETTING.label);
    expect(row?.slice(0, 2)).toEqual([SAO_SETTING.label, '360']);
    gas.call('computeIndicators');
    expect(world.ui.alerts.at(-1)?.prompt).not.toContain('lỗi');
    // 1 890,3 ha of forest over 150 000 sào of 360 m² (5 400 ha).
    expect(cover(sheet('Chỉ tiêu').dump())).toContain('35,01');
  });

  it('blanked, the figure in sào is an error and the indicators that need it wait', () => {
    const { world, gas, sheet } = sampleSheet();
    const settings = sheet(SETTINGS_TAB);
    const r = settings.dump().findIndex((row) => row[0] === SAO_SETTING.label) + 1;
    settings.getRange(r, 2).setValue('');
    gas.call('computeIndicators');
    expect(world.ui.alerts.at(-1)?.prompt).toContain('Còn 1 lỗi số liệu');
    expect(cover(sheet('Chỉ tiêu').dump())).not.toContain('35,01');
  });
});

describe('the example row of each list, on the Google door', () => {
  it('is grey and marked at its right, and never read: the blank Sheet reads as one without it', () => {
    const { world, sheet } = blankSheet();
    const farm = sheet('Nông nghiệp');
    const rows = farm.dump();
    const example = rows.findIndex((r) => r.includes(EXAMPLE_MARK));
    expect(example).toBeGreaterThan(0);
    expect(rows[example].slice(0, 2)).toEqual(['Lúa', 'Cây chính']);
    expect(farm.cell(example + 1, 1)?.fontColor).toBe('#808080');
    const tabs = Object.fromEntries(world.spreadsheet.sheets.filter((s) => DVK.tabs.some((t) => t.name === s.getName())).map((s) => [s.getName(), JSON.parse(JSON.stringify(s.dump()))]));
    const read = readWorkbook(DVK, readReportGridsFromDumps(tabs, world.spreadsheet.timeZone));
    for (const list of Object.values(read.input.lists)) expect(list).toEqual([]);
    expect(read.issues.map((i) => i.message)).toEqual(readWorkbook(DVK, emptyGrid()).issues.map((i) => i.message));
  });
});
