import { NBSP, formatCount, formatNumber, formatQuantity } from '../../format/number';
import { convert } from '../../units';
import { slug } from '../slug';
import type { ListRow } from '../../report/input';
import { formatOf, listRows, rowRef, type Figure, type KindsOf } from '../kind-api';

/** Sums and counts, of fields or of a list's rows, and one figure per list row. */
export const TOTAL_KINDS: KindsOf<'sum' | 'listSum' | 'listCount' | 'rowProduct'> = {
  sum: {
    summary: 'Tổng các số liệu trong «terms».',
    inputs: (d) => d.terms.map((ref, i) => ({ prop: `terms[${i}]`, sort: 'figure' as const, ref })),
    compute(d, ctx) {
      const terms = d.terms.map((t) => ctx.figure(t));
      if (terms.some((t) => !t)) return;
      const figures = terms as Figure[];
      const value = figures.reduce((s, t) => s + t.value, 0);
      const sources = figures.flatMap((t) => t.sources);
      if (!ctx.finite(value, d.label, sources)) return;
      ctx.add({ key: d.key, label: d.label, value, unit: d.unit, text: formatQuantity(value, d.unit, formatOf(d)), how: d.terms.map((t) => ctx.label(t)).join(' + '), sources });
    },
  },
  listSum: {
    summary: 'Cộng một cột số của danh sách, có thể chỉ các dòng có cột «where» bằng một giá trị; đổi từ «columnUnit» sang «unit».',
    inputs: (d) => [{ prop: 'list', sort: 'list', ref: d.list, columns: [{ prop: 'column', key: d.column, numeric: true }], where: d.where }],
    compute(d, ctx) {
      const rows = listRows(ctx.input, d.list, d.where);
      if (!rows) return;
      const sum = rows.reduce((s, r) => s + (typeof r.values[d.column] === 'number' ? (r.values[d.column] as number) : 0), 0);
      const value = d.columnUnit ? convert(sum, d.columnUnit, d.unit) : sum;
      if (!ctx.finite(value, d.label, rows.map(rowRef))) return;
      const filter = d.where ? ` (các dòng có «${ctx.columnLabel(d.list, d.where.column)}» là ${d.where.equals})` : '';
      ctx.add({ key: d.key, label: d.label, value, unit: d.unit, text: formatQuantity(value, d.unit, formatOf(d)), how: `Cộng cột «${ctx.columnLabel(d.list, d.column)}» của bảng «${ctx.listTitle(d.list)}»${filter}`, sources: rows.map(rowRef) });
    },
  },
  listCount: {
    summary: 'Số dòng của danh sách, có thể lọc theo «where»; «leadingZero» viết «05».',
    inputs: (d) => [{ prop: 'list', sort: 'list', ref: d.list, columns: [], where: d.where }],
    compute(d, ctx) {
      const rows = listRows(ctx.input, d.list, d.where);
      if (!rows) return;
      const value = rows.length;
      const n = d.leadingZero ? formatCount(value) : formatNumber(value);
      const filter = d.where ? ` (các dòng có «${ctx.columnLabel(d.list, d.where.column)}» là ${d.where.equals})` : '';
      ctx.add({ key: d.key, label: d.label, value, unit: d.unit, text: d.unit ? `${n}${NBSP}${d.unit}` : n, how: `Đếm số dòng của bảng «${ctx.listTitle(d.list)}»${filter}`, sources: rows.map(rowRef) });
    },
  },
  rowProduct: {
    summary: 'Mỗi dòng của danh sách: cột «a» × cột «b» × «factor» (diện tích × năng suất ra sản lượng); khóa KEY_<tên dòng>.',
    inputs: (d) => [
      {
        prop: 'list',
        sort: 'list',
        ref: d.list,
        columns: [
          { prop: 'a', key: d.a, numeric: true },
          { prop: 'b', key: d.b, numeric: true },
          { prop: 'rowKey', key: d.rowKey, numeric: false },
        ],
      },
    ],
    compute(d, ctx) {
      const rows = ctx.input.lists[d.list] ?? [];
      const keys = rowIndicatorKeys(d, rows);
      rows.forEach((row, index) => {
        const a = row.values[d.a];
        const b = row.values[d.b];
        if (typeof a !== 'number' || typeof b !== 'number') return;
        const value = a * b * d.factor;
        const name = String(row.values[d.rowKey] ?? row.row);
        if (!ctx.finite(value, `${d.label}: ${name}`, [rowRef(row)])) return;
        ctx.add({ key: keys[index], label: `${d.label}: ${name}`, value, unit: d.unit, text: formatQuantity(value, d.unit, formatOf(d)), how: `${ctx.columnLabel(d.list, d.a)} × ${ctx.columnLabel(d.list, d.b)} (đổi ra ${d.unit})`, sources: [rowRef(row)] });
      });
    },
  },
};

/**
 * Keys of a list's per-row indicators, in row order: `san_luong_lua`. Names that differ only in diacritics
 * or punctuation slug alike ("Lúa" and "Lua" are both `lua`): the first row keeps the plain key, each later
 * one takes the next free number (`lua_2`, `lua_3`), skipping any key another row's own name gives ("Lúa 2"
 * keeps `lua_2`). Keys are therefore unique, and the same names in the same order always give the same
 * keys; a row's key does not change when rows are added above it or other crops change. Linear: each
 * row's slug is made once.
 */
export function rowIndicatorKeys(def: { key: string; rowKey: string }, rows: readonly ListRow[]): string[] {
  // A name with no letter or digit ("—") still gets a key.
  const owns = rows.map((r) => slug(String(r.values[def.rowKey] ?? '')) || 'dong');
  const reserved = new Set(owns);
  const used = new Set<string>();
  const next = new Map<string, number>();
  return owns.map((own) => {
    let key = own;
    if (used.has(key)) {
      let n = next.get(own) ?? 2;
      while (reserved.has(`${own}_${n}`) || used.has(`${own}_${n}`)) n++;
      next.set(own, n + 1);
      key = `${own}_${n}`;
    }
    used.add(key);
    return `${def.key}_${key}`;
  });
}
