import type { CellValue, WorkbookGrid } from '../../src/core/workbook/grid';

/** The fake Sheet's tab dumps as the core's grids (dates to calendar dates, blanks to null). */
export function readReportGridsFromDumps(tabs: Record<string, unknown[][]>): WorkbookGrid {
  return Object.entries(tabs).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map(toCell)) }));
}

function toCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const d = new Date(v);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}
