/**
 * Vietnamese dates. Dates travel through the core as calendar dates (no time, no zone) so that a date
 * typed in a Sheet in Asia/Ho_Chi_Minh never shifts a day on a machine in another zone.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** Day below 10 and months 1-2 take a leading zero in the long form (ngày 05 tháng 01 năm 2024). */
function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function longMonth(month: number): string {
  return month <= 2 ? pad(month) : String(month);
}

/** The calendar day of `now` in the zone of the machine reading it (a day off at midnight does not matter to its users). */
export function calendarDay(now: Date): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** "19/5/2023": the short form used in prose ("ngày 19/5/2023"). */
export function formatDateShort(d: CalendarDate): string {
  return `${d.day}/${d.month}/${d.year}`;
}

/** "ngày 25 tháng 5 năm 2023", "ngày 05 tháng 01 năm 2024". */
export function formatDateLong(d: CalendarDate): string {
  return `ngày ${pad(d.day)} tháng ${longMonth(d.month)} năm ${d.year}`;
}

/** The place-and-date line of the header: "Phổ Phong, ngày 25 tháng 5 năm 2023". */
export function formatPlaceDate(place: string, d: CalendarDate): string {
  return `${place}, ${formatDateLong(d)}`;
}

/** "tháng 5/2023": the end of a period in prose. */
export function formatMonthYear(d: Pick<CalendarDate, 'year' | 'month'>): string {
  return `tháng ${d.month}/${d.year}`;
}

/** "cuối tháng 5 năm 2023": when an end-of-period rate was measured. */
export function formatEndOfMonth(d: Pick<CalendarDate, 'year' | 'month'>): string {
  return `cuối tháng ${d.month} năm ${d.year}`;
}

export function isValidDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const daysInMonth = [31, isLeap(d.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1];
  return d.day <= daysInMonth;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whole months from the start of `from`'s month to the end of `to`'s month: 1/2020..5/2023 is 41. */
export function monthsInclusive(from: Pick<CalendarDate, 'year' | 'month'>, to: Pick<CalendarDate, 'year' | 'month'>): number {
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}
