import type { CalendarDate } from '../format/date';
import type { Target } from '../workbook/parse-cell';

/** Where a figure was read from, so every message and indicator can point back at it. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export type FieldValue = number | string | CalendarDate | Target;

export interface Field {
  value: FieldValue;
  /** The unit the value is kept in (the definition's unit, after conversion). */
  unit?: string;
  ref: CellRef;
}

export interface Rate {
  start: number;
  end: number;
  target: Target;
  ref: CellRef;
}

export interface ListRow {
  /** Values by column key; numbers converted to the column's unit; null where optional and blank. */
  values: Record<string, number | string | null>;
  /** The figure as the clerk typed it, with the unit typed ("23.000.000 đồng"), by column key. */
  entered: Record<string, { value: number; unit: string }>;
  /** 1-based row number on the tab. */
  row: number;
  /** A1 cell of each column of the row, by column key. */
  cells: Record<string, string>;
  sheet: string;
}

/** A row of a plan-and-results table, as read (numbers in the row's unit). */
export interface PlanRow {
  key: string;
  label: string;
  kind: 'number' | 'count' | 'percent';
  unit: string;
  lowerIsBetter?: boolean;
  plan?: number;
  actual: number;
  lastYear?: number;
  /** Marked «ước» in the workbook: the prose says "ước thực hiện". */
  estimated: boolean;
  note: string;
  refs: { actual: CellRef; plan?: CellRef; lastYear?: CellRef };
}

/** The typed figures of a workbook: only values that passed validation are present. */
export interface ReportInput {
  fields: Record<string, Field>;
  rates: Record<string, Rate>;
  lists: Record<string, ListRow[]>;
  /** Plan-and-results tables by block key, rows in the kind's order. */
  plans: Record<string, PlanRow[]>;
}
