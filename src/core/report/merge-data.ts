import { formatDateLong, formatDateShort, formatMonthYear, formatPlaceDate, type CalendarDate } from '../format/date';
import { countInWordsCapitalised, formatCount, formatNumber, formatQuantity, keepRangesTogether } from '../format/number';
import { periodPhrases } from '../format/period';
import type { Indicator } from '../indicators/types';
import type { PeriodKeys } from '../indicators/engine';
import { periodOf, rowIndicatorKeys } from '../indicators/engine';
import { describeTarget } from '../indicators/target';
import type { MergeData, MergeValue } from '../template/data';
import type { Target } from '../workbook/parse-cell';
import type { Field, ListRow, ReportInput } from './input';
import type { ColumnDef, FieldDef } from './schema';
import type { ComposedName, ReportKind } from '../kind/types';
import { planItems } from './plan-data';
import { targetData } from './targets';

/**
 * Everything a template can name, as text written the Vietnamese way:
 * - {{KEY}} each input field; lists by their key, each row's columns by column key;
 * - {{chi_so.KEY}} / {{cau.KEY}} / {{trang_thai.KEY}} each indicator's text, phrase and status;
 * - conditions on statuses and changes, and the targets counted and listed by status (targets.ts);
 * - the kind's list views and composed names (bodies in capitals, place-and-date line), and the period's names.
 */
/**
 * Top-level names the product itself gives a template, beside the kind's own keys: a kind may not use them
 * for a field, list, view or composed name (kind/references.ts), or one would silently hide the other.
 */
export const BUILT_IN_NAMES: readonly string[] = [
  'dau_cau', 'chi_so', 'cau', 'trang_thai', // indicators, and counts in words
  'vuot', 'dat', 'chua_dat', 'tang', 'giam', 'chi_tieu', // targets (targets.ts)
  'giai_doan', 'ky_bao_cao', 'nam_dau_ky', 'cuoi_ky', 'cuoi_ky_day_du', 'dau_ky_day_du', // the period
];

export function buildMergeData(kind: ReportKind, input: ReportInput, indicators: readonly Indicator[]): MergeData {
  const data: MergeData = {};
  const fieldDefs = kind.tabs.flatMap((t) => t.blocks.flatMap((b) => (b.type === 'fields' ? b.fields : [])));
  // A count that opens a sentence is written in words: {{dau_cau.so_cho}} chợ -> "Hai chợ".
  const inWords: MergeData = {};
  for (const f of fieldDefs) {
    const field = input.fields[f.key];
    if (!field) continue;
    data[f.key] = fieldText(f, field);
    if (f.kind === 'count' && typeof field.value === 'number') inWords[f.key] = countInWordsCapitalised(field.value);
  }
  data.dau_cau = inWords;

  const columnsOf = new Map(kind.tabs.flatMap((t) => t.blocks.flatMap((b) => (b.type === 'list' ? [[b.key, b.columns] as const] : []))));
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const rowItems = new Map<string, MergeData[]>();
  for (const [key, columns] of columnsOf) {
    const rows = input.lists[key] ?? [];
    const perRow = kind.indicators.flatMap((d) => (d.kind === 'rowProduct' && d.list === key ? [{ key: d.key, rowKeys: rowIndicatorKeys(d, rows) }] : []));
    const items = rows.map((row, index) => rowData(row, columns, perRow.map((d) => ({ key: d.key, indicator: byKey.get(d.rowKeys[index]) }))));
    rowItems.set(key, items);
    data[key] = markPositions(items);
  }
  for (const view of kind.listViews) {
    const rows = input.lists[view.list] ?? [];
    const items = rowItems.get(view.list) ?? [];
    if ('where' in view) {
      data[view.key] = markPositions(items.filter((_, i) => rows[i].values[view.where.column] === view.where.equals).map((it) => ({ ...it })));
    } else {
      const groups = new Map<string, MergeData[]>();
      rows.forEach((r, i) => {
        const g = String(r.values[view.groupBy] ?? '');
        const members = groups.get(g);
        if (members) members.push({ ...items[i] });
        else groups.set(g, [{ ...items[i] }]);
      });
      data[view.key] = markPositions(
        [...groups].map(([name, members]) => {
          const group: MergeData = { ten: name, so_luong: formatCount(members.length), [view.itemsKey]: markPositions(members) };
          if (view.joinBy) group[view.joinBy.key] = markPositions(joinAlike(members, view.joinBy.column, view.itemsKey));
          return group;
        }),
      );
    }
  }

  for (const block of kind.tabs.flatMap((t) => t.blocks)) {
    if (block.type === 'plan') data[block.key] = markPositions(planItems(input.plans[block.key] ?? [], byKey));
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
  Object.assign(data, targetData(kind, input, indicators));
  Object.assign(data, composedNames(kind.composedNames, input));
  if (kind.period) Object.assign(data, periodNames(kind.period, input));
  return data;
}

function fieldText(f: FieldDef, field: Field): string {
  const v = field.value;
  if (typeof v === 'number') return f.kind === 'year' ? String(v) : f.kind === 'count' ? formatCount(v) : formatNumber(v, { maxDecimals: 3 });
  if (typeof v === 'string') return keepRangesTogether(v);
  if ('year' in v) return formatDateShort(v);
  return describeTarget(v as Target);
}

function rowData(row: ListRow, columns: readonly ColumnDef[], derived: readonly { key: string; indicator: Indicator | undefined }[]): MergeData {
  const item: MergeData = {};
  for (const c of columns) {
    const v = row.values[c.key];
    const entered = row.entered[c.key];
    if (v === null || v === undefined) item[c.key] = '';
    else if (typeof v === 'string') item[c.key] = keepRangesTogether(v);
    else if (c.kind === 'year') item[c.key] = String(v);
    else if (c.kind === 'count') item[c.key] = formatCount(v);
    // Money is written in the column's own unit, so one sentence never mixes "triệu đồng" and "đồng".
    else if (c.dimension === 'money' && c.unit) item[c.key] = formatQuantity(v, c.unit, { maxDecimals: 3 });
    else if (entered && entered.unit) item[c.key] = formatQuantity(entered.value, entered.unit, { maxDecimals: 3 });
    else item[c.key] = formatNumber(v, { maxDecimals: 3 });
  }
  // Per-row derived figures (production per crop) sit beside the row's own columns.
  for (const d of derived) if (d.indicator) item[d.key] = d.indicator.text;
  return item;
}

/**
 * Rows with the same non-blank `column` value joined into one item (in order of first appearance):
 * { [column]: value, [itemsKey]: the rows }. A row with the column blank stays on its own.
 */
function joinAlike(rows: readonly MergeData[], column: string, itemsKey: string): MergeData[] {
  const joined: { value: MergeValue; rows: MergeData[] }[] = [];
  const byValue = new Map<string, { value: MergeValue; rows: MergeData[] }>();
  for (const row of rows) {
    const value = row[column] ?? '';
    const same = typeof value === 'string' && value !== '' ? byValue.get(value) : undefined;
    if (same) same.rows.push({ ...row });
    else {
      const entry = { value, rows: [{ ...row }] };
      joined.push(entry);
      if (typeof value === 'string' && value !== '') byValue.set(value, entry);
    }
  }
  return joined.map((j) => ({ [column]: j.value, [itemsKey]: markPositions(j.rows) }));
}

/** Position flags let a template write separators: {{^cuoi}}; {{/cuoi}}. */
function markPositions(items: MergeData[]): MergeValue[] {
  return items.map((it, i) => ({ ...it, stt: String(i + 1), dau_tien: i === 0, cuoi: i === items.length - 1 }));
}

function composedNames(names: readonly ComposedName[], input: ReportInput): MergeData {
  const out: MergeData = {};
  // A year field (a number) reads as written: "2025".
  const text = (k: string) => {
    const v = input.fields[k]?.value;
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  };
  const date = (k: string) => {
    const v = input.fields[k]?.value;
    return typeof v === 'object' && v !== null && 'year' in v ? (v as CalendarDate) : undefined;
  };
  for (const n of names) {
    if (n.kind === 'text') {
      let whole = true;
      const value = n.text.replace(/\{([a-z][a-z0-9_]*)\}/g, (_, k: string) => {
        const v = text(k);
        if (v === undefined) whole = false;
        return v ?? '';
      });
      if (whole) out[n.key] = n.upperCase ? value.toUpperCase() : value;
    } else if (n.kind === 'placeDate') {
      const [place, d] = [text(n.place), date(n.date)];
      if (place && d) out[n.key] = formatPlaceDate(place, d);
    } else if (n.kind === 'longDate') {
      const d = date(n.date);
      if (d) out[n.key] = formatDateLong(d);
    } else if (n.kind === 'remainder') {
      const [whole, part] = [input.fields[n.whole]?.value, input.fields[n.part]?.value];
      if (typeof whole === 'number' && typeof part === 'number' && whole >= part) out[n.key] = formatCount(whole - part);
    } else {
      const [a, b] = [input.fields[n.value]?.value, input.fields[n.than]?.value];
      if (typeof a === 'number' && typeof b === 'number') out[n.key] = a >= b;
    }
  }
  return out;
}

/** Names of the report period every kind with a period has: giai_doan, ky_bao_cao, nam_dau_ky, cuoi_ky, cuoi_ky_day_du, dau_ky_day_du. */
function periodNames(keys: PeriodKeys, input: ReportInput): MergeData {
  const period = periodOf(input, keys);
  if (!period) return {};
  const phrases = periodPhrases(period.from, period.to);
  return {
    giai_doan: phrases.years,
    ky_bao_cao: phrases.span,
    nam_dau_ky: String(period.from.year),
    cuoi_ky: formatMonthYear(period.to),
    cuoi_ky_day_du: phrases.endReading,
    dau_ky_day_du: phrases.startReading,
  };
}
