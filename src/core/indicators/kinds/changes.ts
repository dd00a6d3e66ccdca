import { formatPercent } from '../../format/number';
import { periodPhrases } from '../../format/period';
import { describeTarget, isDirection, statusPhrase, targetStatus } from '../target';
import { direction, formatOf, pointsText, type KindsOf } from '../kind-api';

/** How a figure moved: relative change in %, change in percentage points, a rate over the period. */
export const CHANGE_KINDS: KindsOf<'changePercent' | 'changePoints' | 'rateOverPeriod'> = {
  changePercent: {
    summary: 'Tăng/giảm tương đối từ «from» đến «to», viết «tăng 7 %».',
    inputs: (d) => [
      { prop: 'from', sort: 'figure', ref: d.from },
      { prop: 'to', sort: 'figure', ref: d.to },
    ],
    compute(d, ctx) {
      const [from, to] = [ctx.figure(d.from), ctx.figure(d.to)];
      if (!from || !to || !ctx.nonZero(from, d.from, d.label)) return;
      const value = ((to.value - from.value) / from.value) * 100;
      const sources = [...from.sources, ...to.sources];
      if (!ctx.finite(value, d.label, sources)) return;
      const fmt = formatOf(d);
      ctx.add({ key: d.key, label: d.label, value, unit: '%', text: formatPercent(Math.abs(value), fmt), phrase: `${direction(value)} ${formatPercent(Math.abs(value), fmt)}`, how: `(${ctx.label(d.to)} − ${ctx.label(d.from)}) ÷ ${ctx.label(d.from)} × 100`, sources });
    },
  },
  changePoints: {
    summary: 'Chênh lệch giữa hai tỷ lệ, viết «tăng 6,39 điểm phần trăm»; với «target», kèm trạng thái so với chỉ tiêu.',
    inputs: (d) => [
      { prop: 'from', sort: 'figure', ref: d.from },
      { prop: 'to', sort: 'figure', ref: d.to },
      ...(d.target ? [{ prop: 'target', sort: 'target' as const, ref: d.target }] : []),
    ],
    compute(d, ctx) {
      const [from, to] = [ctx.figure(d.from), ctx.figure(d.to)];
      if (!from || !to) return;
      const value = to.value - from.value;
      if (!ctx.finite(value, d.label, [...from.sources, ...to.sources])) return;
      const t = d.target ? ctx.target(d.target) : undefined;
      const status = t ? targetStatus(t.target, to.value, from.value) : undefined;
      const fmt = formatOf(d);
      ctx.add({ key: d.key, label: d.label, value, unit: 'điểm phần trăm', text: pointsText(Math.abs(value), fmt), phrase: `${direction(value)} ${pointsText(Math.abs(value), fmt)}`, status, how: `${ctx.label(d.to)} − ${ctx.label(d.from)} (điểm phần trăm)`, sources: [...from.sources, ...to.sources, ...(t ? [t.source] : [])] });
    },
  },
  rateOverPeriod: {
    summary: 'Một tỷ lệ đầu kỳ - cuối kỳ: đổi bao nhiêu điểm phần trăm, từ đâu lên/xuống đâu, đạt hay chưa đạt chỉ tiêu Nghị quyết.',
    needsPeriod: true,
    inputs: (d) => [{ prop: 'rate', sort: 'rate', ref: d.rate }],
    compute(d, ctx) {
      const rate = ctx.input.rates[d.rate];
      const period = ctx.period;
      if (!rate || !period) return;
      const value = rate.end - rate.start;
      const status = targetStatus(rate.target, rate.end, rate.start);
      const fmt = formatOf(d);
      const when = periodPhrases(period.from, period.to);
      const p = (v: number) => formatPercent(v, fmt);
      const change =
        value === 0
          ? `giữ nguyên ${p(rate.end)} từ ${when.startReading} đến ${when.endReading}`
          : `${direction(value)} ${pointsText(Math.abs(value), fmt)}, từ ${p(rate.start)} ${when.startReading} ${value > 0 ? 'lên' : 'xuống còn'} ${p(rate.end)} ${when.endReading}`;
      // A direction target ("giảm") is judged by the yearly pace, as the report phrases it.
      const pace = isDirection(rate.target) && value !== 0 ? `, bình quân mỗi năm ${direction(value)} ${pointsText(Math.abs(value) / period.years, fmt)}` : '';
      ctx.add({ key: d.key, label: d.label, value, unit: 'điểm phần trăm', text: pointsText(Math.abs(value), fmt), phrase: `${change}${pace}, ${statusPhrase(status, rate.target)}`, status, how: `${ctx.label(`${d.rate}.end`)} − ${ctx.label(`${d.rate}.start`)} (điểm phần trăm); so với chỉ tiêu ${describeTarget(rate.target)}`, sources: [rate.ref] });
    },
  },
};
