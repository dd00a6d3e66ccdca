/**
 * "Tự kiểm tra kết nối Google": for the person who deploys the product. It runs the contract list
 * (contract/) live, on scratch files in their own Drive and a scratch tab of this Sheet, and shows each case:
 * passed, failed (with Google's words or "expected X, got Y"), skipped because a prerequisite failed, or, for a
 * behaviour Google does not document (docs/google-behaviours.md), the answer Google gave. Every scratch file
 * goes to the trash and the scratch tab is deleted, even when a case fails halfway.
 *
 * The tests run the very same list against the fakes under every answer of every switch
 * (test/apps-script/contract.test.ts), so the fakes and this check cannot drift apart.
 */
import { CONTRACT_CASES, runContract } from './contract';
import { MSG, SELF_CHECK_MSG as M } from './messages';
import { plainData, showSelfCheck, type SelfCheckData } from './ui-data';

/** Runs the whole contract list; never throws. */
export function runSelfCheck(): SelfCheckData {
  const zone = Session.getScriptTimeZone();
  const now = new Date();
  const stamp = Utilities.formatDate(now, zone, 'yyyy-MM-dd HH:mm:ss');
  const steps = runContract(CONTRACT_CASES, stamp).map(({ label, status, detail }) => ({ label, status, detail }));
  return plainData({ steps, when: Utilities.formatDate(now, zone, 'dd/MM/yyyy HH:mm') });
}

/** Menu handler body for «Tự kiểm tra kết nối Google»: runs the check, then shows each case. */
export function selfCheck(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(M.running, MSG.toastTitle);
  const data = runSelfCheck();
  showSelfCheck(data);
}
