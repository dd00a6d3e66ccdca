/** What an indicator kind is given and must say about itself (the registry is registry.ts). */
import { NBSP, formatNumber } from '../format/number';
import type { CellRef, ListRow, ReportInput } from '../report/input';
import type { Issue } from '../issues';
import type { Target } from '../workbook/parse-cell';
import type { Period, PeriodKeys } from './period';
import type { Indicator, IndicatorDef, Ref } from './types';

/** A figure an indicator reads: its value, the unit it is kept in and the cells it came from. */
export interface Figure {
  value: number;
  unit: string;
  sources: CellRef[];
}

/** What an indicator names, by property, for the loader's reference check and the source-walking test. */
export type IndicatorInput =
  /** A numeric field, a rate's start or end ("ho_ngheo.start") or an earlier indicator ("@key"). */
  | { prop: string; sort: 'figure'; ref: Ref }
  /** A target field ("≥ 90"). */
  | { prop: string; sort: 'target'; ref: string }
  /** A rate followed over the period (start, end and target). */
  | { prop: string; sort: 'rate'; ref: string }
  /** An earlier indicator by key. */
  | { prop: string; sort: 'indicator'; ref: string }
  /** A list, the columns read from it (numeric or not) and an optional filter. */
  | { prop: string; sort: 'list'; ref: string; columns: { prop: string; key: string; numeric: boolean }[]; where?: { column: string; equals: string } };

/** What a computation may ask for; built once per run by the engine. */
export interface IndicatorContext {
  input: ReportInput;
  period?: Period;
  periodKeys?: PeriodKeys;
  figure(ref: Ref): Figure | undefined;
  target(ref: string): { target: Target; source: CellRef } | undefined;
  indicator(key: string): Indicator | undefined;
  /** The clerk's words for a reference: the field's label, "Tỷ lệ hộ nghèo (đầu kỳ)", an indicator's label. */
  label(ref: Ref): string;
  /** «Diện tích (ha/năm)» of «CÂY TRỒNG». */
  columnLabel(list: string, column: string): string;
  listTitle(list: string): string;
  /** False (and an error at the first source) when a result cannot be written as a number. */
  finite(value: number, label: string, sources: CellRef[]): boolean;
  /**
   * False when a divisor is zero (population 0, natural area 0, a zero base year), with an error at the
   * divisor's cell, once per cell: `check` says it before the template asks for the figure.
   */
  nonZero(divisor: Figure, ref: Ref, label: string): boolean;
  add(indicator: Indicator): void;
  warn(issue: Issue): void;
}

export interface IndicatorKind<D extends IndicatorDef> {
  /** One line for docs/kinds.md. */
  summary: string;
  inputs(def: D): IndicatorInput[];
  /** Skipped, and refused by the loader, in a kind without a period. */
  needsPeriod?: boolean;
  compute(def: D, ctx: IndicatorContext): void;
}

/** The entries for some kinds, each typed by its own definition. */
export type KindsOf<K extends IndicatorDef['kind']> = { [P in K]: IndicatorKind<Extract<IndicatorDef, { kind: P }>> };

/** The number format an indicator definition asks for. */
export function formatOf(def: IndicatorDef): { maxDecimals: number; minDecimals?: number } {
  return { maxDecimals: def.decimals, minDecimals: def.minDecimals };
}

export function direction(value: number): string {
  return value >= 0 ? 'tăng' : 'giảm';
}

export function pointsText(value: number, fmt: { maxDecimals?: number; minDecimals?: number }): string {
  return `${formatNumber(value, fmt)}${NBSP}điểm phần trăm`;
}

export function rowRef(row: { sheet: string; row: number }): CellRef {
  return { sheet: row.sheet, cell: `A${row.row}` };
}

/** The rows of a list, those whose `where` column equals its value when there is a filter. */
export function listRows(input: ReportInput, list: string, where?: { column: string; equals: string }): ListRow[] | undefined {
  const rows = input.lists[list];
  if (!rows) return undefined;
  return where ? rows.filter((r) => r.values[where.column] === where.equals) : rows;
}
