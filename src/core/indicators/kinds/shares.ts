import { formatNumber, formatPercent } from '../../format/number';
import { formatOf, type KindsOf } from '../kind-api';

/** A part against its whole: a rate or share in %, or the same written as "6/6". */
export const SHARE_KINDS: KindsOf<'ratio' | 'fraction'> = {
  ratio: {
    summary: 'Phần ÷ tổng × 100, viết «80,2 %» (tỷ lệ, tỷ trọng).',
    inputs: (d) => [
      { prop: 'part', sort: 'figure', ref: d.part },
      { prop: 'whole', sort: 'figure', ref: d.whole },
    ],
    compute(d, ctx) {
      const [p, w] = [ctx.figure(d.part), ctx.figure(d.whole)];
      if (!p || !w || !ctx.nonZero(w, d.whole, d.label)) return;
      const value = (p.value / w.value) * 100;
      const sources = [...p.sources, ...w.sources];
      if (!ctx.finite(value, d.label, sources)) return;
      ctx.add({ key: d.key, label: d.label, value, unit: '%', text: formatPercent(value, formatOf(d)), how: `${ctx.label(d.part)} ÷ ${ctx.label(d.whole)} × 100`, sources });
    },
  },
  fraction: {
    summary: 'Phần trên tổng viết «6/6»; cụm câu là tỷ lệ %.',
    inputs: (d) => [
      { prop: 'part', sort: 'figure', ref: d.part },
      { prop: 'whole', sort: 'figure', ref: d.whole },
    ],
    compute(d, ctx) {
      const [p, w] = [ctx.figure(d.part), ctx.figure(d.whole)];
      if (!p || !w || !ctx.nonZero(w, d.whole, d.label)) return;
      const value = (p.value / w.value) * 100;
      const sources = [...p.sources, ...w.sources];
      if (!ctx.finite(value, d.label, sources)) return;
      ctx.add({ key: d.key, label: d.label, value, unit: '%', text: `${formatNumber(p.value)}/${formatNumber(w.value)}`, phrase: formatPercent(value, formatOf(d)), how: `${ctx.label(d.part)} / ${ctx.label(d.whole)}`, sources });
    },
  },
};
