/**
 * How a report names its period, for any pair of dates: a calendar year ("năm 2024"), six months
 * ("6 tháng đầu năm 2024"), a quarter, several whole years or a term ("giai đoạn 2021‑2025"), or
 * months across years ("từ năm 2020 đến tháng 5/2023").
 *
 * Where a figure followed over the period starts from (its "đầu kỳ" reading) follows the practice of
 * the reports: a period of a year or less, or of whole calendar years (a term), compares with the end
 * of the period before it ("cuối năm 2023" for 2024, "cuối tháng 6 năm 2024" for the last six months,
 * "cuối năm 2020" for 2021‑2025); a review of several years that stops within a year compares with its
 * base year, the first one ("cuối năm 2020" for 2020 to 5/2023, as the sample report does).
 */
import { monthsInclusive, type CalendarDate } from './date';
import { formatRange } from './number';

export interface PeriodPhrases {
  /** "2020‑2023", or "2024" within one year. */
  years: string;
  /** The period in a sentence: "năm 2024", "6 tháng đầu năm 2024", "từ năm 2020 đến tháng 5/2023". */
  span: string;
  /** When the start reading was taken: "cuối năm 2023", "cuối năm 2020". */
  startReading: string;
  /** When the end reading was taken: "cuối năm 2024", "cuối tháng 5 năm 2023". */
  endReading: string;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isMonthStart(d: CalendarDate): boolean {
  return d.day === 1;
}

function isMonthEnd(d: CalendarDate): boolean {
  return d.day === daysInMonth(d.year, d.month);
}

/** "tháng 5/2023": a month in prose; January and February take a leading zero (tháng 01/2024). */
function monthYear(year: number, month: number): string {
  return `tháng ${month <= 2 ? `0${month}` : month}/${year}`;
}

/** "cuối năm 2023", "cuối tháng 6 năm 2024". */
function endOf(year: number, month: number): string {
  return month === 12 ? `cuối năm ${year}` : `cuối tháng ${month} năm ${year}`;
}

/** The month before `month` of `year`, as [year, month]. */
function monthBefore(year: number, month: number): [number, number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1];
}

function span(from: CalendarDate, to: CalendarDate, months: number): string {
  const wholeMonths = isMonthStart(from) && isMonthEnd(to);
  if (wholeMonths && from.year === to.year) {
    if (from.month === 1 && to.month === 12) return `năm ${from.year}`;
    if (from.month === 1 && to.month === 6) return `6 tháng đầu năm ${from.year}`;
    if (from.month === 7 && to.month === 12) return `6 tháng cuối năm ${from.year}`;
    if (from.month === 1 && to.month === 9) return `9 tháng đầu năm ${from.year}`;
    if (months === 3 && (from.month - 1) % 3 === 0) return `quý ${ROMAN_QUARTERS[(from.month - 1) / 3]} năm ${from.year}`;
  }
  if (wholeMonths && from.month === 1 && to.month === 12) return `giai đoạn ${formatRange(from.year, to.year)}`;
  const start = from.month === 1 && isMonthStart(from) ? `năm ${from.year}` : monthYear(from.year, from.month);
  if (from.year === to.year && from.month !== to.month) return `từ tháng ${from.month} đến tháng ${to.month} năm ${to.year}`;
  if (from.year === to.year) return `tháng ${to.month} năm ${to.year}`;
  const end = to.month === 12 && isMonthEnd(to) ? `năm ${to.year}` : monthYear(to.year, to.month);
  return `từ ${start} đến ${end}`;
}

/** Every phrase a report needs about its period. `from` must not be after `to`. */
export function periodPhrases(from: CalendarDate, to: CalendarDate): PeriodPhrases {
  const months = monthsInclusive(from, to);
  const years = from.year === to.year ? String(from.year) : formatRange(from.year, to.year);
  const wholeYears = from.month === 1 && isMonthStart(from) && to.month === 12 && isMonthEnd(to);
  const startReading = months > 12 && !wholeYears ? endOf(from.year, 12) : endOf(...monthBefore(from.year, from.month));
  return { years, span: span(from, to, months), startReading, endReading: endOf(to.year, to.month) };
}
