import { formatDateLong, formatDateShort, formatEndOfMonth, formatMonthYear, formatPlaceDate, type CalendarDate } from '../format/date';
import { formatCount, formatNumber, formatQuantity } from '../format/number';
import type { Indicator, IndicatorDef } from '../indicators/types';
import { periodOf, rowIndicatorKey } from '../indicators/engine';
import { describeTarget } from '../indicators/target';
import type { MergeData, MergeValue } from '../template/data';
import type { Target } from '../workbook/parse-cell';
import type { Field, ListRow, ReportInput } from './input';
import type { ColumnDef, FieldDef, ReportDefinition } from './schema';
import { LIST_VIEWS } from './views';

/**
 * Everything a template can name, as text written the Vietnamese way:
 * - {{KEY}} each input field; lists by their key, each row's columns by column key;
 * - {{chi_so.KEY}} / {{cau.KEY}} / {{trang_thai.KEY}} each indicator's text, phrase and status;
 * - a few composed names for the official layout (bodies in capitals, place-and-date line, period).
 */
export function buildMergeData(def: ReportDefinition, defs: readonly IndicatorDef[], input: ReportInput, indicators: readonly Indicator[]): MergeData {
  const data: MergeData = {};
  const fieldDefs = def.tabs.flatMap((t) => t.blocks.flatMap((b) => (b.type === 'fields' ? b.fields : [])));
  for (const f of fieldDefs) {
    const field = input.fields[f.key];
    if (field) data[f.key] = fieldText(f, field);
  }

  const columnsOf = new Map(def.tabs.flatMap((t) => t.blocks.flatMap((b) => (b.type === 'list' ? [[b.key, b.columns] as const] : []))));
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const rowItems = new Map<string, MergeData[]>();
  for (const [key, columns] of columnsOf) {
    const rows = input.lists[key] ?? [];
    const items = rows.map((row, index) => rowData(rows, index, columns, defs, byKey, key));
    rowItems.set(key, items);
    data[key] = markPositions(items);
  }
  for (const view of LIST_VIEWS) {
    const rows = input.lists[view.list] ?? [];
    const items = rowItems.get(view.list) ?? [];
    if ('where' in view) {
      data[view.key] = markPositions(items.filter((_, i) => rows[i].values[view.where.column] === view.where.equals).map((it) => ({ ...it })));
    } else {
      const groups = new Map<string, MergeData[]>();
      rows.forEach((r, i) => {
        const g = String(r.values[view.groupBy] ?? '');
        groups.set(g, [...(groups.get(g) ?? []), { ...items[i] }]);
      });
      data[view.key] = markPositions([...groups].map(([name, members]) => ({ ten: name, so_luong: formatCount(members.length), [view.itemsKey]: markPositions(members) })));
    }
  }

  const chiSo: MergeData = {};
  const cau: MergeData = {};
  const trangThai: MergeData = {};
  for (const i of indicators) {
    chiSo[i.key] = i.text;
    cau[i.key] = i.phrase ?? i.text;
    if (i.status) trangThai[i.key] = i.status;
  }
  data.chi_so = chiSo;
  data.cau = cau;
  data.trang_thai = trangThai;
  Object.assign(data, composedNames(input));
  return data;
}

function fieldText(f: FieldDef, field: Field): string {
  const v = field.value;
  if (typeof v === 'number') return f.kind === 'count' ? formatCount(v) : formatNumber(v, { maxDecimals: 3 });
  if (typeof v === 'string') return v;
  if ('year' in v) return formatDateShort(v);
  return describeTarget(v as Target);
}

function rowData(rows: readonly ListRow[], index: number, columns: readonly ColumnDef[], defs: readonly IndicatorDef[], indicators: Map<string, Indicator>, list: string): MergeData {
  const row = rows[index];
  const item: MergeData = {};
  for (const c of columns) {
    const v = row.values[c.key];
    const entered = row.entered[c.key];
    if (v === null || v === undefined) item[c.key] = '';
    else if (typeof v === 'string') item[c.key] = v;
    else if (c.kind === 'count') item[c.key] = formatCount(v);
    else if (entered && entered.unit) item[c.key] = formatQuantity(entered.value, entered.unit, { maxDecimals: 3 });
    else item[c.key] = formatNumber(v, { maxDecimals: 3 });
  }
  // Per-row derived figures (production per crop) sit beside the row's own columns.
  for (const d of defs) {
    if (d.kind !== 'rowProduct' || d.list !== list) continue;
    const ind = indicators.get(rowIndicatorKey(d, rows, index));
    if (ind) item[d.key] = ind.text;
  }
  return item;
}

/** Position flags let a template write separators: {{^cuoi}}; {{/cuoi}}. */
function markPositions(items: MergeData[]): MergeValue[] {
  return items.map((it, i) => ({ ...it, stt: String(i + 1), dau_tien: i === 0, cuoi: i === items.length - 1 }));
}

function composedNames(input: ReportInput): MergeData {
  const out: MergeData = {};
  const text = (k: string) => (typeof input.fields[k]?.value === 'string' ? (input.fields[k].value as string) : undefined);
  const date = (k: string) => {
    const v = input.fields[k]?.value;
    return typeof v === 'object' && v !== null && 'year' in v ? (v as CalendarDate) : undefined;
  };
  const xa = text('ten_xa');
  const capTren = text('ten_cap_tren');
  if (capTren) out.co_quan_cap_tren = `UBND ${capTren}`.toUpperCase();
  if (xa) {
    out.co_quan_ban_hanh = `Ủy ban nhân dân xã ${xa}`.toUpperCase();
    out.ten_xa_in_hoa = xa.toUpperCase();
  }
  const ngay = date('ngay_bao_cao');
  if (xa && ngay) out.dia_danh_ngay = formatPlaceDate(xa, ngay);
  if (ngay) out.ngay_bao_cao_day_du = formatDateLong(ngay);
  const received = input.fields.don_tiep_nhan?.value;
  const resolved = input.fields.don_giai_quyet?.value;
  if (typeof received === 'number' && typeof resolved === 'number') out.khong_ton_dong = resolved >= received;
  const period = periodOf(input);
  if (period) {
    out.giai_doan = `${period.from.year}-${period.to.year}`;
    out.nam_dau_ky = String(period.from.year);
    out.cuoi_ky = formatMonthYear(period.to);
    out.cuoi_ky_day_du = formatEndOfMonth(period.to);
  }
  return out;
}
