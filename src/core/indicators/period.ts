import type { CalendarDate } from '../format/date';
import { monthsInclusive } from '../format/date';
import type { CellRef, ReportInput } from '../report/input';

/** The two date fields that bound a report's period (a kind's `period`). */
export interface PeriodKeys {
  from: string;
  to: string;
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
