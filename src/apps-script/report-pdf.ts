/**
 * The PDF saved beside a generated report, with only the scopes the manifest asks for: DocumentApp renders
 * the Doc (a Document is a BlobSource, so `getAs('application/pdf')` works under the `documents` scope) and
 * the Drive advanced service stores the PDF as a file the app creates in this account's folder
 * (`drive.file`). DriveApp would need the full `drive` scope. Drive's own files.export is allowed under
 * drive.file too, but what the advanced service returns for it in Apps Script is not settled
 * (docs/google-behaviours.md, "PDF").
 */
import { driveService, type DriveFileRef } from './drive';
import { ClerkMessage } from './errors';
import { GENERATE_MSG } from './messages';
import { withBackoff } from './retry';

export const PDF_MIME = 'application/pdf';

/** The reopened Doc does not show the values yet: a later run (a new execution) may. */
export class PdfNotYetVisible extends ClerkMessage {
  constructor() {
    super(GENERATE_MSG.pdfNotYetVisible);
    this.name = 'PdfNotYetVisible';
  }
}

const PDF_URL = (id: string) => `https://drive.google.com/file/d/${id}/view`;

/**
 * One DocumentApp.openById + getAs, one Drive.Files.create: `<name>.pdf` in `folderId`.
 *
 * `replacedTag` is a tag the report's Docs API batchUpdate replaced (DocsPort.replacedTag). Whether
 * DocumentApp, reopening the Doc in the run that made that batchUpdate, sees its edits is not documented
 * (docs/google-behaviours.md, switch k): one findText on the body tells, and a view that still holds the
 * tag is never rendered. A PDF of placeholders would look like a report and be wrong.
 */
export function saveReportPdf(docId: string, name: string, folderId: string, replacedTag: string | null = null): DriveFileRef {
  const fileName = `${name}.pdf`;
  const doc = DocumentApp.openById(docId);
  if (replacedTag && doc.getBody().findText(escapeForFind(replacedTag))) throw new PdfNotYetVisible();
  const blob = doc.getAs(PDF_MIME).setName(fileName);
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name: fileName, mimeType: PDF_MIME };
  if (folderId) resource.parents = [folderId];
  const f = withBackoff(() => driveService().Files.create(resource, blob, { fields: 'id,webViewLink' }));
  const id = f.id as string;
  return { id, url: f.webViewLink ?? PDF_URL(id) };
}

/** findText takes a regular expression: the tag is matched literally. */
function escapeForFind(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
