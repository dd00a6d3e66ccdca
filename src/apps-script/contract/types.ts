/**
 * One contract case: a Google call the product relies on, written against the Apps Script globals only, run
 * on scratch files. The same list runs live from «Tự kiểm tra kết nối Google» and in the tests against the
 * fakes (test/apps-script/contract.test.ts), so the fakes and the live check cannot drift apart.
 *
 * - A CheckedCase asserts documented behaviour: it returns a detail, or throws with "expected X, got Y".
 * - An ObservedCase reads Google's answer to a behaviour Google does not document (a switch of
 *   docs/google-behaviours.md): either answer is fine for the product; the tests check that the observation
 *   equals the fakes' switch under both of its settings.
 */
import type { ContractContext } from './context';

/** The switches of docs/google-behaviours.md (test/fakes/behaviours.ts uses the same ids). */
export type BehaviourId =
  | 'documentAppFilesAreAppFiles'
  | 'replaceAllKeepsPrivateUse'
  | 'setValuesKeepsStrings'
  | 'sheetZoneIsScriptZone'
  | 'verticalTabIsLineBreak'
  | 'replaceAllReachesHeaders'
  | 'apostropheMakesText'
  | 'noAccountShareAllowed'
  | 'allScopesGranted'
  | 'singleAccount'
  | 'documentAppSeesDocsApiEdits';

interface CaseBase {
  /** Stable id, used by `needs`. */
  id: string;
  /** Vietnamese, shown in the self-check. */
  label: string;
  /** Ids of cases that must have passed first; otherwise this one is skipped. */
  needs?: string[];
}

export interface CheckedCase extends CaseBase {
  /** The switch whose pessimistic answer this documented path avoids (it must pass under both answers). */
  covers?: BehaviourId;
  check(ctx: ContractContext): string;
}

export interface Observation {
  /** true: Google gave the optimistic answer of the switch. */
  optimistic: boolean;
  detail: string;
}

export interface ObservedCase extends CaseBase {
  behaviour: BehaviourId;
  /** What each answer means, in Vietnamese. */
  answers: { optimistic: string; pessimistic: string };
  /** When the pessimistic answer makes every later case meaningless (a missing grant): why they are skipped. */
  stopsOthers?: string;
  observe(ctx: ContractContext): Observation;
}

export type ContractCase = CheckedCase | ObservedCase;

export function isObserved(c: ContractCase): c is ObservedCase {
  return 'observe' in c;
}
