/**
 * Small .docx packages for tests, written the way Word writes them: a w:document with the usual
 * namespaces, run properties, rsid attributes, spell-check marks (w:proofErr) and revision marks where a
 * test puts them. Only the XML of the parts under test is given; the package around it is complete
 * enough for Word and LibreOffice to open.
 */
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { readDocx } from '../../../src/node/docx-template/package';
import { createDocxPort } from '../../../src/node/docx-template/docx-port';
import { walkDocument } from '../../../src/core/template/walk';

export const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface WordParts {
  /** The children of w:body (w:sectPr included when the test wants one). */
  body: string;
  /** Headers and footers: the children of w:hdr / w:ftr, by relationship id. */
  headers?: Record<string, string>;
  footers?: Record<string, string>;
  /** Extra package files (word/media/image1.png ...) with their relationship ids. */
  media?: Record<string, { path: string; bytes: Uint8Array }>;
  numbering?: string;
}

export function docXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${NS}><w:body>${body}</w:body></w:document>`;
}

export async function wordPackage(parts: WordParts): Promise<Buffer> {
  const zip = new JSZip();
  const rels: string[] = [];
  const overrides: string[] = [];
  const add = (id: string, type: string, target: string) => rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`);
  for (const [id, xml] of Object.entries(parts.headers ?? {})) {
    zip.file(`word/header-${id}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:hdr ${NS}>${xml}</w:hdr>`);
    add(id, 'header', `header-${id}.xml`);
    overrides.push(`<Override PartName="/word/header-${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`);
  }
  for (const [id, xml] of Object.entries(parts.footers ?? {})) {
    zip.file(`word/footer-${id}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:ftr ${NS}>${xml}</w:ftr>`);
    add(id, 'footer', `footer-${id}.xml`);
    overrides.push(`<Override PartName="/word/footer-${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`);
  }
  for (const [id, { path, bytes }] of Object.entries(parts.media ?? {})) {
    zip.file(`word/${path}`, bytes);
    add(id, 'image', path);
  }
  if (parts.numbering) {
    zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:numbering ${NS}>${parts.numbering}</w:numbering>`);
    add('rIdNumbering', 'numbering', 'numbering.xml');
    overrides.push('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>');
  }
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      overrides.join('') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file('word/document.xml', docXml(parts.body));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A paragraph as Word writes it: rsid attributes, then the runs given. */
export function wp(runs: string, pPr = ''): string {
  return `<w:p w:rsidR="00C1442B" w:rsidRDefault="00C1442B" w:rsidP="00C1442B">${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A run as Word writes it, with optional run properties. */
export function wr(text: string, rPr = ''): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<w:r w:rsidRPr="00D24E1F">${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t${space}>${text}</w:t></w:r>`;
}

export const SECT_PR =
  '<w:sectPr w:rsidR="00C1442B"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';

/** The paragraphs' text of a package, through the port, with their locations. */
export async function portTexts(bytes: Uint8Array): Promise<string[]> {
  return walkDocument(createDocxPort(await readDocx(bytes))).map((s) => s.text);
}

/** A part of a package, parsed, for looking at the XML the merge wrote. */
export async function partXml(bytes: Uint8Array, path = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(path)!.async('string');
}

export async function partDom(bytes: Uint8Array, path = 'word/document.xml') {
  return new DOMParser().parseFromString(await partXml(bytes, path), 'text/xml');
}
