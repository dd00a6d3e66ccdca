/**
 * Several clerks, one Sheet: the template is read by whoever generates (DocumentApp, `documents` scope), so
 * each editor of the Sheet needs read access to it. Made right after the template, for the editors the Sheet
 * has then; someone added later is told what to ask for (GENERATE_MSG.templateNotShared).
 * docs/google-behaviours.md, switch j.
 */
import { driveService } from './drive';
import { withBackoff } from './retry';

/**
 * Read access to `fileId` for every editor of the Sheet (the owner's own address changes nothing); returns
 * how many were added. One person's failure does not stop the others.
 */
export function shareWithSheetEditors(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, fileId: string): number {
  const editors = ss.getEditors().map((u) => u.getEmail().toLowerCase()).filter(Boolean);
  let added = 0;
  for (const email of editors) {
    try {
      // The e-mail tells them the template exists, and Drive accepts it whether or not it needs one (switch h).
      withBackoff(() => driveService().Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, fileId, { sendNotificationEmail: true }));
      added++;
    } catch {
      // that clerk is told what to ask for when they generate (GENERATE_MSG.templateNotShared)
    }
  }
  return added;
}
