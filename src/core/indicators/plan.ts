/**
 * The figures of a plan-and-results table, per row: what was done against the plan ("đạt 52,3 % kế hoạch
 * năm") and against the same period last year ("tăng 4,1 % so với cùng kỳ", in percentage points for
 * rates), with the status against the plan. Each row gives three indicators: KEY (the result, with the whole
 * phrase), KEY_ke_hoach and KEY_cung_ky.
 */
import { formatNumber, formatPercent, formatQuantity } from '../format/number';
import type { PlanRow } from '../report/input';
import type { PlanBlock } from '../report/schema';
import { direction, pointsText, type IndicatorContext } from './kind-api';
import type { Indicator, Status } from './types';

const VALUE_DECIMALS = 2;
const COMPARISON_DECIMALS = 1;

/** Indicators of one plan block's rows, in row order. */
export function planIndicators(block: PlanBlock, rows: readonly PlanRow[], ctx: IndicatorContext): Indicator[] {
  const out: Indicator[] = [];
  const planWord = block.planLabel ?? 'kế hoạch';
  for (const row of rows) {
    const extras: Indicator[] = [];
    const rate = row.kind === 'percent';
    const value = (v: number) => (rate ? formatPercent(v, { maxDecimals: VALUE_DECIMALS }) : row.unit ? formatQuantity(v, row.unit, { maxDecimals: VALUE_DECIMALS }) : formatNumber(v, { maxDecimals: VALUE_DECIMALS }));
    const c = { maxDecimals: COMPARISON_DECIMALS };
    const parts: string[] = [];
    let status: Status | undefined;

    // A plan of 0 or less, or a zero last year for a count, cannot be compared with: said on its cell, not
    // left out of the sentence in silence (a blank cell means "none", and says nothing).
    if (row.plan !== undefined && row.plan <= 0 && row.refs.plan) {
      ctx.warn({ severity: 'warning', ...row.refs.plan, message: `«${row.label}»: ${planWord} là ${value(row.plan)}, nên báo cáo không so sánh được số thực hiện với ${planWord}. Để trống ô này nếu không có ${planWord}.` });
    }
    if (!rate && row.lastYear === 0 && row.refs.lastYear) {
      ctx.warn({ severity: 'warning', ...row.refs.lastYear, message: `«${row.label}»: số cùng kỳ năm trước là 0, nên báo cáo không tính được tăng, giảm bao nhiêu phần trăm so với cùng kỳ. Để trống ô này nếu không có số cùng kỳ.` });
    }
    if (row.plan !== undefined && row.plan > 0) {
      const pct = (row.actual / row.plan) * 100;
      if (ctx.finite(pct, `${row.label} so với ${planWord}`, [row.refs.actual])) {
        status = planStatus(row.actual, row.plan, row.lowerIsBetter);
        const phrase = rate || row.lowerIsBetter ? `${status} ${planWord} (${value(row.plan)})` : `đạt ${formatPercent(pct, c)} ${planWord}`;
        parts.push(phrase);
        extras.push({ key: `${row.key}_ke_hoach`, label: `${row.label}: % ${planWord}`, value: pct, unit: '%', text: formatPercent(pct, c), phrase, status, how: `«${row.label}» Thực hiện ÷ Kế hoạch × 100`, sources: [row.refs.actual, row.refs.plan as NonNullable<typeof row.refs.plan>] });
      }
    }
    if (row.lastYear !== undefined && (rate || row.lastYear !== 0)) {
      const change = rate ? row.actual - row.lastYear : ((row.actual - row.lastYear) / row.lastYear) * 100;
      if (ctx.finite(change, `${row.label} so với cùng kỳ`, [row.refs.actual])) {
        const amount = rate ? pointsText(Math.abs(change), c) : formatPercent(Math.abs(change), c);
        const rounded = Number(formatNumber(Math.abs(change), c).replace(/\./g, '').replace(',', '.'));
        const phrase = rounded === 0 ? 'bằng cùng kỳ' : `${direction(change)} ${amount} so với cùng kỳ`;
        parts.push(phrase);
        extras.push({ key: `${row.key}_cung_ky`, label: `${row.label}: so với cùng kỳ`, value: change, unit: rate ? 'điểm phần trăm' : '%', text: amount, phrase, how: rate ? `«${row.label}» Thực hiện − Cùng kỳ năm trước (điểm phần trăm)` : `(Thực hiện − Cùng kỳ năm trước) ÷ Cùng kỳ năm trước × 100, của «${row.label}»`, sources: [row.refs.actual, row.refs.lastYear as NonNullable<typeof row.refs.lastYear>] });
      }
    }
    const done = `${row.estimated ? 'ước thực hiện' : 'thực hiện'} ${value(row.actual)}`;
    out.push({ key: row.key, label: row.label, value: row.actual, unit: rate ? '%' : row.unit, text: value(row.actual), phrase: [done, ...parts].join(', '), status, how: `Số «Thực hiện» của dòng «${row.label}»${row.estimated ? ' (số ước tính)' : ''}`, sources: [row.refs.actual] }, ...extras);
  }
  return out;
}

/** Above the plan "vượt", at it "đạt", short of it "chưa đạt"; for a figure meant to fall, the other way round. */
export function planStatus(actual: number, plan: number, lowerIsBetter?: boolean): Status {
  const better = lowerIsBetter ? actual < plan : actual > plan;
  return better ? 'vượt' : actual === plan ? 'đạt' : 'chưa đạt';
}
