/**
 * Reading and writing a .docx package (a zip of XML parts, jszip) down to the parts the merge edits:
 * the main document and the headers and footers its sections show (parsed with @xmldom/xmldom). Every
 * other part (styles, numbering, images, settings) goes back out byte for byte.
 */
import { DOMParser, XMLSerializer, onErrorStopParsing, type Document, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { posix } from 'node:path';
import type { SectionKind } from '../../core/template/port';
import { docxMessages as msg } from './messages';
import { descendants, elementChildren, isW, wAttr, wChild } from './ooxml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OFFICE_DOCUMENT = /\/officeDocument$/;
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The template cannot be used as a .docx; `message` is Vietnamese, ready to print. */
export class DocxTemplateError extends Error {
  override readonly name = 'DocxTemplateError';
}

export interface XmlPart {
  path: string;
  doc: Document;
  /** The part's text as read: a part that would be written back the same keeps its stored bytes. */
  source: string;
}

/** A header or footer as the port lists it. */
export interface HeaderFooterPart extends XmlPart {
  kind: SectionKind;
}

export interface DocxPackage {
  zip: JSZip;
  main: XmlPart;
  /** The w:body of the main part. */
  body: Element;
  /** The headers and footers the sections refer to, each once, in the order the sections name them. */
  headersFooters: HeaderFooterPart[];
}

const HEADER_KINDS: Record<string, SectionKind> = { default: 'header', first: 'firstPageHeader', even: 'evenPageHeader' };
const FOOTER_KINDS: Record<string, SectionKind> = { default: 'footer', first: 'firstPageFooter', even: 'evenPageFooter' };

export async function readDocx(bytes: Uint8Array): Promise<DocxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocxTemplateError(msg.notZip);
  }
  const rootRels = (await readXml(zip, '_rels/.rels', false))?.doc;
  const mainPath = (rootRels && relationships(rootRels, '').find((r) => OFFICE_DOCUMENT.test(r.type))?.target) ?? 'word/document.xml';
  const mainXml = await readXml(zip, mainPath, true);
  const body = mainXml && wChild(mainXml.doc.documentElement!, 'body');
  if (!mainXml || !body) throw new DocxTemplateError(msg.noBody);
  const main = { path: mainPath, ...mainXml };
  const relsDoc = (await readXml(zip, relsPathOf(mainPath), false))?.doc;
  const rels = new Map((relsDoc ? relationships(relsDoc, posix.dirname(mainPath)) : []).map((r) => [r.id, r.target]));
  const headersFooters: HeaderFooterPart[] = [];
  const seen = new Set<string>();
  for (const ref of sectionReferences(body)) {
    const path = rels.get(ref.id);
    if (!path || seen.has(path)) continue;
    seen.add(path);
    const xml = await readXml(zip, path, true);
    if (xml) headersFooters.push({ path, ...xml, kind: ref.kind });
  }
  return { zip, main, body, headersFooters };
}

/** The package with the edited parts put back, as the bytes of a .docx. */
export async function writeDocx(pkg: DocxPackage): Promise<Buffer> {
  const serializer = new XMLSerializer();
  for (const part of [pkg.main, ...pkg.headersFooters]) {
    const xml = serializer.serializeToString(part.doc);
    // The parser keeps the declaration the part had; a part without one gets Word's.
    const text = xml.startsWith('<?xml') ? xml : XML_DECLARATION + xml;
    // A part without tags (most headers and footers) comes out as it went in: its stored, compressed
    // bytes are kept rather than compressed again.
    if (text !== part.source) pkg.zip.file(part.path, text);
  }
  // Level 1, as the report writer: the fastest deflate costs a few percent of size on repetitive XML and
  // saves most of the compression time. Parts not put back keep their compressed bytes as they came.
  return pkg.zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 1 },
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}

async function readXml(zip: JSZip, path: string, required: boolean): Promise<{ doc: Document; source: string } | null> {
  const file = zip.file(path);
  if (!file) {
    if (required) throw new DocxTemplateError(msg.missingPart(path));
    return null;
  }
  const text = await file.async('string');
  try {
    // No line/column tracking: it more than doubles the parse time, and messages name the part instead.
    return { doc: new DOMParser({ locator: false, onError: onErrorStopParsing }).parseFromString(text, 'text/xml'), source: text };
  } catch (e) {
    throw new DocxTemplateError(msg.badXml(path, (e as Error).message.split('\n')[0]));
  }
}

function relsPathOf(partPath: string): string {
  return posix.join(posix.dirname(partPath), '_rels', `${posix.basename(partPath)}.rels`);
}

interface Relationship {
  id: string;
  type: string;
  /** The target part's path inside the zip. */
  target: string;
}

function relationships(rels: Document, baseDir: string): Relationship[] {
  const out: Relationship[] = [];
  descendants(rels.documentElement!, (el) => {
    if (el.localName !== 'Relationship' || el.getAttribute('TargetMode') === 'External') return;
    const target = el.getAttribute('Target') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(baseDir, target));
    out.push({ id: el.getAttribute('Id') ?? '', type: el.getAttribute('Type') ?? '', target: path });
  });
  return out;
}

/** Every header and footer reference of every section (w:sectPr), in document order. */
function sectionReferences(body: Element): { id: string; kind: SectionKind }[] {
  const out: { id: string; kind: SectionKind }[] = [];
  const sectPrs: Element[] = [];
  descendants(body, (el) => {
    if (isW(el, 'sectPr')) sectPrs.push(el);
  });
  for (const sectPr of sectPrs) {
    for (const ref of elementChildren(sectPr)) {
      const isHeader = isW(ref, 'headerReference');
      if (!isHeader && !isW(ref, 'footerReference')) continue;
      const kind = (isHeader ? HEADER_KINDS : FOOTER_KINDS)[wAttr(ref, 'type') ?? 'default'];
      const id = ref.getAttributeNS(REL_NS, 'id') ?? ref.getAttribute('r:id');
      if (kind && id) out.push({ id, kind });
    }
  }
  // Headers before footers, as the port lists its sections.
  const isFooter = (r: { kind: SectionKind }) => Object.values(FOOTER_KINDS).includes(r.kind);
  return [...out.filter((r) => !isFooter(r)), ...out.filter(isFooter)];
}
