import type { Issue } from '../issues';
import type { CalendarDate } from '../format/date';
import type { ReportInput } from '../report/input';
import type { Constraint } from '../report/constraints';

function dayNumber(d: CalendarDate): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

/** Checks between figures (a part above its whole, a period ending before it starts), on valid input only. */
export function checkConstraints(rules: readonly Constraint[], input: ReportInput): Issue[] {
  const issues: Issue[] = [];
  for (const c of rules) {
    const a = input.fields[c.part];
    const b = input.fields[c.whole];
    if (!a || !b) continue;
    if (c.kind === 'partOfWhole' && (a.value as number) > (b.value as number)) {
      issues.push({ severity: 'error', sheet: a.ref.sheet, cell: a.ref.cell, message: c.message });
    }
    if (c.kind === 'dateOrder' && dayNumber(a.value as CalendarDate) > dayNumber(b.value as CalendarDate)) {
      issues.push({ severity: c.severity, sheet: a.ref.sheet, cell: a.ref.cell, message: c.message });
    }
  }
  return issues;
}
