/**
 * The district's comparison table, the same for both doors: one row per commune, one column per indicator,
 * the district total, the status of each figure against its target; then each commune's issues and the
 * communes that missed each target. Values stay numbers (a workbook can sum and sort them); the district's
 * count of communes meeting a target is written as "2/3 xã".
 */
import type { Status } from '../indicators/types';
import { issueLine } from '../issues';
import type { Rollup } from './rollup';
import { RULE_LABEL } from './types';

export type TableCell = string | number;

export interface ComparisonTable {
  /** Indicator labels with their unit, after STT, Xã, Tình trạng. */
  header: string[];
  /** How each column rolls up ("Cộng", "Tính lại từ tổng", …), '' for the first three. */
  rules: string[];
  /** Indicator keys, for readers that match columns by key. */
  keys: string[];
  rows: TableCell[][];
  /** Status per cell of `rows` ('' where none), for shading. */
  statuses: (Status | '')[][];
  total: TableCell[];
}

export const FIXED_COLUMNS = ['STT', 'Xã', 'Tình trạng'];
export const TOTAL_LABEL = 'Toàn huyện';

export function communeState(errors: number, warnings: number): string {
  if (errors > 0) return `${errors} lỗi: không tính vào tổng`;
  return warnings > 0 ? `Hợp lệ (${warnings} cảnh báo)` : 'Hợp lệ';
}

export function comparisonTable(rollup: Rollup): ComparisonTable {
  const cols = rollup.columns;
  const header = [...FIXED_COLUMNS, ...cols.map((c) => (c.unit ? `${c.label} (${c.unit})` : c.label))];
  const rules = [...FIXED_COLUMNS.map(() => ''), ...cols.map((c) => (c.rule ? RULE_LABEL[c.rule] : 'Không tổng hợp'))];
  const rows: TableCell[][] = [];
  const statuses: (Status | '')[][] = [];
  rollup.communes.forEach((c, i) => {
    rows.push([i + 1, c.name, communeState(c.errors, c.warnings), ...cols.map((col) => c.values[col.key]?.value ?? '')]);
    statuses.push([...FIXED_COLUMNS.map(() => '' as const), ...cols.map((col) => c.values[col.key]?.status ?? '')]);
  });
  const total: TableCell[] = [
    '',
    TOTAL_LABEL,
    `${rollup.included}/${rollup.communes.length} xã được tính`,
    ...cols.map((col) => {
      const t = rollup.totals[col.key];
      if (!t || t.value === null) return '';
      return t.rule === 'countMet' ? t.text : t.value;
    }),
  ];
  return { header, rules, keys: cols.map((c) => c.key), rows, statuses, total };
}

export const ISSUES_HEADER = ['Xã', 'Nguồn', 'Mức', 'Trang', 'Ô', 'Nội dung'];

/** Every commune's issues, under its name: one row each. */
export function issuesTable(rollup: Rollup): string[][] {
  const rows: string[][] = [];
  for (const c of rollup.communes) {
    for (const i of c.issues) rows.push([c.name, c.source, i.severity === 'error' ? 'Lỗi' : 'Cảnh báo', i.sheet, i.cell, i.message]);
  }
  return rows;
}

export const MISSED_HEADER = ['Chỉ tiêu', 'Số xã chưa đạt', 'Các xã chưa đạt'];

/** For each indicator with a target, the communes that missed it (only indicators some commune missed). */
export function missedTable(rollup: Rollup): TableCell[][] {
  return rollup.columns.flatMap((c) => {
    const missed = rollup.totals[c.key]?.missed ?? [];
    return missed.length > 0 ? [[c.label, missed.length, missed.join(', ')]] : [];
  });
}

/** The issues as the CLI prints them: the commune's name, then its lines. */
export function issuesByCommune(rollup: Rollup): string[] {
  return rollup.communes.filter((c) => c.issues.length > 0).flatMap((c) => [`${c.name} (${c.source}):`, ...c.issues.map((i) => `  ${issueLine(i)}`)]);
}
