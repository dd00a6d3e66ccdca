import { formatNumber, formatPercent } from '../format/number';
import type { Indicator } from '../indicators/types';
import type { MergeData } from '../template/data';
import type { PlanRow } from './input';

/**
 * A plan-and-results table as a template loops over it ({{#KEY}} … {{/KEY}}), one item per row:
 * ma, chi_tieu, don_vi, ke_hoach, thuc_hien, cung_ky (as entered, written the Vietnamese way),
 * phan_tram_ke_hoach ("52,3 %"), so_ke_hoach ("đạt 52,3 % kế hoạch năm"), so_cung_ky ("tăng 4,1 % so với
 * cùng kỳ"), so_sanh (both), trang_thai (vượt / đạt / chưa đạt), uoc_tinh (true for an estimate), ghi_chu,
 * and cau (the whole phrase: "ước thực hiện …, đạt …, tăng …").
 */
export function planItems(rows: readonly PlanRow[], indicators: ReadonlyMap<string, Indicator>): MergeData[] {
  return rows.map((row) => {
    const number = (v: number | undefined) => (v === undefined ? '' : row.kind === 'percent' ? formatPercent(v, { maxDecimals: 2 }) : formatNumber(v, { maxDecimals: 2 }));
    const result = indicators.get(row.key);
    const toPlan = indicators.get(`${row.key}_ke_hoach`);
    const toLastYear = indicators.get(`${row.key}_cung_ky`);
    const phrases = [toPlan?.phrase, toLastYear?.phrase].filter((p): p is string => !!p);
    return {
      ma: row.key,
      chi_tieu: row.label,
      don_vi: row.kind === 'percent' ? '%' : row.unit,
      ke_hoach: number(row.plan),
      thuc_hien: number(row.actual),
      cung_ky: number(row.lastYear),
      phan_tram_ke_hoach: toPlan?.text ?? '',
      so_ke_hoach: toPlan?.phrase ?? '',
      so_cung_ky: toLastYear?.phrase ?? '',
      so_sanh: phrases.join(', '),
      trang_thai: toPlan?.status ?? '',
      uoc_tinh: row.estimated,
      ghi_chu: row.note,
      cau: result?.phrase ?? '',
    };
  });
}
