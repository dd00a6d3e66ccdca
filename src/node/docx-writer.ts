/**
 * Renders a ReportDocument (src/core/document/model.ts) to a .docx file: the WordprocessingML parts are
 * written as text straight from the model (./docx/wordml.ts) and zipped with jszip. No document object
 * tree is built, so a report of 70 000 list rows costs a few times its own XML in memory, not a tree of
 * objects per element.
 */
import JSZip from 'jszip';
import type { ReportDocument } from '../core/document/model';
import { contentTypesXml, documentRelsXml, FIRST_HEADER_FOOTER_REL_ID, packageRelsXml, settingsXml, stylesXml } from './docx/package-parts';
import { documentXml, headerFooterParts } from './docx/wordml';

export { columnWidthsTwips, lineSpacingToLine, mmToTwips, ptToHalfPoints, ptToTwips, textWidthTwips } from './docx/units';

/** The package's parts by name, in the order they are zipped. */
export function docxParts(doc: ReportDocument): Map<string, string | Buffer> {
  const headersFooters = headerFooterParts(doc, FIRST_HEADER_FOOTER_REL_ID);
  const parts = new Map<string, string | Buffer>([
    ['[Content_Types].xml', contentTypesXml(headersFooters)],
    ['_rels/.rels', packageRelsXml()],
    ['word/_rels/document.xml.rels', documentRelsXml(headersFooters)],
    ['word/document.xml', documentXml(doc, headersFooters)],
    ['word/styles.xml', stylesXml(doc.page)],
    ['word/settings.xml', settingsXml()],
  ]);
  for (const p of headersFooters) parts.set(`word/${p.name}`, p.xml);
  return parts;
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, xml] of docxParts(doc)) zip.file(name, xml);
  // Level 1: the report is a few hundred kB of repetitive XML; the fastest deflate costs a few percent of size
  // and saves most of the compression time (pako's slow path was the writer's largest cost on the sample).
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
