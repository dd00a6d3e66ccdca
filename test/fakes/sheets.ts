/**
 * The Sheets advanced service v4 (`Sheets`), over spreadsheets other than the bound one: the communes'
 * Sheets a district reads. Behaviour from the Sheets API v4 reference (spreadsheets.values.batchGet,
 * spreadsheets.get, "ValueRenderOption", "DateTimeRenderOption"), call shapes from the DTS
 * (@types/google-apps-script apis/sheets_v4.d.ts). Modeled on purpose:
 *
 * - batchGet answers one ValueRange per requested range, in order; trailing empty cells of a row and
 *   trailing empty rows are left out (the API omits them); a range naming a tab that does not exist fails
 *   the whole call with 400 "Unable to parse range: <range>".
 * - UNFORMATTED_VALUE gives numbers as numbers (a percent cell as its fraction, as getValues does);
 *   dates follow dateTimeRenderOption: FORMATTED_STRING gives "dd/MM/yyyy" (a Vietnamese-locale Sheet),
 *   SERIAL_NUMBER the day count from 30/12/1899.
 * - A spreadsheet the user cannot open answers 404 "Requested entity was not found." (403 when shared
 *   but not with this user: "The caller does not have permission").
 * - Scopes: any of spreadsheets.readonly, spreadsheets, drive.readonly, drive; `spreadsheets.currentonly`
 *   does not reach advanced services (design notes).
 * - Each call costs an API round trip on the fake clock (runtime.ts: callCosts.apiMs, 300 ms by default).
 */
import { googleJsonError } from './drive';
import { Runtime, SCOPE, asGas, isDate } from './runtime';

export const SHEETS_SCOPE = {
  readonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  driveReadonly: 'https://www.googleapis.com/auth/drive.readonly',
} as const;

export interface OtherSpreadsheet {
  id: string;
  name: string;
  tabs: Record<string, unknown[][]>;
  /** false: exists but not shared with the user (403). */
  shared: boolean;
}

export class SheetsStore {
  readonly spreadsheets = new Map<string, OtherSpreadsheet>();
  constructor(private readonly rt: Runtime) {}
  /** Test helper: a Sheet the user can open, with its tabs' values from A1. */
  add(name: string, tabs: Record<string, unknown[][]>, opts: { shared?: boolean; id?: string } = {}): OtherSpreadsheet {
    const id = opts.id ?? this.rt.newId('1ss');
    const s = { id, name, tabs, shared: opts.shared ?? true };
    this.spreadsheets.set(id, s);
    return s;
  }
  url(id: string): string {
    return `https://docs.google.com/spreadsheets/d/${id}/edit`;
  }
}

type ValuesCollection = GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;

function fail(rt: Runtime, api: string, message: string, code: number): Error {
  return googleJsonError(rt, api, message, code);
}

function enter(rt: Runtime, key: string, api: string): void {
  rt.hit('Sheets', key); // an API round trip on the fake clock (runtime.ts, callKind)
  rt.requireAuth(`Sheets.${key}`, SHEETS_SCOPE.readonly, SCOPE.spreadsheets, SHEETS_SCOPE.driveReadonly, SCOPE.drive);
  void api;
}

function open(rt: Runtime, store: SheetsStore, api: string, id: string): OtherSpreadsheet {
  const s = store.spreadsheets.get(id);
  if (!s) throw fail(rt, api, 'Requested entity was not found.', 404);
  if (!s.shared) throw fail(rt, api, 'The caller does not have permission', 403);
  return s;
}

/** "'Thông tin chung'!A1:Z" or "Thông tin chung" -> the tab name. */
function tabOf(range: string): string {
  const bang = range.lastIndexOf('!');
  const sheet = bang >= 0 ? range.slice(0, bang) : range;
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

function serial(d: Date): number {
  return (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function render(v: unknown, dates: string): unknown {
  if (isDate(v)) {
    const d = v as Date;
    return dates === 'SERIAL_NUMBER' ? serial(d) : `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
  }
  if (v === null || v === undefined) return '';
  return v;
}

function trimmed(rows: unknown[][], dates: string): unknown[][] {
  const out = rows.map((r) => {
    const row = r.map((v) => render(v, dates));
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    return row;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

class FakeValues implements Pick<ValuesCollection, 'batchGet'> {
  constructor(
    private readonly rt: Runtime,
    private readonly store: SheetsStore,
  ) {}
  /** Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {ranges, valueRenderOption, dateTimeRenderOption}). */
  batchGet(spreadsheetId: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    const api = 'sheets.spreadsheets.values.batchGet';
    enter(this.rt, 'Spreadsheets.Values.batchGet', api);
    const s = open(this.rt, this.store, api, spreadsheetId);
    const opts = (optionalArgs ?? {}) as { ranges?: string | string[]; dateTimeRenderOption?: string };
    const ranges = Array.isArray(opts.ranges) ? opts.ranges : opts.ranges ? [opts.ranges] : [];
    const valueRanges = ranges.map((range) => {
      const tab = tabOf(range);
      if (!(tab in s.tabs)) throw fail(this.rt, api, `Unable to parse range: ${range}`, 400);
      const values = trimmed(s.tabs[tab], opts.dateTimeRenderOption ?? 'SERIAL_NUMBER');
      const vr: Record<string, unknown> = { range: `'${tab}'!A1:Z${Math.max(1, values.length)}`, majorDimension: 'ROWS' };
      if (values.length > 0) vr.values = values;
      return vr;
    });
    return asGas({ spreadsheetId, valueRanges });
  }
}

class FakeSpreadsheets {
  readonly Values: ValuesCollection;
  constructor(
    private readonly rt: Runtime,
    private readonly store: SheetsStore,
  ) {
    this.Values = asGas(new FakeValues(rt, store));
  }
  /** Sheets.Spreadsheets.get(id, {fields}): the properties and the tabs' titles (grid data is not modeled). */
  get(spreadsheetId: string): GoogleAppsScript.Sheets.Schema.Spreadsheet {
    const api = 'sheets.spreadsheets.get';
    enter(this.rt, 'Spreadsheets.get', api);
    const s = open(this.rt, this.store, api, spreadsheetId);
    return asGas({ spreadsheetId, properties: { title: s.name }, sheets: Object.keys(s.tabs).map((title, index) => ({ properties: { title, index } })) });
  }
}

/** The `Sheets` global (advanced service v4). */
export class FakeSheets {
  readonly Spreadsheets: GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
  constructor(rt: Runtime, store: SheetsStore) {
    this.Spreadsheets = asGas(new FakeSpreadsheets(rt, store));
  }
}
