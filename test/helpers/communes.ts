import type { CellValue, SheetGrid, WorkbookGrid } from '../../src/core/workbook/grid';
import { SAO_SETTING, SETTINGS_HEADER, SETTINGS_TAB } from '../../src/core/workbook/local-units';
import type { SampleData } from '../../src/core/workbook/layout';
import { fieldCell, rateCell, sampleGrid, withCell } from './workbook';

/**
 * Sample communes for the district roll-up: the sample (Phổ Phong) and variations of it, one with an error.
 * Tests compute every district figure by hand from the numbers written here.
 */
export interface CommuneSpec {
  name: string;
  fields: Record<string, CellValue>;
  rates: Record<string, { start?: number; end?: number }>;
}

export const COMMUNES: CommuneSpec[] = [
  { name: 'Phổ Phong', fields: {}, rates: {} },
  {
    name: 'Phổ Nhơn',
    fields: { dien_tich_rung: 2500, dien_tich_tu_nhien: 5000, dan_so: 12000, tong_san_luong_luong_thuc: 20000, don_tiep_nhan: 50, don_giai_quyet: 40, tiep_dan_tru_so: 50, tiep_dan_luu_dong: 10 },
    rates: { ho_ngheo: { end: 2.2 }, bao_hiem_y_te: { end: 88 }, suy_dinh_duong: { end: 5 } },
  },
  {
    name: 'Phổ Thuận',
    fields: { dien_tich_rung: 100, dien_tich_tu_nhien: 1000, dan_so: 5000, tong_san_luong_luong_thuc: 5000, don_tiep_nhan: 10, don_giai_quyet: 10, tiep_dan_tru_so: 20, tiep_dan_luu_dong: 0, gia_tri_1ha: 76 },
    rates: { ho_ngheo: { end: 4.7 }, bao_hiem_y_te: { end: 95 }, suy_dinh_duong: { end: 6 } },
  },
  { name: 'Phổ Ninh', fields: { dien_tich_tu_nhien: 'nhiều lắm' }, rates: {} },
];

/** A commune's «Cài đặt» tab, as «Thiết lập bảng tính» and `init` make it: the size of its sào. */
export function communeSettings(saoM2: number = SAO_SETTING.defaultM2): SheetGrid {
  return { name: SETTINGS_TAB, rows: [[...SETTINGS_HEADER], [SAO_SETTING.label, saoM2, SAO_SETTING.help]] };
}

/** The sample's grid with the commune's name and changes, and its «Cài đặt» tab. */
export function communeGrid(spec: CommuneSpec): WorkbookGrid {
  let grid = sampleGrid();
  const set = (at: ReturnType<typeof fieldCell>, v: CellValue) => {
    grid = withCell(grid, at, v);
  };
  set(fieldCell(grid, 'ten_xa'), spec.name);
  for (const [key, value] of Object.entries(spec.fields)) set(fieldCell(grid, key), value);
  for (const [key, r] of Object.entries(spec.rates)) {
    if (r.start !== undefined) set(rateCell(grid, key, 'start'), r.start);
    if (r.end !== undefined) set(rateCell(grid, key, 'end'), r.end);
  }
  return [...grid, communeSettings()];
}

/** The kind's sample with the commune's changes, as `bao-cao init --sample` would lay it out. */
export function communeSample(sample: SampleData, spec: CommuneSpec): SampleData {
  const s = structuredClone(sample);
  const set = (key: string, value: string | number) => {
    const cur = s.fields[key];
    s.fields[key] = cur !== null && typeof cur === 'object' ? { ...cur, value } : value;
  };
  set('ten_xa', spec.name);
  for (const [key, value] of Object.entries(spec.fields)) set(key, value as string | number);
  for (const [key, r] of Object.entries(spec.rates)) s.rates[key] = { ...s.rates[key], ...(r.start !== undefined ? { start: r.start } : {}), ...(r.end !== undefined ? { end: r.end } : {}) };
  return s;
}
