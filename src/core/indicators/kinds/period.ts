import { formatNumber, formatQuantity } from '../../format/number';
import { formatOf, type KindsOf } from '../kind-api';

/** Figures that need the report period: its length, and a total per head and per year. */
export const PERIOD_KINDS: KindsOf<'perHeadPerYear' | 'periodYears'> = {
  perHeadPerYear: {
    summary: '«total» × «factor» ÷ «population» ÷ số năm của kỳ (bình quân đầu người mỗi năm).',
    needsPeriod: true,
    inputs: (d) => [
      { prop: 'total', sort: 'figure', ref: d.total },
      { prop: 'population', sort: 'figure', ref: d.population },
    ],
    compute(d, ctx) {
      const [total, people] = [ctx.figure(d.total), ctx.figure(d.population)];
      const period = ctx.period;
      if (!total || !people || !period || !ctx.nonZero(people, d.population, d.label)) return;
      const value = (total.value * d.factor) / people.value / period.years;
      if (!ctx.finite(value, d.label, [...total.sources, ...people.sources])) return;
      ctx.add({ key: d.key, label: d.label, value, unit: d.unit, text: formatQuantity(value, d.unit, formatOf(d)), how: `${ctx.label(d.total)} × ${formatNumber(d.factor)} ÷ ${ctx.label(d.population)} ÷ số năm của kỳ báo cáo (${formatNumber(period.years)})`, sources: [...total.sources, ...people.sources, ...period.sources] });
    },
  },
  periodYears: {
    summary: 'Số năm của kỳ báo cáo (số tháng ÷ 12).',
    needsPeriod: true,
    inputs: () => [],
    compute(d, ctx) {
      const period = ctx.period;
      if (!period || !ctx.periodKeys) return;
      ctx.add({ key: d.key, label: d.label, value: period.years, unit: 'năm', text: formatQuantity(period.years, 'năm', formatOf(d)), how: `Số tháng từ «${ctx.label(ctx.periodKeys.from)}» đến «${ctx.label(ctx.periodKeys.to)}» (${period.months}) ÷ 12`, sources: period.sources });
    },
  },
};
