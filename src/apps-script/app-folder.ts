/**
 * Where this account's reports go: a folder the app created FOR THIS ACCOUNT. Under drive.file access is per
 * user (docs/google-behaviours.md, switch j): a folder another clerk's run made is not reachable through
 * Drive from this account, so each account has its own, remembered in its user properties per Sheet and
 * made again when it is gone (trashed or unreachable).
 */
import { createFolder, driveService } from './drive';
import { isNotFound } from './google-errors';
import { withBackoff } from './retry';
import { GENERATE_MSG } from './messages';

const KEY_PREFIX = 'appFolder:';

/** The id of this account's app folder for the Sheet; `hint` (the «Cài đặt» row) is used when this account can reach it. */
export function appFolderId(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, hint = ''): string {
  const props = PropertiesService.getUserProperties();
  const key = KEY_PREFIX + ss.getId();
  for (const id of [props.getProperty(key) ?? '', hint]) {
    if (id && reachable(id)) {
      props.setProperty(key, id);
      return id;
    }
  }
  const id = createFolder(GENERATE_MSG.folderName(ss.getName()));
  props.setProperty(key, id);
  return id;
}

/** One Drive.Files.get: the folder exists, is not trashed, and the app may use it for this account. Rate limits are retried; other errors go up. */
function reachable(id: string): boolean {
  try {
    return withBackoff(() => driveService().Files.get(id, { fields: 'id,trashed' })).trashed !== true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}
