import { NBSP, formatCount, formatNumber, formatPercent, formatQuantity } from '../format/number';
import type { CalendarDate } from '../format/date';
import { monthsInclusive } from '../format/date';
import { periodPhrases } from '../format/period';
import type { Issue } from '../issues';
import type { CellRef, ListRow, ReportInput } from '../report/input';
import type { Target } from '../workbook/parse-cell';
import { describeTarget, isDirection, statusPhrase, targetStatus } from './target';
import type { Indicator, IndicatorDef, Ref } from './types';
import { slug } from './slug';
import { convert } from '../units';

/** The two date fields that bound a report's period (a kind's `period`). */
export interface PeriodKeys {
  from: string;
  to: string;
}

interface Figure {
  value: number;
  unit: string;
  sources: CellRef[];
}

/**
 * Computes every indicator whose inputs are valid, in definition order (an indicator may use an earlier
 * one as `@key`). Indicators whose inputs are missing are skipped: the reader has already said why.
 * Indicators that need the period (per year, over the period) are skipped when `periodKeys` is absent.
 */
export function computeIndicators(defs: readonly IndicatorDef[], input: ReportInput, periodKeys?: PeriodKeys): { indicators: Indicator[]; issues: Issue[] } {
  const out: Indicator[] = [];
  const issues: Issue[] = [];
  const byKey = new Map<string, Indicator>();
  const add = (i: Indicator) => {
    out.push(i);
    byKey.set(i.key, i);
  };

  /** A result too large (or a division by a vanishing figure) cannot be written: say so at its inputs. */
  const finite = (value: number, label: string, sources: CellRef[]): boolean => {
    if (Number.isFinite(value)) return true;
    const at = sources[0] ?? { sheet: '', cell: 'A1' };
    issues.push({ severity: 'error', sheet: at.sheet, cell: at.cell, message: `Không tính được «${label}»: kết quả quá lớn để ghi thành số. Kiểm tra lại các số liệu gốc (${sources.map((r) => `${r.sheet}!${r.cell}`).join(', ')}).` });
    return false;
  };
  const figure = (ref: Ref): Figure | undefined => {
    if (ref.startsWith('@')) {
      const i = byKey.get(ref.slice(1));
      return i && { value: i.value, unit: i.unit, sources: i.sources };
    }
    const [key, part] = ref.split('.');
    if (part) {
      const rate = input.rates[key];
      return rate && { value: part === 'start' ? rate.start : rate.end, unit: '%', sources: [rate.ref] };
    }
    const f = input.fields[key];
    return f && typeof f.value === 'number' ? { value: f.value, unit: f.unit ?? '', sources: [f.ref] } : undefined;
  };
  const target = (ref: Ref): { target: Target; source: CellRef } | undefined => {
    const f = input.fields[ref];
    return f && typeof f.value === 'object' && 'kind' in f.value ? { target: f.value, source: f.ref } : undefined;
  };
  const period = periodKeys && periodOf(input, periodKeys);

  for (const def of defs) {
    const fmt = { maxDecimals: def.decimals, minDecimals: def.minDecimals };
    const base = { key: def.key, label: def.label };
    switch (def.kind) {
      case 'ratio': {
        const [p, w] = [figure(def.part), figure(def.whole)];
        if (!p || !w || w.value === 0) break;
        const value = (p.value / w.value) * 100;
        if (!finite(value, def.label, [...p.sources, ...w.sources])) break;
        add({ ...base, value, unit: '%', text: formatPercent(value, fmt), how: `${labelOf(def.part)} ÷ ${labelOf(def.whole)} × 100`, sources: [...p.sources, ...w.sources] });
        break;
      }
      case 'fraction': {
        const [p, w] = [figure(def.part), figure(def.whole)];
        if (!p || !w || w.value === 0) break;
        const value = (p.value / w.value) * 100;
        if (!finite(value, def.label, [...p.sources, ...w.sources])) break;
        add({ ...base, value, unit: '%', text: `${formatNumber(p.value)}/${formatNumber(w.value)}`, phrase: formatPercent(value, fmt), how: `${labelOf(def.part)} / ${labelOf(def.whole)}`, sources: [...p.sources, ...w.sources] });
        break;
      }
      case 'sum': {
        const terms = def.terms.map(figure);
        if (terms.some((t) => !t)) break;
        const value = terms.reduce((s, t) => s + (t as Figure).value, 0);
        if (!finite(value, def.label, terms.flatMap((t) => (t as Figure).sources))) break;
        add({ ...base, value, unit: def.unit, text: formatQuantity(value, def.unit, fmt), how: def.terms.map(labelOf).join(' + '), sources: terms.flatMap((t) => (t as Figure).sources) });
        break;
      }
      case 'listSum': {
        const rows = listRows(input, def.list, def.where);
        if (!rows) break;
        const sum = rows.reduce((s, r) => s + (typeof r.values[def.column] === 'number' ? (r.values[def.column] as number) : 0), 0);
        const value = def.columnUnit ? convert(sum, def.columnUnit, def.unit) : sum;
        if (!finite(value, def.label, rows.map(rowRef))) break;
        add({ ...base, value, unit: def.unit, text: formatQuantity(value, def.unit, fmt), how: `Cộng cột «${def.column}» của danh sách «${def.list}»${def.where ? ` (${def.where.column} = ${def.where.equals})` : ''}`, sources: rows.map(rowRef) });
        break;
      }
      case 'listCount': {
        const rows = listRows(input, def.list, def.where);
        if (!rows) break;
        const value = rows.length;
        const n = def.leadingZero ? formatCount(value) : formatNumber(value);
        add({ ...base, value, unit: def.unit, text: def.unit ? `${n}${NBSP}${def.unit}` : n, how: `Đếm số dòng của danh sách «${def.list}»${def.where ? ` (${def.where.column} = ${def.where.equals})` : ''}`, sources: rows.map(rowRef) });
        break;
      }
      case 'rowProduct': {
        const rows = input.lists[def.list] ?? [];
        const keys = rowIndicatorKeys(def, rows);
        rows.forEach((row, index) => {
          const a = row.values[def.a];
          const b = row.values[def.b];
          if (typeof a !== 'number' || typeof b !== 'number') return;
          const value = a * b * def.factor;
          const name = String(row.values[def.rowKey] ?? row.row);
          if (!finite(value, `${def.label}: ${name}`, [rowRef(row)])) return;
          add({ key: keys[index], label: `${def.label}: ${name}`, value, unit: def.unit, text: formatQuantity(value, def.unit, fmt), how: `${def.a} × ${def.b} (đổi ra ${def.unit})`, sources: [rowRef(row)] });
        });
        break;
      }
      case 'changePercent': {
        const [from, to] = [figure(def.from), figure(def.to)];
        if (!from || !to || from.value === 0) break;
        const value = ((to.value - from.value) / from.value) * 100;
        if (!finite(value, def.label, [...from.sources, ...to.sources])) break;
        add({ ...base, value, unit: '%', text: formatPercent(Math.abs(value), fmt), phrase: `${direction(value)} ${formatPercent(Math.abs(value), fmt)}`, how: `(${labelOf(def.to)} − ${labelOf(def.from)}) ÷ ${labelOf(def.from)} × 100`, sources: [...from.sources, ...to.sources] });
        break;
      }
      case 'changePoints': {
        const [from, to] = [figure(def.from), figure(def.to)];
        if (!from || !to) break;
        const value = to.value - from.value;
        if (!finite(value, def.label, [...from.sources, ...to.sources])) break;
        const t = def.target ? target(def.target) : undefined;
        const status = t ? targetStatus(t.target, to.value, from.value) : undefined;
        add({ ...base, value, unit: 'điểm phần trăm', text: pointsText(Math.abs(value), fmt), phrase: `${direction(value)} ${pointsText(Math.abs(value), fmt)}`, status, how: `${labelOf(def.to)} − ${labelOf(def.from)} (điểm phần trăm)`, sources: [...from.sources, ...to.sources, ...(t ? [t.source] : [])] });
        break;
      }
      case 'rateOverPeriod': {
        const rate = input.rates[def.rate];
        if (!rate || !period) break;
        const value = rate.end - rate.start;
        const status = targetStatus(rate.target, rate.end, rate.start);
        const when = periodPhrases(period.from, period.to);
        const p = (v: number) => formatPercent(v, fmt);
        const change =
          value === 0
            ? `giữ nguyên ${p(rate.end)} từ ${when.startReading} đến ${when.endReading}`
            : `${direction(value)} ${pointsText(Math.abs(value), fmt)}, từ ${p(rate.start)} ${when.startReading} ${value > 0 ? 'lên' : 'xuống còn'} ${p(rate.end)} ${when.endReading}`;
        // A direction target ("giảm") is judged by the yearly pace, as the report phrases it.
        const pace = isDirection(rate.target) && value !== 0 ? `, bình quân mỗi năm ${direction(value)} ${pointsText(Math.abs(value) / period.years, fmt)}` : '';
        add({ ...base, value, unit: 'điểm phần trăm', text: pointsText(Math.abs(value), fmt), phrase: `${change}${pace}, ${statusPhrase(status, rate.target)}`, status, how: `Cuối kỳ − đầu kỳ (điểm phần trăm); so với chỉ tiêu ${describeTarget(rate.target)}`, sources: [rate.ref] });
        break;
      }
      case 'perHeadPerYear': {
        const [total, people] = [figure(def.total), figure(def.population)];
        if (!total || !people || !period || people.value === 0) break;
        const value = (total.value * def.factor) / people.value / period.years;
        if (!finite(value, def.label, [...total.sources, ...people.sources])) break;
        add({ ...base, value, unit: def.unit, text: formatQuantity(value, def.unit, fmt), how: `${labelOf(def.total)} × ${def.factor} ÷ ${labelOf(def.population)} ÷ số năm của kỳ báo cáo (${formatNumber(period.years)})`, sources: [...total.sources, ...people.sources, ...period.sources] });
        break;
      }
      case 'periodYears': {
        if (!period) break;
        add({ ...base, value: period.years, unit: 'năm', text: formatQuantity(period.years, 'năm', fmt), how: `Số tháng từ ${periodKeys?.from} đến ${periodKeys?.to} (${period.months}) ÷ 12`, sources: period.sources });
        break;
      }
      case 'status': {
        const v = figure(def.value);
        const t = target(def.target);
        if (!v || !t) break;
        const status = targetStatus(t.target, v.value);
        add({ ...base, value: v.value, unit: v.unit, text: formatQuantity(v.value, v.unit, fmt), phrase: statusPhrase(status, t.target), status, how: `So ${labelOf(def.value)} với chỉ tiêu ${describeTarget(t.target)}`, sources: [...v.sources, t.source] });
        break;
      }
      case 'crossCheck': {
        const entered = figure(def.entered);
        const computed = byKey.get(def.computed);
        if (!entered || !computed || Math.abs(entered.value - computed.value) <= def.tolerance) break;
        const src = entered.sources[0];
        issues.push({
          severity: 'warning',
          sheet: src.sheet,
          cell: src.cell,
          message: `«${def.label}» đã nhập ${formatQuantity(entered.value, entered.unit, fmt)} khác với số tính từ các số liệu gốc: ${computed.text} (${computed.how}). Báo cáo dùng số tính được.`,
        });
        break;
      }
    }
  }
  return { indicators: out, issues };
}

/**
 * Keys of a list's per-row indicators, in row order: `san_luong_lua`. Names that differ only in diacritics
 * slug alike ("Đậu" and "Dâu" are both `dau`), so a row whose slug an earlier row already took also carries
 * its row number. One pass: each row's slug is made once.
 */
export function rowIndicatorKeys(def: { key: string; rowKey: string }, rows: readonly ListRow[]): string[] {
  const taken = new Set<string>();
  return rows.map((r) => {
    const own = slug(String(r.values[def.rowKey] ?? r.row));
    const key = `${def.key}_${own}${taken.has(own) ? `_${r.row}` : ''}`;
    taken.add(own);
    return key;
  });
}

function direction(value: number): string {
  return value >= 0 ? 'tăng' : 'giảm';
}

function pointsText(value: number, fmt: { maxDecimals?: number; minDecimals?: number }): string {
  return `${formatNumber(value, fmt)}${NBSP}điểm phần trăm`;
}

function labelOf(ref: Ref): string {
  return ref.startsWith('@') ? ref.slice(1) : ref;
}

function rowRef(row: ListRow): CellRef {
  return { sheet: row.sheet, cell: `A${row.row}` };
}

function listRows(input: ReportInput, list: string, where?: { column: string; equals: string }): ListRow[] | undefined {
  const rows = input.lists[list];
  if (!rows) return undefined;
  return where ? rows.filter((r) => r.values[where.column] === where.equals) : rows;
}

export interface Period {
  from: CalendarDate;
  to: CalendarDate;
  months: number;
  years: number;
  sources: CellRef[];
}

/** The report period in whole months (1/2020 to 5/2023 is 41 months, 3,42 years). */
export function periodOf(input: ReportInput, keys: PeriodKeys): Period | undefined {
  const a = input.fields[keys.from];
  const b = input.fields[keys.to];
  if (!a || !b || typeof a.value !== 'object' || typeof b.value !== 'object' || !('year' in a.value) || !('year' in b.value)) return undefined;
  const months = monthsInclusive(a.value, b.value);
  if (months <= 0) return undefined;
  return { from: a.value, to: b.value, months, years: months / 12, sources: [a.ref, b.ref] };
}
