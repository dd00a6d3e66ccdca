import { isValidDate, type CalendarDate } from '../format/date';
import { formatNumber } from '../format/number';
import { asCellError, isBlank, isCalendarDate, isCellError, stripInvisible, UNCOMPUTED_FORMULA, type CellValue } from './grid';

/** A parsed cell: the value, or a Vietnamese description of what was found instead. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; found: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(found: string): Parsed<T> => ({ ok: false, found });

/** How a cell looks to the clerk, for messages. */
export function describeCell(cell: CellValue): string {
  const v = asCellError(cell);
  if (isBlank(v)) return 'ô trống';
  if (isCellError(v) && v.error === UNCOMPUTED_FORMULA)
    return 'một công thức chưa được tính (tệp không lưu giá trị của nó): mở tệp bằng Excel hoặc LibreOffice Calc, lưu lại rồi chạy lại';
  if (isCellError(v)) return `lỗi công thức ${v.error}`;
  if (isCalendarDate(v)) return `ngày ${v.day}/${v.month}/${v.year}`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const text = typeof v === 'number' ? numberAsTyped(v) : String(v);
  return `«${text.length > 40 ? text.slice(0, 40) + '…' : text}»`;
}

/**
 * A number cell as a Vietnamese clerk reads it: "6,5", "-5.433,05"; beyond what a sheet shows in full
 * ("1,5e+300"), the decimal comma still.
 */
function numberAsTyped(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) < 1e15 ? formatNumber(v, { maxDecimals: 6 }) : String(v).replace('.', ',');
}

/**
 * Numbers typed the Vietnamese way as text: "1.042" and "1.050.000" group thousands with dots, "5.433,05"
 * and "53,58" use a decimal comma, and a lone comma is always the decimal mark ("1,250" is 1,25 and
 * "12,345" is 12,345). A lone dot with other than three digits after it can only be a decimal point
 * ("5.3"); commas grouping thousands are read only where nothing else fits ("12,345,678", "1,234.5").
 * Scientific notation ("1,5E+3") is read too. Texts the two conventions read differently are found by
 * `otherReading`, so that the cell can be warned about.
 */
export function parseNumberText(raw: string): number | undefined {
  const text = raw.normalize('NFC').replace(/[\s\u00a0]/g, '');
  if (!text) return undefined;
  const sci = /^([+-]?\d+(?:[.,]\d+)?)[eE]([+-]?\d+)$/.exec(text);
  if (sci) {
    const n = Number(sci[1].replace(',', '.')) * 10 ** Number(sci[2]);
    return Number.isFinite(n) ? n : undefined;
  }
  if (!/^[+-]?[\d.,]+$/.test(text) || !/\d/.test(text)) return undefined;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  let normalised: string;
  if (dots && commas) {
    // Whichever mark comes last is the decimal mark; the other groups thousands.
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (text.split(decimal).length !== 2) return undefined;
    normalised = text.split(group).join('').replace(decimal, '.');
  } else if (dots + commas === 0) {
    normalised = text;
  } else {
    const mark = dots ? '.' : ',';
    const parts = text.split(mark);
    // One comma is the Vietnamese decimal mark; one dot before three digits groups thousands ("1.042").
    const grouped = parts.length > 2 || (mark === '.' && looksGrouped(parts[0], parts[1]));
    if (grouped) {
      if (!parts.slice(1).every((p) => p.length === 3)) return undefined;
      normalised = parts.join('');
    } else {
      normalised = parts.join('.');
    }
  }
  const n = Number(normalised);
  return Number.isFinite(n) && /\d/.test(normalised) ? n : undefined;
}

/** "1" and "250" of "1.250": one to three digits (not a lone 0) before, exactly three after. */
function looksGrouped(before: string, after: string): boolean {
  const digits = before.replace(/^[+-]/, '');
  return after.length === 3 && digits.length >= 1 && digits.length <= 3 && !/^0$/.test(digits);
}

/**
 * The reading the other convention gives a text that is read differently by the two: "1,250" is 1,25
 * here but 1 250 in English; "1.250" is 1 250 here but 1,25 in English. Undefined for every text that
 * reads the same either way, or can be read only one way ("5.433,05", "0,8", "1.050.000").
 */
export function otherReading(raw: string): { read: number; other: number } | undefined {
  const text = raw.normalize('NFC').replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  const m = /^([+-]?)(\d{1,3})([.,])(\d{3})$/.exec(text);
  if (!m || !looksGrouped(m[1] + m[2], m[4])) return undefined;
  const read = parseNumberText(text);
  if (read === undefined) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const other = sign * (m[3] === ',' ? Number(m[2] + m[4]) : Number(`${m[2]}.${m[4]}`));
  return read === other ? undefined : { read, other };
}

export function parseNumber(v: CellValue): Parsed<number> {
  // NaN or ±Infinity (only a program writes them into a cell) is quoted like any other content.
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : bad(describeCell(v));
  if (typeof v === 'string') {
    const n = parseNumberText(v.replace(/%\s*$/, ''));
    return n === undefined ? bad(describeCell(v)) : ok(n);
  }
  return bad(describeCell(v));
}

export function parseText(v: CellValue): Parsed<string> {
  if (typeof v === 'string' && isCellError(asCellError(v))) return bad(describeCell(v));
  if (typeof v === 'string') return ok(stripInvisible(v.normalize('NFC')).replace(/\u00a0/g, ' ').trim());
  // A number where text is expected: whole numbers as typed (a year, a code), others the Vietnamese way,
  // never "1.5" or "-5e-324".
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad(describeCell(v));
    return ok(Number.isSafeInteger(v) ? String(v) : formatNumber(v, { maxDecimals: 6 }));
  }
  return bad(describeCell(v));
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

export function parseDate(v: CellValue): Parsed<CalendarDate> {
  let date: CalendarDate | undefined;
  if (isCalendarDate(v)) date = v;
  else if (typeof v === 'string') {
    const t = v.trim();
    const dmy = DMY.exec(t);
    const ymd = YMD.exec(t);
    if (dmy) date = { day: Number(dmy[1]), month: Number(dmy[2]), year: Number(dmy[3]) };
    else if (ymd) date = { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) };
  }
  return date && isValidDate(date) ? ok(date) : bad(describeCell(v));
}

/** A Resolution target (chỉ tiêu Nghị quyết). */
export type Target =
  | { kind: 'min'; value: number }
  | { kind: 'max'; value: number }
  | { kind: 'range'; low: number; high: number }
  | { kind: 'decrease' }
  | { kind: 'increase' };

/** "≥ 90", ">= 90", "90" (at least), "≤ 6", "<= 6", "85-90", "giảm", "tăng". */
export function parseTarget(v: CellValue): Parsed<Target> {
  if (typeof v === 'number') return ok({ kind: 'min', value: v });
  if (typeof v !== 'string') return bad(describeCell(v));
  const t = v.normalize('NFC').toLowerCase().replace(/%/g, '').replace(/\s+/g, ' ').trim();
  if (/^giảm/.test(t)) return ok({ kind: 'decrease' });
  if (/^tăng/.test(t)) return ok({ kind: 'increase' });
  const cmp = /^(≥|>=|≤|<=|tối thiểu|tối đa|không quá|từ)?\s*([\d.,]+)\s*(trở lên)?$/.exec(t);
  if (cmp) {
    const n = parseNumberText(cmp[2]);
    if (n === undefined) return bad(describeCell(v));
    const max = cmp[1] === '≤' || cmp[1] === '<=' || cmp[1] === 'tối đa' || cmp[1] === 'không quá';
    return ok(max ? { kind: 'max', value: n } : { kind: 'min', value: n });
  }
  const range = /^([\d.,]+)\s*[-–—]\s*([\d.,]+)$/.exec(t);
  if (range) {
    const low = parseNumberText(range[1]);
    const high = parseNumberText(range[2]);
    if (low !== undefined && high !== undefined && low <= high) return ok({ kind: 'range', low, high });
  }
  return bad(describeCell(v));
}

const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;

/** E-mail addresses compare lower-cased; the shape check is the usual local@domain.tld. */
export function parseEmail(v: CellValue): Parsed<string> {
  if (typeof v !== 'string') return bad(describeCell(v));
  const t = v.normalize('NFC').trim().toLowerCase();
  return EMAIL.test(t) ? ok(t) : bad(describeCell(v));
}
