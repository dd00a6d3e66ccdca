/**
 * Drive (advanced service v3) and Docs (v1) calls the report flows make, each one call, rate limits retried
 * (retry.ts). Google's errors are read in google-errors.ts. DriveApp is avoided on purpose: it needs the
 * full, restricted `drive` scope; the advanced service works on app-created files under `drive.file`.
 */
import { GENERATE_MSG as MSG } from './messages';
import { withBackoff } from './retry';

export function driveService(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error(MSG.serviceMissing('Drive API'));
  return Drive;
}

export function docsService(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) throw new Error(MSG.serviceMissing('Google Docs API'));
  return Docs;
}

export interface DriveFileRef {
  id: string;
  url: string;
}

const DOC_URL = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

/** One Drive.Files.copy; the template itself is only read. Without a folder the copy sits beside the template. */
export function copyFile(templateId: string, name: string, folderId?: string): DriveFileRef {
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name };
  if (folderId) resource.parents = [folderId];
  const f = withBackoff(() => driveService().Files.copy(resource, templateId, { fields: 'id,webViewLink' }));
  const id = f.id as string;
  return { id, url: f.webViewLink ?? DOC_URL(id) };
}

/**
 * A folder the app creates, so that under `drive.file` it may put reports in it (a folder made by hand in
 * Drive is not visible to the app unless it created it).
 */
export function createFolder(name: string): string {
  const f = withBackoff(() => driveService().Files.create({ name, mimeType: 'application/vnd.google-apps.folder' }, null as unknown as GoogleAppsScript.Base.Blob, { fields: 'id' }));
  return f.id as string;
}

const DOC_MIME = 'application/vnd.google-apps.document';

/**
 * An empty Google Doc made through the Drive service, in `folderId` when given: a file the app created for
 * this account, so drive.file reaches it. Never DocumentApp.create, whose files may not count as the app's
 * (docs/google-behaviours.md, switch a). Fill it with DocumentApp.openById.
 */
export function createGoogleDoc(name: string, folderId?: string): DriveFileRef {
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name, mimeType: DOC_MIME };
  if (folderId) resource.parents = [folderId];
  const f = withBackoff(() => driveService().Files.create(resource, null as unknown as GoogleAppsScript.Base.Blob, { fields: 'id,webViewLink' }));
  const id = f.id as string;
  return { id, url: f.webViewLink ?? DOC_URL(id) };
}

/** Moves a file to the trash (recoverable for 30 days), never a permanent delete. */
export function trashFile(id: string): void {
  withBackoff(() => driveService().Files.update({ trashed: true }, id));
}

/** Moves a file into a folder: one get for its parents, one update (parents are not writable directly). */
export function moveToFolder(id: string, folderId: string): void {
  const files = driveService().Files;
  const current = withBackoff(() => files.get(id, { fields: 'parents' })).parents ?? [];
  withBackoff(() => files.update({}, id, null as unknown as GoogleAppsScript.Base.Blob, { addParents: folderId, removeParents: current.join(',') }));
}
