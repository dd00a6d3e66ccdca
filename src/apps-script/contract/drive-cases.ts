/** Drive v3 advanced-service calls the product makes under `drive.file` (drive.ts, share*.ts, comments.ts). */
import { googleErrorCode, googleReason } from '../google-errors';
import { SELF_CHECK_MSG as M } from '../messages';
import { expectThat } from './check';
import { drive } from './context';
import type { ContractCase } from './types';

const DOC_MIME = 'application/vnd.google-apps.document';

/** An address of the reserved example.com domain: no Google account, and no e-mail is ever sent to it. */
export const NO_ACCOUNT_ADDRESS = 'khong-co-tai-khoan@example.com';

export const DRIVE_CASES: ContractCase[] = [
  {
    id: 'drive.createDoc',
    label: M.createDoc,
    covers: 'documentAppFilesAreAppFiles',
    check(ctx) {
      const id = ctx.savedDoc(['Dòng một', 'Dòng hai']);
      const meta = drive((d) => d.Files.get(id, { fields: 'id,mimeType,parents' }));
      expectThat(meta.mimeType === DOC_MIME, DOC_MIME, meta.mimeType);
      expectThat((meta.parents ?? []).join() === ctx.folder(), M.inFolder(ctx.folder()), meta.parents ?? []);
      const text = DocumentApp.openById(id).getBody().getText();
      expectThat(text === 'Dòng một\nDòng hai', '"Dòng một\\nDòng hai"', text);
      return M.created(id);
    },
  },
  {
    id: 'drive.copy',
    label: M.copy,
    needs: ['drive.createDoc'],
    check(ctx) {
      const templateId = ctx.savedDoc(['Mẫu {{a}}']);
      const copy = drive((d) => d.Files.copy({ name: M.scratchName(ctx.stamp), parents: [ctx.folder()] }, templateId, { fields: 'id,webViewLink' }));
      const copyId = ctx.keep(copy.id as string);
      expectThat(Boolean(copy.webViewLink), 'webViewLink', copy);
      const copied = DocumentApp.openById(copyId);
      const copiedText = copied.getBody().getText();
      copied.getBody().appendParagraph('Chỉ bản sao');
      copied.saveAndClose();
      const original = DocumentApp.openById(templateId).getBody().getText();
      expectThat(copiedText === 'Mẫu {{a}}', '"Mẫu {{a}}"', copiedText);
      expectThat(original === 'Mẫu {{a}}', M.unchanged('"Mẫu {{a}}"'), original);
      return M.created(copyId);
    },
  },
  {
    id: 'drive.move',
    label: M.move,
    needs: ['drive.createDoc'],
    check(ctx) {
      const id = ctx.savedDoc(['Chuyển thư mục']);
      const target = ctx.newFolder();
      const before = drive((d) => d.Files.get(id, { fields: 'parents' })).parents ?? [];
      drive((d) => d.Files.update({}, id, null as unknown as GoogleAppsScript.Base.Blob, { addParents: target, removeParents: before.join(',') }));
      const after = drive((d) => d.Files.get(id, { fields: 'parents' })).parents ?? [];
      expectThat(after.length === 1 && after[0] === target, M.inFolder(target), after);
      return M.moved(after.join(', '));
    },
  },
  {
    id: 'drive.permissions',
    label: M.permissionsList,
    needs: ['drive.createDoc'],
    check(ctx) {
      const id = ctx.savedDoc(['Quyền']);
      const perms = drive((d) => d.Permissions.list(id, { fields: 'permissions(id,type,role,emailAddress)' })).permissions ?? [];
      const owner = perms.find((p) => p.role === 'owner');
      expectThat(Boolean(owner), M.anOwner, perms);
      return M.permissions(perms.length, owner?.emailAddress ?? '');
    },
  },
  {
    id: 'drive.comments',
    label: M.comments,
    needs: ['drive.createDoc'],
    check(ctx) {
      const id = ctx.savedDoc(['Góp ý']);
      let refused = '';
      try {
        drive((d) => d.Comments.list(id));
      } catch (e) {
        refused = googleReason(e);
      }
      expectThat(refused !== '', M.refusedWithoutFields, M.accepted);
      const list = drive((d) => d.Comments.list(id, { fields: 'comments(id,content,resolved)' }));
      const comments = list.comments ?? [];
      expectThat(Array.isArray(comments) && comments.length === 0, M.noComments, list);
      return M.commentsOk(refused);
    },
  },
  {
    id: 'drive.shareNoAccount',
    label: M.shareNoAccount(NO_ACCOUNT_ADDRESS),
    behaviour: 'noAccountShareAllowed',
    answers: { optimistic: M.shareAllowed, pessimistic: M.shareRefused },
    needs: ['drive.createDoc'],
    observe(ctx) {
      const id = ctx.savedDoc(['Chia sẻ']);
      try {
        drive((d) => d.Permissions.create({ role: 'reader', type: 'user', emailAddress: NO_ACCOUNT_ADDRESS }, id, { sendNotificationEmail: false, fields: 'id' }));
        return { optimistic: true, detail: M.created(id) };
      } catch (e) {
        // A refusal is an answer (400 Bad Request); anything else is a failure of the case.
        if (googleErrorCode(e) !== 400 && !/google account|notify/i.test(googleReason(e))) throw e;
        return { optimistic: false, detail: googleReason(e) };
      }
    },
  },
];
