/**
 * What the district's summary report template can name (the kind's roll-up template):
 *
 * - `{{so_xa}}`, `{{so_xa_tinh}}`: communes listed, communes counted (without errors);
 * - `{{#xa}}{{stt}} {{ten}} {{tinh_trang}} {{chi_so.KEY}}{{/xa}}`: one item per commune, its figures' texts;
 * - `{{tong.KEY}}`: the district figure's text; `{{so_xa_dat.KEY}}` for the count of communes meeting a target;
 * - `{{#chua_dat}}{{chi_tieu}}: {{cac_xa}} ({{so_xa}}){{/chua_dat}}`: the communes that missed each target;
 * - `{{#xa_loi}}{{ten}}: {{so_loi}} lỗi{{/xa_loi}}`: communes left out because of errors;
 * - `{{chung.NAME}}`: a text the communes share, from the first counted commune's own data (the level
 *   above, the period), and `{{ngay_tong_hop}}`, given by the caller.
 */
import type { MergeData } from '../template/data';
import { formatNumber } from '../format/number';
import type { Rollup } from './rollup';
import { communeState } from './table';

const MISSING = '—';

export function rollupMergeData(rollup: Rollup, shared: Record<string, string>, when: string): MergeData {
  // Every column's key is present for every commune and in the total ("—" where a figure is missing), so a
  // template naming a figure one commune lacks still merges.
  const texts = (values: Record<string, { text: string }>) => Object.fromEntries(rollup.columns.map((c) => [c.key, values[c.key]?.text ?? MISSING]));
  const xa = rollup.communes.map((c, i) => ({
    stt: String(i + 1),
    ten: c.name,
    tinh_trang: communeState(c.errors, c.warnings),
    chi_so: texts(c.values),
  }));
  const tong: Record<string, string> = {};
  for (const c of rollup.columns) tong[c.key] = rollup.totals[c.key]?.text || MISSING;
  const chuaDat = rollup.columns.flatMap((c) => {
    const missed = rollup.totals[c.key]?.missed ?? [];
    return missed.length > 0 ? [{ chi_tieu: c.label, cac_xa: missed.join(', '), so_xa: formatNumber(missed.length) }] : [];
  });
  const xaLoi = rollup.communes.filter((c) => !c.ok).map((c) => ({ ten: c.name, so_loi: formatNumber(c.errors) }));
  return {
    so_xa: formatNumber(rollup.communes.length),
    so_xa_tinh: formatNumber(rollup.included),
    xa,
    tong,
    chua_dat: chuaDat,
    co_xa_chua_dat: chuaDat.length > 0,
    xa_loi: xaLoi,
    chung: shared,
    ngay_tong_hop: when,
  };
}
