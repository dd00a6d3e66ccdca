import { formatNumber, formatPercent } from '../../format/number';
import { formatOf, type IndicatorContext, type IndicatorInput, type KindsOf } from '../kind-api';

/** A part against its whole: a rate or share in %, or the same written as "6/6". */
export const SHARE_KINDS: KindsOf<'ratio' | 'fraction'> = {
  ratio: {
    summary: 'Phần ÷ tổng × 100, viết «80,2 %» (tỷ lệ, tỷ trọng).',
    inputs: partAndWhole,
    compute(d, ctx) {
      const share = shareOf(d, ctx);
      if (!share) return;
      const { value, sources } = share;
      ctx.add({ key: d.key, label: d.label, value, unit: '%', text: formatPercent(value, formatOf(d)), how: `${ctx.label(d.part)} ÷ ${ctx.label(d.whole)} × 100`, sources });
    },
  },
  fraction: {
    summary: 'Phần trên tổng viết «6/6»; cụm câu là tỷ lệ %.',
    inputs: partAndWhole,
    compute(d, ctx) {
      const share = shareOf(d, ctx);
      if (!share) return;
      const { p, w, value, sources } = share;
      ctx.add({ key: d.key, label: d.label, value, unit: '%', text: `${formatNumber(p.value)}/${formatNumber(w.value)}`, phrase: formatPercent(value, formatOf(d)), how: `${ctx.label(d.part)} / ${ctx.label(d.whole)}`, sources });
    },
  },
};

/** What both share kinds read: a part and its whole, by reference. */
interface ShareDef {
  readonly label: string;
  readonly part: string;
  readonly whole: string;
}

function partAndWhole(d: ShareDef): IndicatorInput[] {
  return [
    { prop: 'part', sort: 'figure', ref: d.part },
    { prop: 'whole', sort: 'figure', ref: d.whole },
  ];
}

/** The part, the whole and part ÷ whole × 100, or nothing when a figure is missing, the whole is 0 or the result is not finite (each reported by ctx). */
function shareOf(d: ShareDef, ctx: IndicatorContext) {
  const [p, w] = [ctx.figure(d.part), ctx.figure(d.whole)];
  if (!p || !w || !ctx.nonZero(w, d.whole, d.label)) return undefined;
  const value = (p.value / w.value) * 100;
  const sources = [...p.sources, ...w.sources];
  return ctx.finite(value, d.label, sources) ? { p, w, value, sources } : undefined;
}
