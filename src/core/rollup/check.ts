/**
 * A kind's roll-up rules checked against its indicators, so a rule that would give a wrong district figure
 * is refused when the kind is loaded, not noticed in a district's report: a rate recomputed from rates, a
 * count of communes meeting a target on an indicator with no target, a weight that names nothing.
 */
import type { IndicatorDef } from '../indicators/types';
import type { TabDef } from '../report/schema';

/** Indicator kinds whose formula still holds on summed parts (a sum of parts over a sum of wholes). */
const RECOMPUTABLE: ReadonlySet<IndicatorDef['kind']> = new Set(['ratio', 'fraction', 'sum', 'listSum', 'listCount', 'rowProduct', 'changePercent', 'perHeadPerYear', 'periodYears']);
/** Indicator kinds that carry a status against a target. */
const WITH_STATUS: ReadonlySet<IndicatorDef['kind']> = new Set(['status', 'rateOverPeriod']);

/** The references of an indicator that a recompute would sum. */
function refsOf(def: IndicatorDef): string[] {
  switch (def.kind) {
    case 'ratio':
    case 'fraction':
      return [def.part, def.whole];
    case 'sum':
      return def.terms;
    case 'changePercent':
      return [def.from, def.to];
    case 'perHeadPerYear':
      return [def.total, def.population];
    default:
      return [];
  }
}

/**
 * Vietnamese problems, each naming the indicator (`indicators[i].rollup`); `fieldKeys` are the kind's
 * field keys, `percentFields` those whose unit is % (a share cannot be summed).
 */
export function rollupProblems(defs: readonly IndicatorDef[], fieldKeys: ReadonlySet<string>, percentFields: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  defs.forEach((def, i) => {
    const rule = def.rollup;
    if (!rule) return;
    const at = `indicators[${i}].rollup («${def.key}»)`;
    if (rule.rule === 'recompute') {
      if (!RECOMPUTABLE.has(def.kind)) problems.push(`${at}: «recompute» không dùng được cho chỉ tiêu loại «${def.kind}» (tỷ lệ đầu kỳ, cuối kỳ không cộng được); dùng «weighted» hoặc «countMet».`);
      for (const ref of refsOf(def)) {
        if (ref.includes('.')) problems.push(`${at}: «recompute» cộng «${ref}», là tỷ lệ đầu/cuối kỳ; tỷ lệ không cộng được.`);
        else if (percentFields.has(ref)) problems.push(`${at}: «recompute» cộng «${ref}», là một tỷ lệ (%); tỷ lệ không cộng được.`);
      }
    }
    if (rule.rule === 'countMet' && !WITH_STATUS.has(def.kind)) problems.push(`${at}: «countMet» cần chỉ tiêu có chỉ tiêu Nghị quyết (loại status hoặc rateOverPeriod).`);
    if (rule.rule === 'weighted') problems.push(...weightProblems(at, rule.by, defs, fieldKeys, percentFields));
  });
  return problems;
}

/**
 * The plan-and-results rows' rules (`tabs[t].blocks[b].rows[r].rollup`): a rate row is never added up, and a
 * weight names a figure of the kind that is not itself a share.
 */
export function planRollupProblems(tabs: readonly TabDef[], defs: readonly IndicatorDef[], fieldKeys: ReadonlySet<string>, percentFields: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  tabs.forEach((tab, t) =>
    tab.blocks.forEach((block, b) => {
      if (block.type !== 'plan') return;
      block.rows.forEach((row, r) => {
        const rule = row.rollup;
        if (!rule) return;
        const at = `tabs[${t}].blocks[${b}].rows[${r}].rollup («${row.key}»)`;
        if (rule.rule === 'sum' && row.kind === 'percent') problems.push(`${at}: dòng tỷ lệ (%) không cộng được; dùng «weighted» theo một số lượng (dân số, số hộ…).`);
        if (rule.rule === 'weighted') problems.push(...weightProblems(at, rule.by, defs, fieldKeys, percentFields));
      });
    }),
  );
  return problems;
}

/** A «weighted» rule's weight must name a figure or indicator of the kind (`@key`) that is a quantity, not a share. */
function weightProblems(at: string, by: string, defs: readonly IndicatorDef[], fieldKeys: ReadonlySet<string>, percentFields: ReadonlySet<string>): string[] {
  const known = by.startsWith('@') ? defs.some((d) => d.key === by.slice(1)) : fieldKeys.has(by);
  if (!known) return [`${at}: «weighted» theo «${by}», không phải số liệu hay chỉ tiêu nào của loại báo cáo.`];
  if (percentFields.has(by)) return [`${at}: «weighted» theo «${by}», là một tỷ lệ (%); trọng số phải là một số lượng (dân số, diện tích…).`];
  return [];
}
