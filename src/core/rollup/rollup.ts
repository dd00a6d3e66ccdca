/**
 * The district's roll-up of its communes' reports, by the rules the kind declares per indicator
 * (rollup/types.ts). Pure: both doors read the communes' workbooks, run each through the same pipeline,
 * and hand the runs here.
 *
 * A commune whose figures have errors is shown with its issues and left out of every district figure
 * (half-read figures would make a wrong total); the others still count. `counted` says how many
 * communes each district figure stands on.
 */
import { computeIndicators, type IndicatorSource } from '../indicators/engine';
import type { Indicator, IndicatorDef, Status } from '../indicators/types';
import type { Issue } from '../issues';
import { formatNumber, formatQuantity } from '../format/number';
import type { Field, ListRow, PlanRow, ReportInput } from '../report/input';
import type { PlanRowDef } from '../report/schema';
import type { RollupRule, RollupRuleName } from './types';

/** What the roll-up needs of a kind: its tabs, its indicators (with their rules) and the fields bounding its period. */
export type RollupKind = IndicatorSource;

/** One commune's run through the pipeline, named for the district's table. */
export interface CommuneRun {
  name: string;
  /** Where it was read from (a file, a Sheet's link), for messages. */
  source: string;
  input: ReportInput;
  indicators: readonly Indicator[];
  issues: readonly Issue[];
}

export interface RollupColumn {
  key: string;
  label: string;
  unit: string;
  rule: RollupRuleName | null;
}

export interface CommuneRow {
  name: string;
  source: string;
  /** No error: counted in the district figures. */
  ok: boolean;
  errors: number;
  warnings: number;
  values: Record<string, Indicator>;
  issues: readonly Issue[];
}

export interface DistrictFigure {
  key: string;
  label: string;
  unit: string;
  rule: RollupRuleName | null;
  /** null when no counted commune has the figure, or the indicator declares no rule. */
  value: number | null;
  text: string;
  /** How many communes the figure stands on. */
  counted: number;
  /** Communes (counted ones) whose status against the target is «chưa đạt». */
  missed: string[];
}

export interface Rollup {
  columns: RollupColumn[];
  communes: CommuneRow[];
  totals: Record<string, DistrictFigure>;
  /** Communes counted in the district figures (no errors). */
  included: number;
}

const MET: readonly Status[] = ['đạt', 'vượt'];

/** The definition an indicator key comes from: its own, or a per-row one (san_luong_lua from san_luong). */
export function definitionOf(defs: readonly IndicatorDef[], key: string): IndicatorDef | undefined {
  return defs.find((d) => d.key === key) ?? defs.find((d) => d.kind === 'rowProduct' && key.startsWith(`${d.key}_`));
}

const PLAN_SUFFIXES = ['_ke_hoach', '_cung_ky'] as const;

/** The plan-and-results row an indicator key comes from (KEY, KEY_ke_hoach, KEY_cung_ky), with its position. */
export function planRowOf(kind: RollupKind, key: string): { row: PlanRowDef; index: number } | undefined {
  let index = 0;
  for (const block of kind.tabs.flatMap((t) => t.blocks)) {
    if (block.type !== 'plan') continue;
    for (const row of block.rows) {
      if (key === row.key || PLAN_SUFFIXES.some((s) => key === `${row.key}${s}`)) return { row, index };
      index += 1;
    }
  }
  return undefined;
}

/**
 * The rule a district column shows: the indicator's own, or for a plan row its rule for the result and
 * "recompute" for % of plan and the change on last year (computed from the rolled-up row).
 */
function ruleNameOf(kind: RollupKind, key: string): RollupRuleName | null {
  const def = definitionOf(kind.indicators, key);
  if (def) return def.rollup?.rule ?? null;
  const plan = planRowOf(kind, key);
  if (!plan?.row.rollup) return null;
  return key === plan.row.key ? plan.row.rollup.rule : 'recompute';
}

/** District figures taken from the engine's run on the district's input (summedInput). */
function isRecomputed(kind: RollupKind, key: string): boolean {
  const def = definitionOf(kind.indicators, key);
  if (def) return def.rollup?.rule === 'recompute';
  return Boolean(planRowOf(kind, key)?.row.rollup);
}

export function rollUp(kind: RollupKind, communes: readonly CommuneRun[]): Rollup {
  const rows: CommuneRow[] = communes.map((c) => {
    const errors = c.issues.filter((i) => i.severity === 'error').length;
    return {
      name: c.name,
      source: c.source,
      ok: errors === 0,
      errors,
      warnings: c.issues.length - errors,
      values: Object.fromEntries(c.indicators.map((i) => [i.key, i])),
      issues: c.issues,
    };
  });
  const columns = columnsOf(kind, communes);
  const counted = communes.filter((_, i) => rows[i].ok);
  const recomputed = recompute(kind, counted);
  const totals: Record<string, DistrictFigure> = {};
  for (const col of columns) {
    const def = definitionOf(kind.indicators, col.key);
    totals[col.key] = isRecomputed(kind, col.key) ? recomputedFigure(col, counted, recomputed) : districtFigure(col, def, counted);
  }
  return { columns, communes: rows, totals, included: counted.length };
}

/** One column per indicator any commune has, in the kind's order (per-row figures in order of first appearance). */
function columnsOf(kind: RollupKind, communes: readonly CommuneRun[]): RollupColumn[] {
  const seen = new Map<string, RollupColumn>();
  for (const c of communes) {
    for (const i of c.indicators) {
      if (seen.has(i.key)) continue;
      seen.set(i.key, { key: i.key, label: i.label, unit: i.unit, rule: ruleNameOf(kind, i.key) });
    }
  }
  // Plan rows first, as the engine computes them; then the kind's indicators in their order.
  const planRows = kind.tabs.flatMap((t) => t.blocks).reduce((n, b) => n + (b.type === 'plan' ? b.rows.length : 0), 0);
  const order = (key: string) => {
    const plan = planRowOf(kind, key);
    if (plan) return plan.index;
    const d = definitionOf(kind.indicators, key);
    return planRows + (d ? kind.indicators.indexOf(d) : kind.indicators.length);
  };
  const firstSeen = [...seen.keys()];
  return [...seen.values()].sort((a, b) => order(a.key) - order(b.key) || firstSeen.indexOf(a.key) - firstSeen.indexOf(b.key));
}

/** The counted communes that have the figure, and those of them that missed its target. */
function communesWith(col: RollupColumn, counted: readonly CommuneRun[]) {
  const having = counted.flatMap((c) => {
    const i = c.indicators.find((x) => x.key === col.key);
    return i ? [{ commune: c, indicator: i }] : [];
  });
  const missed = having.filter((h) => h.indicator.status === 'chưa đạt').map((h) => h.commune.name);
  return { having, base: { key: col.key, label: col.label, unit: col.unit, rule: col.rule, counted: having.length, missed } };
}

/** A figure the engine computed again on the district's summed (or weighted) parts. */
function recomputedFigure(col: RollupColumn, counted: readonly CommuneRun[], recomputed: ReadonlyMap<string, Indicator>): DistrictFigure {
  const { base } = communesWith(col, counted);
  const r = recomputed.get(col.key);
  return r ? { ...base, value: r.value, text: r.text } : { ...base, value: null, text: '' };
}

function districtFigure(col: RollupColumn, def: IndicatorDef | undefined, counted: readonly CommuneRun[]): DistrictFigure {
  const { having, base } = communesWith(col, counted);
  const rule = def?.rollup;
  const none = { ...base, value: null, text: '' };
  if (!rule || !def || having.length === 0) return none;
  const fmt = { maxDecimals: def.decimals, minDecimals: def.minDecimals };
  const text = (value: number) => formatQuantity(value, col.unit, fmt);
  const values = having.map((h) => h.indicator.value);
  switch (rule.rule) {
    case 'sum': {
      const value = values.reduce((a, b) => a + b, 0);
      return { ...base, value, text: text(value) };
    }
    case 'min':
    case 'max': {
      const value = rule.rule === 'min' ? Math.min(...values) : Math.max(...values);
      return { ...base, value, text: text(value) };
    }
    case 'weighted':
      return weighted(base, rule, having, text);
    case 'countMet': {
      const withStatus = having.filter((h) => h.indicator.status !== undefined);
      const value = withStatus.filter((h) => MET.includes(h.indicator.status as Status)).length;
      return { ...base, counted: withStatus.length, value, text: `${formatNumber(value)}/${formatNumber(withStatus.length)} xã` };
    }
    case 'recompute':
      // Taken from the district's run (recomputedFigure); never averaged here.
      return none;
  }
}

function weighted(
  base: Omit<DistrictFigure, 'value' | 'text'>,
  rule: Extract<RollupRule, { rule: 'weighted' }>,
  having: readonly { commune: CommuneRun; indicator: Indicator }[],
  text: (v: number) => string,
): DistrictFigure {
  let sum = 0;
  let weights = 0;
  let n = 0;
  for (const h of having) {
    const w = figureOf(h.commune, rule.by);
    if (w === undefined) continue;
    sum += h.indicator.value * w;
    weights += w;
    n += 1;
  }
  if (weights === 0) return { ...base, counted: n, value: null, text: '' };
  const value = sum / weights;
  return { ...base, counted: n, value, text: text(value) };
}

/** A commune's named figure: a field's number, or another indicator's value ("@key"). */
function figureOf(c: CommuneRun, ref: string): number | undefined {
  if (ref.startsWith('@')) return c.indicators.find((i) => i.key === ref.slice(1))?.value;
  const f = c.input.fields[ref];
  return f && typeof f.value === 'number' ? f.value : undefined;
}

/**
 * The indicators whose rule is "recompute", computed by the same engine on the district's input: each
 * numeric field summed over the counted communes (only those every counted commune has), lists joined,
 * other fields (dates that bound the period, targets) taken from the first counted commune.
 */
function recompute(kind: RollupKind, counted: readonly CommuneRun[]): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  const plansRoll = kind.tabs.some((t) => t.blocks.some((b) => b.type === 'plan' && b.rows.some((r) => r.rollup)));
  if (counted.length === 0 || (!plansRoll && !kind.indicators.some((d) => d.rollup?.rule === 'recompute'))) return out;
  const district = summedInput(counted, kind);
  const { indicators } = computeIndicators(kind, district);
  for (const i of indicators) {
    if (isRecomputed(kind, i.key)) out.set(i.key, i);
  }
  return out;
}

export function summedInput(counted: readonly CommuneRun[], kind?: RollupKind): ReportInput {
  const fields: Record<string, Field> = {};
  const first = counted[0].input;
  for (const [key, field] of Object.entries(first.fields)) {
    if (typeof field.value !== 'number') {
      fields[key] = field;
      continue;
    }
    const all = counted.map((c) => c.input.fields[key]);
    if (all.every((f) => f && typeof f.value === 'number')) {
      fields[key] = { ...field, value: all.reduce((s, f) => s + (f.value as number), 0) };
    }
  }
  const lists: Record<string, ListRow[]> = {};
  for (const c of counted) {
    for (const [key, rows] of Object.entries(c.input.lists)) lists[key] = [...(lists[key] ?? []), ...rows];
  }
  // Rates (start and end of the period) are never summed: an indicator over them uses "weighted".
  return { fields, rates: {}, lists, plans: kind ? rolledPlans(kind, counted) : {} };
}

/**
 * The district's plan-and-results rows: for each row that declares a rule, «Kế hoạch», «Thực hiện» and
 * «Cùng kỳ năm trước» added up, or weighted by a figure of each commune for a rate. A column only some
 * counted communes entered is left out (a partial total would be wrong); without «Thực hiện» from every
 * counted commune the row is left out.
 */
function rolledPlans(kind: RollupKind, counted: readonly CommuneRun[]): Record<string, PlanRow[]> {
  const plans: Record<string, PlanRow[]> = {};
  for (const block of kind.tabs.flatMap((t) => t.blocks)) {
    if (block.type !== 'plan') continue;
    const rows: PlanRow[] = [];
    for (const def of block.rows) {
      const rule = def.rollup;
      if (!rule) continue;
      const own = counted.map((c) => (c.input.plans[block.key] ?? []).find((r) => r.key === def.key));
      if (own.some((r) => !r)) continue;
      const entered = own as PlanRow[];
      const weights = rule.rule === 'weighted' ? counted.map((c) => figureOf(c, rule.by)) : counted.map(() => 1);
      if (weights.some((w) => w === undefined)) continue;
      const w = weights as number[];
      const combine = (part: (r: PlanRow) => number | undefined): number | undefined => {
        const values = entered.map(part);
        if (values.some((v) => v === undefined)) return undefined;
        const total = values.reduce((s: number, v, i) => s + (v as number) * w[i], 0);
        if (rule.rule === 'sum') return total;
        const weight = w.reduce((a, b) => a + b, 0);
        return weight === 0 ? undefined : total / weight;
      };
      const actual = combine((r) => r.actual);
      if (actual === undefined) continue;
      const first = entered[0];
      rows.push({
        ...first,
        actual,
        plan: combine((r) => r.plan),
        lastYear: combine((r) => r.lastYear),
        estimated: entered.some((r) => r.estimated),
        note: '',
      });
    }
    plans[block.key] = rows;
  }
  return plans;
}
