/**
 * "Tự kiểm tra kết nối Google": for the person who deploys the product. On scratch files in their own Drive
 * (and a scratch tab of this Sheet) it runs each Google call the product relies on, including what
 * docs/google-behaviours.md lists as undocumented (each step's label says which), reports pass/fail per
 * step with detail, and always cleans up: every file it created goes to the trash and the scratch tab is
 * deleted, even when a step fails halfway.
 *
 * This is the one place the real Google behaviour is exercised; the fakes under test/fakes/ follow
 * docs/google-behaviours.md, so a failing step here is also a fake to correct.
 */
import { merge } from '../core/template/merge';
import { createDocsPort } from './docs-port';
import { copyFile, createGoogleDoc, docsService, driveService, moveToFolder, trashFile } from './drive';
import { googleReason } from './google-errors';
import { MSG, SELF_CHECK_MSG as M } from './messages';
import { asSheetText } from './sheet-io';
import { plainData, showSelfCheck, type SelfCheckData, type SelfCheckStep } from './ui-data';

const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** The tiny template and the values whose verbatim arrival the merge step checks. */
export const MERGE_TEMPLATE = ['{{a}} | {{b}}', '{{c}}'];
export const MERGE_VALUES = { a: 'giá $1 \\ {{b}}', b: 'B', c: 'dòng 1\ndòng 2' };
export const MERGE_EXPECTED = ['giá $1 \\ {{b}} | B', 'dòng 1\ndòng 2'];

interface Scratch {
  docId?: string;
  copyId?: string;
  folderId?: string;
  mergedParagraphs?: string[];
  /** The batchUpdate reply to a request that matched nothing (Google may leave the count out). */
  zeroReply?: { occurrencesChanged?: number };
  tab?: GoogleAppsScript.Spreadsheet.Sheet;
}

/** Shows text with its invisible characters visible: JSON quoting ("a\u000bb", "a\rb"). */
function shown(s: unknown): string {
  return JSON.stringify(s);
}


/** Runs the steps; never throws. */
export function runSelfCheck(): SelfCheckData {
  const steps: SelfCheckStep[] = [];
  const zone = Session.getScriptTimeZone();
  const now = new Date();
  const stamp = Utilities.formatDate(now, zone, 'yyyy-MM-dd HH:mm:ss');
  const s: Scratch = {};
  const passed = new Set<string>();

  /** One step: `fn` returns the detail (pass) or throws (fail); a step whose prerequisite failed is skipped. */
  const step = (label: string, needs: string[], fn: () => string): void => {
    const missing = needs.find((n) => !passed.has(n));
    if (missing) {
      steps.push({ label, status: 'skip', detail: M.skipped(missing) });
      return;
    }
    try {
      steps.push({ label, status: 'pass', detail: fn() });
      passed.add(label);
    } catch (e) {
      steps.push({ label, status: 'fail', detail: googleReason(e) });
    }
  };
  const check = (ok: boolean, detail: string): void => {
    if (!ok) throw new Error(detail);
  };

  try {
    step(M.createDoc, [], () => {
      // Drive.Files.create, never DocumentApp.create (docs/google-behaviours.md, switch a).
      s.docId = createGoogleDoc(M.scratchName(stamp)).id;
      const doc = DocumentApp.openById(s.docId);
      const body = doc.getBody();
      body.getParagraphs()[0].setText(MERGE_TEMPLATE[0]);
      for (const line of MERGE_TEMPLATE.slice(1)) body.appendParagraph(line);
      doc.saveAndClose();
      return M.created(s.docId);
    });

    step(M.driveSeesDoc, [M.createDoc], () => {
      const f = driveService().Files.get(s.docId as string, { fields: 'id,parents' });
      return M.parents((f.parents ?? []).join(', ') || '(không có)');
    });

    step(M.copy, [M.createDoc], () => {
      s.copyId = copyFile(s.docId as string, M.scratchName(`${stamp} (bản sao)`)).id;
      return M.created(s.copyId);
    });

    step(M.portMerge, [M.copy], () => {
      const port = createDocsPort(DocumentApp.openById(s.copyId as string));
      const problems = merge(port, MERGE_VALUES);
      check(problems.length === 0, problems.map((p) => p.message).join('; '));
      port.flush();
      s.mergedParagraphs = DocumentApp.openById(s.copyId as string)
        .getBody()
        .getParagraphs()
        .map((p) => p.getText());
      const first = s.mergedParagraphs[0];
      check(first === MERGE_EXPECTED[0], M.expected(shown(MERGE_EXPECTED[0]), shown(first)));
      return M.merged(shown(first));
    });

    step(M.lineBreak, [M.portMerge], () => {
      const paragraphs = s.mergedParagraphs as string[];
      const got = paragraphs.slice(1).join('¶');
      const normalised = paragraphs.slice(1).map((p) => p.split('\r').join('\n').split('\u000b').join('\n'));
      check(normalised.length === 1 && normalised[0] === MERGE_EXPECTED[1], M.expected(shown(MERGE_EXPECTED[1]), shown(got)));
      return M.merged(shown(paragraphs[1]));
    });

    step(M.batchUpdate, [M.createDoc], () => {
      const res = docsService().Documents.batchUpdate(
        {
          requests: [
            { replaceAllText: { containsText: { text: '{{a}}', matchCase: true }, replaceText: 'A$1' } },
            { replaceAllText: { containsText: { text: '{{không có}}', matchCase: true }, replaceText: 'X' } },
          ],
        },
        s.docId as string,
      );
      const n = res.replies?.[0]?.replaceAllText?.occurrencesChanged;
      const doc = docsService().Documents.get(s.docId as string);
      const text = (doc.body?.content ?? [])
        .flatMap((c) => c.paragraph?.elements ?? [])
        .map((e) => e.textRun?.content ?? '')
        .join('');
      check(n === 1, M.expected('occurrencesChanged = 1', shown(n)));
      check(text.startsWith('A$1 | {{b}}'), M.expected(shown('A$1 | {{b}}…'), shown(text)));
      const zero = res.replies?.[1]?.replaceAllText;
      s.zeroReply = zero;
      return M.replies(String(n), shown(text));
    });

    step(M.batchUpdateZero, [M.batchUpdate], () => {
      const zero = s.zeroReply;
      const count = zero?.occurrencesChanged;
      check(count === undefined || count === 0, M.expected('occurrencesChanged bỏ trống hoặc 0', shown(zero)));
      return M.zeroReply(shown(zero ?? null));
    });

    step(M.formulaText, [], () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const active = ss.getActiveSheet();
      s.tab = ss.insertSheet(M.scratchTab(stamp.replace(/:/g, '.'))); // plain characters in a tab name
      ss.setActiveSheet(active); // insertSheet activates the new tab; the clerk stays where they were
      const cell = s.tab.getRange(1, 1);
      cell.setValues([[asSheetText('=1+1')]]);
      const value = cell.getValues()[0][0];
      const formula = cell.getFormulas()[0][0];
      check(value === '=1+1' && formula === '', M.expected(`giá trị ${shown('=1+1')} và không có công thức`, M.readBack(shown(value), shown(formula))));
      return M.readBack(shown(value), shown(formula));
    });

    step(M.move, [M.copy], () => {
      const folder = driveService().Files.create({ name: M.scratchFolder(stamp), mimeType: FOLDER_MIME });
      s.folderId = folder.id as string;
      moveToFolder(s.copyId as string, s.folderId);
      const parents = driveService().Files.get(s.copyId as string, { fields: 'parents' }).parents ?? [];
      check(parents.length === 1 && parents[0] === s.folderId, M.expected(shown([s.folderId]), shown(parents)));
      return M.moved(parents.join(', '));
    });

    step(M.permissionsList, [M.createDoc], () => {
      const list = driveService().Permissions.list(s.docId as string, { fields: 'permissions(id,type,role,emailAddress)' });
      const perms = list.permissions ?? [];
      const owner = perms.find((p) => p.role === 'owner');
      check(Boolean(owner), M.expected('một quyền owner', shown(perms)));
      return M.permissions(perms.length, owner?.emailAddress ?? '');
    });

    step(M.lock, [], () => {
      const lock = LockService.getDocumentLock();
      check(Boolean(lock), M.lockNull);
      check(lock.tryLock(1000), M.lockBusy);
      const held = lock.hasLock();
      lock.releaseLock();
      check(held && !lock.hasLock(), M.expected('hasLock() đúng khi giữ, sai sau khi nhả', `${held} / ${lock.hasLock()}`));
      return M.lockOk;
    });
  } finally {
    steps.push(cleanUp(s));
  }
  return plainData({ steps, when: Utilities.formatDate(now, zone, 'dd/MM/yyyy HH:mm') });
}

/** Trashes every scratch file and deletes the scratch tab; each failure is named, none stops the others. */
function cleanUp(s: Scratch): SelfCheckStep {
  const problems: string[] = [];
  let trashed = 0;
  // The copy first: trashing the folder would take it along, but each file is trashed in its own right.
  for (const id of [s.copyId, s.docId, s.folderId]) {
    if (!id) continue;
    try {
      trashFile(id);
      trashed++;
    } catch (e) {
      problems.push(`${id} (${googleReason(e)})`);
    }
  }
  let tabDeleted = false;
  if (s.tab) {
    try {
      SpreadsheetApp.getActiveSpreadsheet().deleteSheet(s.tab);
      tabDeleted = true;
    } catch (e) {
      problems.push(`${s.tab.getName()} (${googleReason(e)})`);
    }
  }
  if (problems.length > 0) return { label: M.cleanup, status: 'fail', detail: M.cleanupFailed(problems.join('; ')) };
  return { label: M.cleanup, status: 'pass', detail: M.cleaned(trashed, tabDeleted) };
}

/** Menu handler body for «Tự kiểm tra kết nối Google»: runs the check, then shows each step. */
export function selfCheck(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(M.running, MSG.toastTitle);
  const data = runSelfCheck();
  showSelfCheck(data);
}
