import type { CellValue, WorkbookGrid } from '../../src/core/workbook/grid';

/** The fake Sheet's tab dumps as the core's grids (dates to their day in the Sheet's zone, blanks to null). */
export function readReportGridsFromDumps(tabs: Record<string, unknown[][]>, sheetZone: string): WorkbookGrid {
  return Object.entries(tabs).map(([name, rows]) => ({ name, rows: rows.map((r) => r.map((v) => toCell(v, sheetZone))) }));
}

function toCell(v: unknown, zone: string): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(v));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return { year: get('year'), month: get('month'), day: get('day') };
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}
