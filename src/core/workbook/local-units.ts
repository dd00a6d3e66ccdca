/**
 * Local units whose size depends on the region, set once per workbook in the «Cài đặt» tab: the sào is
 * 360 m² in the North (Bắc Bộ) and about 500 m² in the Centre (Trung Bộ). Both doors read the same row:
 * label in column A, the number of m² in column B.
 */
import type { Issue } from '../issues';
import type { LocalUnits } from '../units';
import { a1, isBlank, normaliseLabel, type SheetGrid, type WorkbookGrid } from './grid';
import { describeCell, parseNumber } from './parse-cell';

/** The tab of settings both doors share (Google keeps its template and folder there too). */
export const SETTINGS_TAB = 'Cài đặt';
export const SETTINGS_HEADER = ['Cài đặt', 'Giá trị', 'Ghi chú'] as const;
/** The row naming the Sheet's kind of report (Google's setup and `bao-cao init` write it; readers use it). */
export const KIND_SETTING_LABEL = 'Loại báo cáo';
export const KIND_SETTING_HELP = 'Tên hoặc mã loại báo cáo của bảng tính (ví dụ kinh-te-xa-hoi). Các lệnh bao-cao dùng loại này khi không ghi --kind.';

export const SAO_SETTING = {
  label: 'Diện tích 1 sào (m²)',
  /** A new workbook's value: the Northern sào, the one most clerks mean; the note says to change it. */
  defaultM2: 360,
  help: 'Số m² của 1 sào ở địa phương, để đổi các số ghi bằng sào sang ha: Bắc Bộ 360, Trung Bộ 500 (có nơi 497). Mặc định 360 (Bắc Bộ): xã ở Trung Bộ sửa thành 500.',
} as const;

/** Plausible sizes of a sào, in m² (the regional ones lie between 360 and 500). */
const SAO_RANGE = { min: 100, max: 2000 };

export interface LocalUnitSettings {
  units: LocalUnits;
  issues: Issue[];
}

/** Where a clerk sets the size of a sào, for messages. */
export const SAO_WHERE = `dòng «${SAO_SETTING.label}» của trang «${SETTINGS_TAB}» (cột A ghi «${SAO_SETTING.label}», cột B ghi số m²: Bắc Bộ 360, Trung Bộ 500)`;

/** The «Cài đặt» tab among a workbook's grids, if it has one. */
export function settingsGrid(workbook: WorkbookGrid): SheetGrid | undefined {
  return workbook.find((s) => normaliseLabel(s.name) === normaliseLabel(SETTINGS_TAB));
}

/** The 0-based row of the settings tab whose column A reads `label`, or -1. */
export function settingRow(settings: SheetGrid | undefined, label: string): number {
  const rows = Array.isArray(settings?.rows) ? settings.rows : [];
  return rows.findIndex((row) => Array.isArray(row) && typeof row[0] === 'string' && normaliseLabel(row[0]) === normaliseLabel(label));
}

/** The value of a setting's row (column B), trimmed, when it holds text. */
export function settingText(settings: SheetGrid | undefined, label: string): { value: string; row: number } | undefined {
  const r = settingRow(settings, label);
  const value = settings && r >= 0 ? settings.rows[r][1] : undefined;
  return typeof value === 'string' && value.trim() ? { value: value.trim(), row: r } : undefined;
}

/** Reads the local units from the settings tab; a size that is not a plausible number is warned about at its cell. */
export function readLocalUnits(settings: SheetGrid | undefined): LocalUnitSettings {
  const r = settingRow(settings, SAO_SETTING.label);
  if (!settings || r < 0) return { units: {}, issues: [] };
  const rows = settings.rows;
  const raw = rows[r][1] ?? null;
  if (isBlank(raw)) return { units: {}, issues: [] };
  const p = parseNumber(raw);
  if (p.ok && p.value >= SAO_RANGE.min && p.value <= SAO_RANGE.max) return { units: { saoM2: p.value }, issues: [] };
  return {
    units: {},
    issues: [
      {
        severity: 'warning',
        sheet: settings.name,
        cell: a1(r, 1),
        message: `«${SAO_SETTING.label}» phải là số m² của 1 sào, từ ${SAO_RANGE.min} đến ${SAO_RANGE.max} (Bắc Bộ 360, Trung Bộ 500), nhưng ô có ${describeCell(raw)}: các số ghi bằng sào sẽ không đổi được sang ha.`,
      },
    ],
  };
}
