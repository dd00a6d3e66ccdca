import type { CellRef } from '../report/input';
import type { RollupRule } from '../rollup/types';

export type Status = 'vượt' | 'đạt' | 'chưa đạt';

/** A derived figure, ready for the indicators tab, the CLI's JSON and the template. */
export interface Indicator {
  /** Stable key, used in templates as {{chi_so.KEY}} and {{cau.KEY}}. */
  key: string;
  label: string;
  value: number;
  unit: string;
  /** The value written the Vietnamese way with its unit: "6.043,6 tấn". */
  text: string;
  /** A ready sentence fragment for the report, where one fits. */
  phrase?: string;
  status?: Status;
  /** How it is computed, in the clerk's words. */
  how: string;
  /** The cells it was computed from. */
  sources: CellRef[];
}

/** Where a figure comes from: an input field, a rate's start or end, or another indicator. */
export type Ref = string;

interface Base {
  key: string;
  label: string;
  /** Most decimals written (trailing zeros dropped unless `minDecimals`). */
  decimals: number;
  minDecimals?: number;
  /** How the district rolls it up from its communes; absent: shown per commune, no district figure. */
  rollup?: RollupRule;
}

/** The kinds of derived figure. Each entry of definitions.ts is one of these. */
export type IndicatorDef =
  /** part ÷ whole × 100: a rate or a share. */
  | (Base & { kind: 'ratio'; part: Ref; whole: Ref })
  /** "6/6": a part of a whole written as a fraction, with the rate as value. */
  | (Base & { kind: 'fraction'; part: Ref; whole: Ref })
  /** Sum of fields. */
  | (Base & { kind: 'sum'; terms: Ref[]; unit: string })
  /** Sum of a list column (optionally of rows whose `where` column equals a value), from `columnUnit` into `unit`. */
  | (Base & { kind: 'listSum'; list: string; column: string; where?: { column: string; equals: string }; unit: string; columnUnit?: string })
  /** Number of rows of a list (optionally filtered). */
  | (Base & { kind: 'listCount'; list: string; where?: { column: string; equals: string }; unit: string; leadingZero?: boolean })
  /** Per row of a list: column a × column b, converted to `unit` (area ha × yield t/ha -> tấn). */
  | (Base & { kind: 'rowProduct'; list: string; a: string; b: string; rowKey: string; unit: string; factor: number })
  /** Relative change from one figure to another, in %. */
  | (Base & { kind: 'changePercent'; from: Ref; to: Ref })
  /** Change between two rates in percentage points; with `since`, phrased against it. */
  | (Base & { kind: 'changePoints'; from: Ref; to: Ref; target?: Ref })
  /** A rate followed over the period: change in points, phrased with the period and the target status. */
  | (Base & { kind: 'rateOverPeriod'; rate: string })
  /** total ÷ population ÷ years of the period, total converted by `factor` (tấn -> kg). */
  | (Base & { kind: 'perHeadPerYear'; total: Ref; population: Ref; factor: number; unit: string })
  /** Length of the report period in years. */
  | (Base & { kind: 'periodYears' })
  /** A figure's status against a Resolution target. */
  | (Base & { kind: 'status'; value: Ref; target: Ref })
  /** Warns when an entered figure differs from the computed one by more than `tolerance`. */
  | (Base & { kind: 'crossCheck'; entered: Ref; computed: string; tolerance: number });
