import type { Dimension } from '../units';
import type { Constraint } from './constraints';
import type { PlanRollupRule } from '../rollup/types';

/**
 * The shape of a report definition: tabs made of blocks, each block a titled table on the tab.
 * The definition is data (definition.ts); the reader, the workbook layout, the Apps Script set-up and the
 * indicators all work from it, so adding a figure is one entry there.
 */

export type ValueKind =
  | 'number' // any non-negative figure
  | 'count' // whole, non-negative
  | 'percent' // 0-100
  | 'text'
  | 'date'
  | 'target' // a Resolution target: "≥ 90", "≤ 6", "85-90", "giảm"
  | 'email'
  | 'choice' // one of `choices`
  | 'year'; // a calendar year, written as typed: 2021, never 2.021

export interface ValueSpec {
  kind: ValueKind;
  /** For number kinds: the dimension the unit column may name, and the unit the value is kept in. */
  dimension?: Dimension;
  unit?: string;
  /** Allowed values for 'choice'. */
  choices?: string[];
  /** A figure that may be negative (a change). */
  signed?: boolean;
}

/** A single figure: one row of a fields block, found by its key in column A. */
export interface FieldDef extends ValueSpec {
  key: string;
  /** Keys the field had before (a renamed field): a workbook made then still reads by them. */
  formerKeys?: string[];
  label: string;
  required: boolean;
  /** A short help note shown to the clerk (cell note in Sheets). */
  help?: string;
}

/** A rate followed over the period: start value, end value and the Resolution target. */
export interface RateDef {
  key: string;
  label: string;
  required: boolean;
  help?: string;
}

export interface ColumnDef extends ValueSpec {
  key: string;
  label: string;
  required: boolean;
  /** The unit this column's figure is in is named by another column (e.g. "Đơn vị năng suất"). */
  unitColumn?: string;
  /** The column may be missing from the tab (a workbook made before it was added): its values read as blank. */
  optional?: boolean;
}

export interface FieldsBlock {
  type: 'fields';
  title: string;
  fields: FieldDef[];
}

export interface RatesBlock {
  type: 'rates';
  title: string;
  rates: RateDef[];
}

export interface ListBlock {
  type: 'list';
  key: string;
  title: string;
  columns: ColumnDef[];
  /** The report needs at least one row. */
  required: boolean;
  /** Columns whose values together must be unique across rows. */
  uniqueBy: string[];
}

/** One row of a plan-and-results table: a target the council set, what was done, and last year's figure. */
export interface PlanRowDef {
  key: string;
  label: string;
  kind: 'number' | 'count' | 'percent';
  unit?: string;
  dimension?: ValueSpec['dimension'];
  /** A figure meant to fall (accidents, malnutrition): below the plan is "vượt". */
  lowerIsBetter?: boolean;
  /** «Thực hiện» must be entered. */
  required: boolean;
  help?: string;
  /** How the district rolls the row up from its communes; absent: shown per commune, no district figure. */
  rollup?: PlanRollupRule;
}

/** Mã | Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện | Cùng kỳ năm trước | Ghi chú | Ước tính. */
export interface PlanBlock {
  type: 'plan';
  key: string;
  title: string;
  /** How the phrases name the plan: "kế hoạch năm" ("đạt 52,3 % kế hoạch năm"); "kế hoạch" by default. */
  planLabel?: string;
  rows: PlanRowDef[];
}

export type Block = FieldsBlock | RatesBlock | ListBlock | PlanBlock;

export interface TabDef {
  name: string;
  /** One line on what the tab holds, written at its top. */
  description: string;
  blocks: Block[];
}

export interface ReportDefinition {
  tabs: TabDef[];
  /** Checks between figures (a part above its whole, dates out of order), run after reading. */
  rules?: Constraint[];
}

/** Column headers of the two keyed blocks; the reader finds its columns by these. */
export const FIELD_COLUMNS = { key: 'Mã', label: 'Nội dung', value: 'Giá trị', unit: 'Đơn vị', note: 'Ghi chú' } as const;
/** Header of a plan block; «Ghi chú» and «Ước tính» may be missing from an older workbook. */
export const PLAN_COLUMNS = {
  key: 'Mã',
  label: 'Chỉ tiêu',
  unit: 'Đơn vị',
  plan: 'Kế hoạch',
  actual: 'Thực hiện',
  lastYear: 'Cùng kỳ năm trước',
  note: 'Ghi chú',
  estimated: 'Ước tính',
} as const;
/** What marks a figure as estimated in the «Ước tính» column. */
export const ESTIMATED_MARK = 'x';
export const RATE_COLUMNS = {
  key: 'Mã',
  label: 'Chỉ tiêu',
  start: 'Đầu kỳ (%)',
  end: 'Cuối kỳ (%)',
  target: 'Chỉ tiêu Nghị quyết',
  note: 'Ghi chú',
} as const;
