import { formatNumber } from '../format/number';
import type { Target } from '../workbook/parse-cell';
import type { Status } from './types';

/** Status of a figure against its target: above a minimum "vượt", equal "đạt", below "chưa đạt". */
export function targetStatus(target: Target, value: number, start?: number): Status {
  switch (target.kind) {
    case 'min':
      return value > target.value ? 'vượt' : value === target.value ? 'đạt' : 'chưa đạt';
    case 'max':
      return value < target.value ? 'vượt' : value === target.value ? 'đạt' : 'chưa đạt';
    case 'range':
      return value > target.high ? 'vượt' : value >= target.low ? 'đạt' : 'chưa đạt';
    case 'decrease':
      return start !== undefined && value < start ? 'đạt' : 'chưa đạt';
    case 'increase':
      return start !== undefined && value > start ? 'đạt' : 'chưa đạt';
  }
}

/** How the report names a target in brackets: "NQ 90 %", "NQ không quá 6 %", "NQ 85-90 %", "NQ giảm". */
export function describeTarget(target: Target): string {
  const n = (v: number) => formatNumber(v, { maxDecimals: 2 });
  switch (target.kind) {
    case 'min':
      return `NQ ${n(target.value)} %`;
    case 'max':
      return `NQ không quá ${n(target.value)} %`;
    case 'range':
      return `NQ ${n(target.low)}-${n(target.high)} %`;
    case 'decrease':
      return 'NQ giảm';
    case 'increase':
      return 'NQ tăng';
  }
}

/** "vượt chỉ tiêu Nghị quyết đề ra (NQ 90 %)". */
export function statusPhrase(status: Status, target: Target): string {
  return `${status} chỉ tiêu Nghị quyết đề ra (${describeTarget(target)})`;
}
