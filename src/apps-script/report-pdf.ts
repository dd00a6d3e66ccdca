/**
 * The PDF saved beside a generated report, with only the scopes the manifest asks for: DocumentApp renders
 * the Doc (a Document is a BlobSource, so `getAs('application/pdf')` works under the `documents` scope) and
 * the Drive advanced service stores the PDF as a file the app creates in this account's folder
 * (`drive.file`). DriveApp would need the full `drive` scope. Drive's own files.export is allowed under
 * drive.file too, but what the advanced service returns for it in Apps Script is not settled
 * (docs/google-behaviours.md, "PDF").
 */
import { driveService, type DriveFileRef } from './drive';
import { withBackoff } from './retry';

export const PDF_MIME = 'application/pdf';

const PDF_URL = (id: string) => `https://drive.google.com/file/d/${id}/view`;

/** One DocumentApp.openById + getAs, one Drive.Files.create: `<name>.pdf` in `folderId`. */
export function saveReportPdf(docId: string, name: string, folderId: string): DriveFileRef {
  const fileName = `${name}.pdf`;
  const blob = DocumentApp.openById(docId).getAs(PDF_MIME).setName(fileName);
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name: fileName, mimeType: PDF_MIME };
  if (folderId) resource.parents = [folderId];
  const f = withBackoff(() => driveService().Files.create(resource, blob, { fields: 'id,webViewLink' }));
  const id = f.id as string;
  return { id, url: f.webViewLink ?? PDF_URL(id) };
}
