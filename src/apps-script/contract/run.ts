/**
 * Runs the contract list on one scratch context and always cleans up. Never throws: a case that throws is
 * "fail" with Google's words, a case whose prerequisite did not pass is "skip", an observed case reports the
 * answer Google gave ("observed"). The last outcome is the clean-up's.
 */
import { googleReason } from '../google-errors';
import { SELF_CHECK_MSG as M } from '../messages';
import type { SelfCheckStep } from '../ui-data';
import { Scratch } from './context';
import { isObserved, type BehaviourId, type ContractCase } from './types';

export interface CaseOutcome extends SelfCheckStep {
  /** The case's id; 'cleanup' for the clean-up. */
  id: string;
  behaviour?: BehaviourId;
  /** For an observed case: whether Google gave the optimistic answer. */
  optimistic?: boolean;
}

export const CLEANUP_ID = 'cleanup';

export function runContract(cases: readonly ContractCase[], stamp: string): CaseOutcome[] {
  const ctx = new Scratch(stamp);
  const out: CaseOutcome[] = [];
  const passed = new Set<string>();
  const labels = new Map(cases.map((c) => [c.id, c.label]));
  let stopped: string | null = null;
  try {
    for (const c of cases) {
      const base = { id: c.id, label: c.label, ...(isObserved(c) ? { behaviour: c.behaviour } : {}) };
      const missing = (c.needs ?? []).find((n) => !passed.has(n));
      if (stopped || missing) {
        out.push({ ...base, status: 'skip', detail: stopped ?? M.skipped(labels.get(missing as string) ?? (missing as string)) });
        continue;
      }
      try {
        if (isObserved(c)) {
          const seen = c.observe(ctx);
          const answer = seen.optimistic ? c.answers.optimistic : c.answers.pessimistic;
          out.push({ ...base, status: 'observed', optimistic: seen.optimistic, detail: M.observed(answer, seen.detail) });
          if (!seen.optimistic && c.stopsOthers) stopped = c.stopsOthers;
        } else {
          out.push({ ...base, status: 'pass', detail: c.check(ctx) });
        }
        passed.add(c.id);
      } catch (e) {
        out.push({ ...base, status: 'fail', detail: googleReason(e) });
      }
    }
  } finally {
    const clean = ctx.cleanUp();
    out.push({ id: CLEANUP_ID, label: M.cleanup, status: clean.ok ? 'pass' : 'fail', detail: clean.detail });
  }
  return out;
}
