import { formatNumber, formatPercent, formatRange } from '../format/number';
import type { Target } from '../workbook/parse-cell';
import type { Status } from './types';

/**
 * Status of a figure against its target. A minimum or a range is exceeded ("vượt") above it; a cap
 * (≤ 6 %) is met or not, never "exceeded": staying under a ceiling is meeting it. A direction (giảm,
 * tăng) is met when the figure moved that way over the period.
 */
export function targetStatus(target: Target, value: number, start?: number): Status {
  switch (target.kind) {
    case 'min':
      return value > target.value ? 'vượt' : value === target.value ? 'đạt' : 'chưa đạt';
    case 'max':
      return value <= target.value ? 'đạt' : 'chưa đạt';
    case 'range':
      return value > target.high ? 'vượt' : value >= target.low ? 'đạt' : 'chưa đạt';
    case 'decrease':
      return start !== undefined && value < start ? 'đạt' : 'chưa đạt';
    case 'increase':
      return start !== undefined && value > start ? 'đạt' : 'chưa đạt';
  }
}

/** True for a target that is a direction over the period rather than a level. */
export function isDirection(target: Target): boolean {
  return target.kind === 'decrease' || target.kind === 'increase';
}

/**
 * The target as a level, as the report names it in brackets: "NQ 90%", "NQ không quá 6%", "NQ 85‑90%";
 * a direction as a word: "giảm", "tăng".
 */
export function describeTarget(target: Target): string {
  const n = (v: number) => formatNumber(v, { maxDecimals: 2 });
  switch (target.kind) {
    case 'min':
      return `NQ ${formatPercent(target.value, { maxDecimals: 2 })}`;
    case 'max':
      return `NQ không quá ${formatPercent(target.value, { maxDecimals: 2 })}`;
    case 'range':
      return `NQ ${formatRange(n(target.low), n(target.high))}%`;
    case 'decrease':
      return 'giảm';
    case 'increase':
      return 'tăng';
  }
}

/**
 * "vượt chỉ tiêu Nghị quyết đề ra (NQ 90%)"; for a direction target no bracket, since the sentence
 * already says which way the figure went: "đạt chỉ tiêu Nghị quyết đề ra".
 */
export function statusPhrase(status: Status, target: Target): string {
  const base = `${status} chỉ tiêu Nghị quyết đề ra`;
  return isDirection(target) ? base : `${base} (${describeTarget(target)})`;
}
