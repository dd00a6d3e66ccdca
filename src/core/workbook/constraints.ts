import type { Issue } from '../issues';
import type { CalendarDate } from '../format/date';
import { formatNumber } from '../format/number';
import type { ReportInput } from '../report/input';
import type { Constraint } from '../report/constraints';

function dayNumber(d: CalendarDate): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

/**
 * Checks between figures, on valid input only: a part above its whole, a period ending before it starts,
 * and the cross-checks a reviewer makes where two entered figures must agree (parts within their total, a
 * count beside the names it counts, an output beside area × yield).
 */
export function checkConstraints(rules: readonly Constraint[], input: ReportInput): Issue[] {
  const issues: Issue[] = [];
  for (const c of rules) {
    if (c.kind === 'partsWithinWhole') issues.push(...partsWithinWhole(c, input));
    else if (c.kind === 'countOfNames') issues.push(...countOfNames(c, input));
    else if (c.kind === 'rowProduct') issues.push(...rowProduct(c, input));
    else {
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
  }
  return issues;
}

const num = (v: number) => formatNumber(v, { maxDecimals: 3 });

function partsWithinWhole(c: Extract<Constraint, { kind: 'partsWithinWhole' }>, input: ReportInput): Issue[] {
  const whole = input.fields[c.whole];
  const parts = c.parts.map((k) => input.fields[k]);
  if (!whole || typeof whole.value !== 'number' || parts.some((p) => !p || typeof p.value !== 'number')) return [];
  const sum = parts.reduce((s, p) => s + (p?.value as number), 0);
  if (sum <= whole.value * (1 + 1e-9)) return [];
  const unit = whole.unit ? ` ${whole.unit}` : '';
  // Two parts near the largest number a cell holds add up past it: say so rather than print "Infinity".
  const sumText = Number.isFinite(sum) ? `${num(sum)}${unit}` : 'một số quá lớn để ghi ra';
  return [{ severity: 'warning', sheet: whole.ref.sheet, cell: whole.ref.cell, message: `${c.message}: các phần cộng lại ${sumText}, tổng chỉ ${num(whole.value)}${unit} (ô ${parts.map((p) => p?.ref.cell).join(', ')}).` }];
}

/** The names in "Km3 và Km7", "Hiệp An, Gia An và thôn Vĩnh Xuân": split on commas, semicolons and «và». */
export function namesIn(text: string): string[] {
  return text
    .split(/\s*[,;]\s*|\s+và\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function countOfNames(c: Extract<Constraint, { kind: 'countOfNames' }>, input: ReportInput): Issue[] {
  const count = input.fields[c.count];
  const names = input.fields[c.names];
  if (!count || !names || typeof count.value !== 'number' || typeof names.value !== 'string') return [];
  const listed = namesIn(names.value);
  if (listed.length === count.value) return [];
  return [{ severity: 'warning', sheet: count.ref.sheet, cell: count.ref.cell, message: `${c.message}: đã nhập ${num(count.value)}, nhưng ô ${names.ref.cell} kể ${listed.length} tên (${listed.join('; ')}).` }];
}

function rowProduct(c: Extract<Constraint, { kind: 'rowProduct' }>, input: ReportInput): Issue[] {
  const issues: Issue[] = [];
  for (const row of input.lists[c.list] ?? []) {
    const [entered, a, b] = [row.values[c.column], row.values[c.a], row.values[c.b]];
    if (typeof entered !== 'number' || typeof a !== 'number' || typeof b !== 'number') continue;
    const computed = a * b * c.factor;
    if (Math.abs(entered - computed) <= Math.abs(computed) * c.tolerance) continue;
    issues.push({ severity: 'warning', sheet: row.sheet, cell: row.cells[c.column], message: `${c.message}: đã nhập ${num(entered)}, tính được ${num(computed)} (${num(a)} × ${num(b)}${c.factor !== 1 ? ` × ${num(c.factor)}` : ''}). Báo cáo dùng số tính được.` });
  }
  return issues;
}
