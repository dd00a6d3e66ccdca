/**
 * A report for an account that cannot reach the template through Drive (another clerk made it: drive.file is
 * per user, docs/google-behaviours.md switch j). The template is read through DocumentApp, which the
 * `documents` scope allows for any Doc the account can open, and its content is copied into an empty Doc
 * the app creates for this account in its own folder. The template itself is only read.
 *
 * Copied: body, header and footer blocks (paragraphs, list items, tables, with their formatting), page size
 * and margins, and "different first page" (read with Docs.get; the Docs API request that sets it is returned,
 * for the report's one batchUpdate after the merge: in the run that made them, DocumentApp may not see Docs API
 * edits, docs/google-behaviours.md switch k). Inserted after the new Doc's own empty paragraph, which is then
 * removed (the last paragraph of a section cannot be).
 */
import { ClerkMessage } from './errors';
import { createGoogleDoc, docsService, trashFile, type DriveFileRef } from './drive';
import { GENERATE_MSG } from './messages';
import { withBackoff } from './retry';

type GDoc = GoogleAppsScript.Document.Document;
type GElement = GoogleAppsScript.Document.Element;

interface Section {
  getNumChildren(): number;
  getChild(i: number): GElement;
  insertParagraph(i: number, p: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  insertListItem(i: number, l: GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem;
  insertTable(i: number, t: GoogleAppsScript.Document.Table): GoogleAppsScript.Document.Table;
}

/** Opens the template for reading, or says exactly what to do when this account cannot. */
export function openTemplate(templateId: string): GDoc {
  try {
    return DocumentApp.openById(templateId);
  } catch {
    throw new ClerkMessage(GENERATE_MSG.templateNotShared);
  }
}

export type DocsRequest = GoogleAppsScript.Docs.Schema.Request;

/**
 * A new Doc of this account, in `folderId`, holding the template's content; `styleRequests` are the Docs API
 * requests still to send (after every DocumentApp edit of the run) to give it the template's document style.
 */
export function copyTemplateContent(templateId: string, name: string, folderId: string): DriveFileRef & { styleRequests: DocsRequest[] } {
  const template = openTemplate(templateId);
  const made = createGoogleDoc(name, folderId);
  try {
    return { ...made, styleRequests: fillFrom(template, templateId, made) };
  } catch (e) {
    // Nothing half-made is left: the new Doc goes to the trash (recoverable), then the first error.
    try {
      trashFile(made.id);
    } catch {
      // the first error is the one worth reporting
    }
    throw e;
  }
}

function fillFrom(template: GDoc, templateId: string, made: DriveFileRef): DocsRequest[] {
  const doc = DocumentApp.openById(made.id);
  const from = template.getBody();
  const to = doc.getBody();
  to.setPageWidth(from.getPageWidth());
  to.setPageHeight(from.getPageHeight());
  to.setMarginTop(from.getMarginTop());
  to.setMarginBottom(from.getMarginBottom());
  to.setMarginLeft(from.getMarginLeft());
  to.setMarginRight(from.getMarginRight());
  copyBlocks(from as unknown as Section, to as unknown as Section);
  // getHeader()/getFooter() return null when there is none.
  const header = template.getHeader() as GoogleAppsScript.Document.HeaderSection | null;
  if (header) copyBlocks(header as unknown as Section, doc.addHeader() as unknown as Section);
  const footer = template.getFooter() as GoogleAppsScript.Document.FooterSection | null;
  if (footer) copyBlocks(footer as unknown as Section, doc.addFooter() as unknown as Section);
  doc.saveAndClose();
  const style = withBackoff(() => docsService().Documents.get(templateId)).documentStyle as { useFirstPageHeaderFooter?: boolean } | undefined;
  if (!style?.useFirstPageHeaderFooter) return [];
  return [{ updateDocumentStyle: { documentStyle: { useFirstPageHeaderFooter: true }, fields: 'useFirstPageHeaderFooter' } } as DocsRequest];
}

/** Copies every paragraph, list item and table of `from` after `to`'s first (empty) paragraph, then removes that one. */
function copyBlocks(from: Section, to: Section): void {
  const E = DocumentApp.ElementType;
  const n = from.getNumChildren();
  let at = 1;
  for (let i = 0; i < n; i++) {
    const el = from.getChild(i);
    const type = el.getType();
    const copy = el.copy();
    if (type === E.PARAGRAPH) to.insertParagraph(at++, copy.asParagraph());
    else if (type === E.LIST_ITEM) to.insertListItem(at++, copy.asListItem());
    else if (type === E.TABLE) to.insertTable(at++, copy.asTable());
  }
  if (at > 1) to.getChild(0).asParagraph().removeFromParent();
}
