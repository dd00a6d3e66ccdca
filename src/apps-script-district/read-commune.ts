/**
 * One commune's Sheet read with ONE Sheets API call: Spreadsheets.Values.batchGet of every tab the report
 * uses. Values come unformatted (numbers as numbers, as getValues gives them) and dates as the Sheet
 * writes them ("25/05/2023"), which the core reads as dates. A tab the commune's Sheet lacks makes the
 * whole batch fail; only then one Spreadsheets.get lists the tabs that exist and the batch is asked again
 * without the missing ones, so the core reports the missing tab like any other.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../core/workbook/grid';
import { normaliseLabel } from '../core/workbook/grid';
import { withBackoff } from '../apps-script/retry';
import { DISTRICT_MSG as M } from './messages';

const ERROR_VALUE = /^#(DIV\/0!|N\/A|REF!|VALUE!|NAME\?|NUM!|NULL!|ERROR!)$/;

function sheetsService(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets) throw new Error(M.serviceMissing);
  return Sheets;
}

/** A1 range of a whole tab, quoted the way the API wants ('It''s'). */
function rangeOf(tab: string): string {
  return `'${tab.replace(/'/g, "''")}'`;
}

function cellOf(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const text = String(v);
  return ERROR_VALUE.test(text) ? { error: text } : text;
}

function batch(id: string, tabs: readonly string[]): SheetGrid[] {
  const res = withBackoff(() =>
    sheetsService().Spreadsheets.Values.batchGet(id, { ranges: tabs.map(rangeOf), valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING', majorDimension: 'ROWS' }),
  );
  return (res.valueRanges ?? []).map((vr, i) => ({ name: tabs[i], rows: (vr.values ?? []).map((row) => row.map(cellOf)) }));
}

/** The report's tabs of one commune's Sheet (found by name as a clerk writes it: case and spacing ignored). */
export function readCommuneGrid(id: string, tabs: readonly string[]): WorkbookGrid {
  let failure: unknown;
  try {
    return batch(id, tabs);
  } catch (e) {
    failure = e;
  }
  // Google words a missing tab "Unable to parse range", but that wording is not documented: whatever the
  // batch failed with, one listing of the tabs tells whether one is missing or named differently. When none
  // is, or the listing fails too (no access, say), the batch's own error is the one to report.
  let titles: string[];
  try {
    titles = (withBackoff(() => sheetsService().Spreadsheets.get(id, { fields: 'sheets.properties.title' })).sheets ?? []).map((s) => s.properties?.title ?? '');
  } catch {
    throw failure;
  }
  const present = tabs.flatMap((t) => titles.filter((title) => normaliseLabel(title) === normaliseLabel(t)).slice(0, 1));
  if (present.length === tabs.length && present.every((title, i) => title === tabs[i])) throw failure;
  return present.length > 0 ? batch(id, present) : [];
}
