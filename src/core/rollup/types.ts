/**
 * How an indicator of a kind rolls up from the communes to the district, declared in the kind beside the
 * indicator (`"rollup": {"rule": "sum"}`). A rate or a share is never averaged: 34,79 % of one commune's
 * area and 50 % of another's do not make 42,4 %; it is recomputed from the summed parts, or weighted by the
 * figure it is a share of.
 */
export type RollupRule =
  /** Counts, areas, money: the communes' values added up. */
  | { rule: 'sum' }
  /** The indicator's own formula applied to the communes' summed parts (Σ forest area ÷ Σ natural area). */
  | { rule: 'recompute' }
  /** Σ(value × weight) ÷ Σ weight, the weight a named figure of each commune (a field key, or @indicator). */
  | { rule: 'weighted'; by: string }
  | { rule: 'min' }
  | { rule: 'max' }
  /** The number of communes whose status against the target is «đạt» or «vượt». */
  | { rule: 'countMet' };

export type RollupRuleName = RollupRule['rule'];

/**
 * How a row of a plan-and-results table rolls up: its «Kế hoạch», «Thực hiện» and «Cùng kỳ năm trước» are
 * each added up (counts, money, areas) or, for a rate, weighted by a named figure of each commune; the
 * district's "% kế hoạch" and "so với cùng kỳ" are then computed from those, as for one commune.
 */
export type PlanRollupRule = Extract<RollupRule, { rule: 'sum' } | { rule: 'weighted' }>;

export const ROLLUP_RULES: readonly RollupRuleName[] = ['sum', 'recompute', 'weighted', 'min', 'max', 'countMet'];

/** What the district table calls each rule (the comparison workbook's second header row). */
export const RULE_LABEL: Record<RollupRuleName, string> = {
  sum: 'Cộng',
  recompute: 'Tính lại từ tổng',
  weighted: 'Bình quân gia quyền',
  min: 'Thấp nhất',
  max: 'Cao nhất',
  countMet: 'Số xã đạt',
};
