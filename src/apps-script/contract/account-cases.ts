/** The run itself: granted scopes, the document lock, user properties, and the people who edit the Sheet. */
import { SELF_CHECK_MSG as M } from '../messages';
import { expectThat, shown } from './check';
import type { ContractCase } from './types';

/** A user property no other part of the product uses, removed at once. */
const SCRATCH_PROPERTY = 'tu_kiem_tra_nhap';

export const ACCOUNT_CASES: ContractCase[] = [
  {
    id: 'script.scopes',
    label: M.scopes,
    behaviour: 'allScopesGranted',
    answers: { optimistic: M.scopesGranted, pessimistic: M.scopesMissing },
    stopsOthers: M.stoppedForScopes,
    observe() {
      const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
      const status = info.getAuthorizationStatus();
      return { optimistic: status === ScriptApp.AuthorizationStatus.NOT_REQUIRED, detail: `getAuthorizationStatus() = ${String(status)}` };
    },
  },
  {
    id: 'lock',
    label: M.lock,
    check() {
      const lock = LockService.getDocumentLock();
      expectThat(Boolean(lock), M.aLock, 'null');
      if (!lock.tryLock(1000)) throw new Error(M.lockBusy);
      const held = lock.hasLock();
      lock.releaseLock();
      const after = lock.hasLock();
      expectThat(held && !after, M.lockHeldThenFree, `${held} / ${after}`);
      return M.lockOk;
    },
  },
  {
    id: 'properties',
    label: M.properties,
    check() {
      const props = PropertiesService.getUserProperties();
      props.setProperty(SCRATCH_PROPERTY, 'Xã An Phú');
      const back = props.getProperty(SCRATCH_PROPERTY);
      props.deleteProperty(SCRATCH_PROPERTY);
      const gone = props.getProperty(SCRATCH_PROPERTY);
      expectThat(back === 'Xã An Phú' && gone === null, M.propertyRoundTrip, `${String(back)} / ${String(gone)}`);
      return M.propertyOk;
    },
  },
  {
    id: 'sheet.editors',
    label: M.editors,
    behaviour: 'singleAccount',
    answers: { optimistic: M.oneAccount, pessimistic: M.severalAccounts },
    observe() {
      const editors = SpreadsheetApp.getActiveSpreadsheet().getEditors();
      return { optimistic: editors.length <= 1, detail: M.editorCount(editors.length) };
    },
  },
  {
    id: 'utilities.dates',
    label: M.utilities,
    check() {
      // 31/01/2025 17:05:09 UTC is 01/02/2025 00:05:09 in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
      const instant = new Date(Date.UTC(2025, 0, 31, 17, 5, 9));
      const zone = 'Asia/Ho_Chi_Minh';
      const formatted = [Utilities.formatDate(instant, zone, 'dd/MM/yyyy HH:mm'), Utilities.formatDate(instant, zone, 'yyyy-M-d')];
      expectThat(shown(formatted) === shown(['01/02/2025 00:05', '2025-2-1']), shown(['01/02/2025 00:05', '2025-2-1']), formatted);
      const midnight = Utilities.parseDate('2025-2-1', zone, 'yyyy-M-d').getTime();
      expectThat(midnight === Date.UTC(2025, 0, 31, 17), new Date(Date.UTC(2025, 0, 31, 17)).toISOString(), new Date(midnight).toISOString());
      return M.readBack(shown(formatted), '');
    },
  },
];
