/**
 * The run's time budget. Apps Script ends a run at 6 minutes wherever it is; past this budget the flow
 * stops on its own terms instead (the copy trashed, the log written, the clerk told, nothing cut
 * mid-write). Time is read with `new Date()`, the only clock Apps Script has.
 */
export const TIME_BUDGET_MS = 5 * 60_000;

/** Thrown by a step that finds the budget spent; generation catches it and cleans up. */
export class TimeBudgetExceeded extends Error {
  constructor() {
    super('Time budget exceeded');
    this.name = 'TimeBudgetExceeded';
  }
}

export interface Deadline {
  /** Throws TimeBudgetExceeded once the budget is spent. */
  check(): void;
}

export function deadlineFrom(now: () => Date, budgetMs = TIME_BUDGET_MS): Deadline {
  const end = now().getTime() + budgetMs;
  return {
    check() {
      if (now().getTime() > end) throw new TimeBudgetExceeded();
    },
  };
}
