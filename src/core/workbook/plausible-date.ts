/**
 * Dates a report can plausibly name. A year typed wrong ("2200", "1930") parses as a valid date and would
 * give a period of centuries without a word, so dates far from today are warned about on their cell.
 */
import { formatDateShort, type CalendarDate } from '../format/date';

/** No report of a Vietnamese commune names a date before the state's founding year. */
export const EARLIEST_YEAR = 1945;

/** A period may end later in the year the report is written, never more than a year after today. */
export const YEARS_AHEAD = 1;

const order = (d: CalendarDate) => d.year * 10_000 + d.month * 100 + d.day;

/**
 * Why `date` is far from `today`, in words for a warning, or undefined when it is plausible. Without a
 * `today` (a caller that does not know the clock) only the earliest year is checked.
 */
export function farFromToday(date: CalendarDate, today?: CalendarDate): string | undefined {
  if (date.year < EARLIEST_YEAR) return `trước năm ${EARLIEST_YEAR}`;
  if (today && order(date) > order({ ...today, year: today.year + YEARS_AHEAD })) return `hơn một năm sau hôm nay (${formatDateShort(today)})`;
  return undefined;
}
