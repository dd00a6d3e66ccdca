/**
 * The sào: an area a clerk may type, whose size in m² is the workbook's setting («Cài đặt», «Diện tích 1 sào
 * (m²)»). A figure in sào is read in the field's unit (ha) and written in ha; without a size it is an error
 * at its cell saying where to set it.
 */
import { describe, expect, it } from 'vitest';
import { convert, lookupUnit, unitsOf } from '../../src/core/units';
import { runReport } from '../../src/core/report/pipeline';
import { readWorkbook } from '../../src/core/workbook/read';
import { SAO_SETTING, SETTINGS_HEADER, SETTINGS_TAB } from '../../src/core/workbook/local-units';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/workbook/grid';
import { DVK, fieldCell, listCell, sampleGrid, withCell } from '../helpers/workbook';

const settings = (size: CellValue, label: string = SAO_SETTING.label): SheetGrid => ({ name: SETTINGS_TAB, rows: [[...SETTINGS_HEADER], [label, size, SAO_SETTING.help]] });

/** The sample with the natural area typed as `value` sào. */
function areaInSao(value: CellValue, ...extra: SheetGrid[]): WorkbookGrid {
  const g = sampleGrid();
  const withValue = withCell(g, fieldCell(g, 'dien_tich_tu_nhien'), value);
  return [...withCell(withValue, fieldCell(g, 'dien_tich_tu_nhien', 'unit'), 'sào'), ...extra];
}

describe('converting sào', () => {
  it('uses the size it is given, both ways, and refuses without one', () => {
    expect(convert(10, 'sào', 'ha', { saoM2: 360 })).toBe(0.36);
    expect(convert(10, 'Sào', 'ha', { saoM2: 500 })).toBe(0.5);
    expect(convert(1, 'ha', 'sào', { saoM2: 500 })).toBe(20);
    expect(convert(3, 'sao', 'm²', { saoM2: 360 })).toBe(1080);
    expect(() => convert(10, 'sào', 'ha')).toThrow();
    expect(lookupUnit('sào')?.dimension).toBe('area');
    expect(unitsOf('area')).toContain('sào');
  });
});

describe('reading a figure typed in sào', () => {
  it('is converted to ha with the size from «Cài đặt», in the figure and in what the report writes', () => {
    const run = runReport(DVK, areaInSao(108_661, settings(500)));
    expect(run.input.fields.dien_tich_tu_nhien.value).toBeCloseTo(5433.05, 9);
    const cover = (r: ReturnType<typeof runReport>) => r.indicators.find((i) => i.key === 'ty_le_che_phu_rung')?.text;
    expect(cover(run)).toMatch(/%/);
    expect(cover(run)).toBe(cover(runReport(DVK, sampleGrid())));
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // A list figure with its own unit column: the report writes ha, never a sào of unknown size.
    const g = sampleGrid();
    const at = listCell(g, 'khu_gpmb', 2, 'dien_tich');
    const list = withCell(withCell(g, at, 100), listCell(g, 'khu_gpmb', 2, 'don_vi_dien_tich'), 'sào');
    const read = readWorkbook(DVK, [...list, settings(360)]);
    const row = read.input.lists.khu_gpmb[2];
    expect(row.values.dien_tich).toBeCloseTo(3.6, 9);
    expect(row.entered.dien_tich?.unit).toBe('ha');
    expect(row.entered.dien_tich?.value).toBeCloseTo(3.6, 9);
  });

  it('the setting may be text typed the Vietnamese way, and its label spelt loosely', () => {
    const run = readWorkbook(DVK, areaInSao(1000, settings('497,5', '  diện tích 1 SÀO (m²) ')));
    expect(run.input.fields.dien_tich_tu_nhien.value).toBeCloseTo(49.75, 9);
  });

  it('without a size it is an error at the unit cell that says where to set it', () => {
    const g = sampleGrid();
    const unitCell = fieldCell(g, 'dien_tich_tu_nhien', 'unit');
    for (const grid of [areaInSao(100), areaInSao(100, settings(null)), areaInSao(100, { name: SETTINGS_TAB, rows: [[...SETTINGS_HEADER]] })]) {
      const run = readWorkbook(DVK, grid);
      const errors = run.issues.filter((i) => i.severity === 'error');
      expect(errors.map((i) => `${i.sheet}!${i.cell}`)).toEqual([`${unitCell.sheet}!${unitCell.cell}`]);
      expect(errors[0].message).toContain('chưa cho biết 1 sào bằng bao nhiêu m²');
      expect(errors[0].message).toContain(`«${SAO_SETTING.label}» của trang «${SETTINGS_TAB}»`);
      expect(run.input.fields.dien_tich_tu_nhien).toBeUndefined();
    }
  });

  it('a size that is not a plausible number is a warning at the setting, and the sào figure an error', () => {
    for (const bad of ['ba trăm sáu mươi', 0, 36_000, -360]) {
      const run = readWorkbook(DVK, areaInSao(100, settings(bad)));
      expect(run.issues.map((i) => `${i.severity} ${i.sheet}!${i.cell}`)).toEqual(['warning Cài đặt!B2', `error Tự nhiên!${fieldCell(sampleGrid(), 'dien_tich_tu_nhien', 'unit').cell}`]);
      expect(run.issues[0].message).toContain('Bắc Bộ 360, Trung Bộ 500');
    }
  });

  it('a workbook that uses no sào reads as before, whatever the setting says', () => {
    const before = runReport(DVK, sampleGrid());
    const after = runReport(DVK, [...sampleGrid(), settings(360)]);
    expect(after.input).toEqual(before.input);
    expect(after.issues).toEqual(before.issues);
  });
});

describe('a crop area typed with its unit in the cell (the crop lists have no unit column)', () => {
  const crop = (value: CellValue, ...extra: SheetGrid[]): WorkbookGrid => {
    const g = sampleGrid();
    return [...withCell(g, listCell(g, 'cay_trong', 0, 'dien_tich'), value), ...extra];
  };

  it('«120 sào» is read in ha with the size from «Cài đặt», and the report writes the number in ha', () => {
    const run = runReport(DVK, crop('120 sào', settings(500)));
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(run.input.lists.cay_trong[0].values.dien_tich).toBeCloseTo(6, 9);
    const items = run.data.cay_trong as { dien_tich: string }[];
    expect(items[0].dien_tich).toBe('6'); // the template writes «ha» after it
    expect(runReport(DVK, crop('6 ha')).input.lists.cay_trong[0].values.dien_tich).toBe(6);
    expect(runReport(DVK, crop('60.000 m²')).input.lists.cay_trong[0].values.dien_tich).toBe(6);
  });

  it('without a size, «120 sào» is an error at that cell saying where to set it; a unit of another kind is not a number', () => {
    const g = sampleGrid();
    const at = listCell(g, 'cay_trong', 0, 'dien_tich');
    const noSize = readWorkbook(DVK, crop('120 sào'));
    const errors = noSize.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: at.sheet, cell: at.cell });
    expect(errors[0].message).toContain(SAO_SETTING.label);
    const wrong = readWorkbook(DVK, crop('120 tấn', settings(360))).issues.filter((i) => i.severity === 'error');
    expect(wrong.map((i) => i.cell)).toEqual([at.cell]);
  });
});
