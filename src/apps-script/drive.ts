/**
 * Drive (advanced service v3) and Docs (v1) calls the report flows make, each one call, plus turning
 * Google's errors into a sentence the clerk can act on. DriveApp is avoided on purpose: it needs the
 * full, restricted `drive` scope; the advanced service works on app-created files under `drive.file`.
 */
import { ClerkMessage } from './errors';
import { GENERATE_MSG as MSG } from './messages';

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
  const f = driveService().Files.copy(resource, templateId, { fields: 'id,webViewLink' });
  const id = f.id as string;
  return { id, url: f.webViewLink ?? DOC_URL(id) };
}

/**
 * A folder the app creates, so that under `drive.file` it may put reports in it (a folder made by hand in
 * Drive is not visible to the app unless it created it).
 */
export function createFolder(name: string): string {
  const f = driveService().Files.create({ name, mimeType: 'application/vnd.google-apps.folder' }, null as unknown as GoogleAppsScript.Base.Blob, { fields: 'id' });
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
  const f = driveService().Files.create(resource, null as unknown as GoogleAppsScript.Base.Blob, { fields: 'id,webViewLink' });
  const id = f.id as string;
  return { id, url: f.webViewLink ?? DOC_URL(id) };
}

/** Moves a file to the trash (recoverable for 30 days), never a permanent delete. */
export function trashFile(id: string): void {
  driveService().Files.update({ trashed: true }, id);
}

/** Moves a file into a folder: one get for its parents, one update (parents are not writable directly). */
export function moveToFolder(id: string, folderId: string): void {
  const files = driveService().Files;
  const current = files.get(id, { fields: 'parents' }).parents ?? [];
  files.update({}, id, null as unknown as GoogleAppsScript.Base.Blob, { addParents: folderId, removeParents: current.join(',') });
}

/** Google's "not there for you": 404, which drive.file gives for a file the app did not make for this account. */
export function isNotReachable(e: unknown): boolean {
  const code = (e as { details?: { code?: number } } | null)?.details?.code;
  return code === 404 || /file not found/i.test(String((e as Error)?.message ?? e));
}

/** A Google error as a Vietnamese reason: rate limits and missing files get advice, the rest Google's words. */
export function explainGoogleError(e: unknown): string {
  if (e instanceof ClerkMessage) return e.message;
  const text = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as Error).message) : String(e);
  const code = (e as { details?: { code?: number } } | null)?.details?.code;
  if (code === 429 || /rate limit|quota|too many requests/i.test(text)) return MSG.rateLimited;
  if (code === 404 || /not found|is missing/i.test(text)) return MSG.notFound;
  if (code === 403 || /permission|insufficient/i.test(text)) return MSG.noPermission;
  if (/^Dịch vụ nâng cao/.test(text)) return text;
  return MSG.other(text.replace(/^GoogleJsonResponseException: /, ''));
}
