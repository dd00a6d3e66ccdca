import type { Issue } from '../issues';
import type { CellRef, ReportInput } from '../report/input';
import type { ReportDefinition } from '../report/schema';
import type { Target } from '../workbook/parse-cell';
import type { Figure, IndicatorContext } from './kind-api';
import { periodOf, type PeriodKeys } from './period';
import { planIndicators } from './plan';
import { indicatorKind } from './registry';
import type { Indicator, IndicatorDef, Ref } from './types';

export { rowIndicatorKeys } from './kinds/totals';
export { periodOf, type Period, type PeriodKeys } from './period';

/** What the engine needs of a kind: its tabs (for the clerk's labels), its indicators and its period. */
export interface IndicatorSource extends ReportDefinition {
  indicators: readonly IndicatorDef[];
  period?: PeriodKeys;
}

/**
 * Computes every indicator whose inputs are valid, in definition order (an indicator may use an earlier
 * one as `@key`). Indicators whose inputs are missing are skipped: the reader has already said why.
 * Each definition is computed by its kind's entry in the registry (registry.ts).
 */
export function computeIndicators(kind: IndicatorSource, input: ReportInput): { indicators: Indicator[]; issues: Issue[] } {
  const out: Indicator[] = [];
  const issues: Issue[] = [];
  const byKey = new Map<string, Indicator>();
  const labels = clerkLabels(kind);
  // Each zero divisor is reported once, however many indicators divide by it.
  const zeroReported = new Set<string>();

  const ctx: IndicatorContext = {
    input,
    period: kind.period && periodOf(input, kind.period),
    periodKeys: kind.period,
    figure(ref: Ref): Figure | undefined {
      if (ref.startsWith('@')) {
        const i = byKey.get(ref.slice(1));
        return i && { value: i.value, unit: i.unit, sources: i.sources };
      }
      const [key, part] = ref.split('.');
      if (part) {
        const rate = input.rates[key];
        return rate && { value: part === 'start' ? rate.start : rate.end, unit: '%', sources: [rate.ref] };
      }
      const f = input.fields[key];
      return f && typeof f.value === 'number' ? { value: f.value, unit: f.unit ?? '', sources: [f.ref] } : undefined;
    },
    target(ref: string): { target: Target; source: CellRef } | undefined {
      const f = input.fields[ref];
      return f && typeof f.value === 'object' && 'kind' in f.value ? { target: f.value, source: f.ref } : undefined;
    },
    indicator: (key) => byKey.get(key),
    label: (ref) => (ref.startsWith('@') ? (kind.indicators.find((d) => d.key === ref.slice(1))?.label ?? ref) : (labels.refs.get(ref) ?? ref)),
    columnLabel: (list, column) => labels.columns.get(`${list}.${column}`) ?? column,
    listTitle: (list) => labels.lists.get(list) ?? list,
    /** A result too large (or a division by a vanishing figure) cannot be written: say so at its inputs. */
    finite(value, label, sources) {
      if (Number.isFinite(value)) return true;
      const at = sources[0] ?? { sheet: '', cell: 'A1' };
      issues.push({ severity: 'error', sheet: at.sheet, cell: at.cell, message: `Không tính được «${label}»: kết quả quá lớn để ghi thành số. Kiểm tra lại các số liệu gốc (${sources.map((r) => `${r.sheet}!${r.cell}`).join(', ')}).` });
      return false;
    },
    nonZero(divisor, ref, label) {
      if (divisor.value !== 0) return true;
      const at = divisor.sources[0] ?? { sheet: '', cell: 'A1' };
      const where = `${at.sheet}!${at.cell}`;
      if (!zeroReported.has(where)) {
        zeroReported.add(where);
        issues.push({ severity: 'error', sheet: at.sheet, cell: at.cell, message: `«${ctx.label(ref)}» bằng 0 nên không tính được «${label}» (không chia được cho 0). Nhập số liệu đúng (lớn hơn 0) vào ô này.` });
      }
      return false;
    },
    add(i) {
      out.push(i);
      byKey.set(i.key, i);
    },
    warn: (issue) => issues.push(issue),
  };

  // Plan rows first: a kind's indicators may name them as @KEY.
  for (const block of kind.tabs.flatMap((t) => t.blocks)) {
    if (block.type === 'plan') for (const i of planIndicators(block, input.plans[block.key] ?? [], ctx)) ctx.add(i);
  }
  for (const def of kind.indicators) indicatorKind(def).compute(def, ctx);
  return { indicators: out, issues };
}

/** Labels as the clerk reads them in the workbook, by field key, rate part, list and list column. */
function clerkLabels(def: ReportDefinition) {
  const refs = new Map<string, string>();
  const columns = new Map<string, string>();
  const lists = new Map<string, string>();
  for (const block of def.tabs.flatMap((t) => t.blocks)) {
    if (block.type === 'fields') for (const f of block.fields) refs.set(f.key, f.label);
    else if (block.type === 'rates') {
      for (const r of block.rates) {
        refs.set(`${r.key}.start`, `${r.label} đầu kỳ`);
        refs.set(`${r.key}.end`, `${r.label} cuối kỳ`);
      }
    } else if (block.type === 'list') {
      lists.set(block.key, block.title);
      for (const c of block.columns) columns.set(`${block.key}.${c.key}`, c.label);
    }
  }
  return { refs, columns, lists };
}
