/**
 * The report model (src/core/document/model.ts) as WordprocessingML text: the body, header and footer
 * parts of a .docx. Written straight from the model into strings, with no object tree in between, so
 * time and memory stay proportional to the report. Everything a consumer may otherwise default (fonts,
 * spacing, table borders and widths) is explicit, so Word and LibreOffice agree.
 */
import type { Alignment, Block, PageSetup, Paragraph, ParagraphStyle, ReportDocument, Run, RunStyle, Table } from '../../core/document/model';
import { DOCUMENT_ROOT, FOOTER_ROOT, HEADER_ROOT } from './namespaces';
import { A4_MM, columnWidthsTwips, lineSpacingToLine, mmToTwips, ptToHalfPoints, ptToTwips, textWidthTwips } from './units';
import { XmlChunks } from './xml-chunks';
import { escapeXml } from './xml-text';

/** A hairline rule (border sizes are in eighths of a point): 0.5 pt. */
const RULE_SIZE = 4;
/** Left/right cell padding of layout tables: small, so cell text lines up close to the margins. */
const CELL_PADDING_TWIPS = 57;
/** Distance of the header and footer from the page edge (Word's default, 1,25 cm). */
const HEADER_FOOTER_TWIPS = 708;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const DECLARATION_STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const JUSTIFICATION: Record<Alignment, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

/** Where the header and footer parts go, and the relationship ids the body's section refers to them by. */
export interface HeaderFooterPart {
  kind: 'header' | 'footer';
  type: 'default' | 'first';
  /** Part name under word/, e.g. header1.xml. */
  name: string;
  relId: string;
  xml: Buffer;
}

/** The run's own style wins over the paragraph's default run style. */
function mergedRunStyle(paragraphRun: RunStyle | undefined, run: RunStyle): RunStyle {
  const merged: RunStyle = { ...paragraphRun };
  if (run.bold !== undefined) merged.bold = run.bold;
  if (run.italic !== undefined) merged.italic = run.italic;
  if (run.underline !== undefined) merged.underline = run.underline;
  if (run.sizePt !== undefined) merged.sizePt = run.sizePt;
  return merged;
}

/** Run properties; the complex-script twins (bCs, iCs, szCs) too, so Vietnamese in any script slot follows. */
export function runProperties(style: RunStyle): string {
  let x = '';
  if (style.bold !== undefined) x += style.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/>';
  if (style.italic !== undefined) x += style.italic ? '<w:i/><w:iCs/>' : '<w:i w:val="false"/>';
  if (style.sizePt !== undefined) {
    const size = ptToHalfPoints(style.sizePt);
    x += `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  }
  if (style.underline) x += '<w:u w:val="single"/>';
  return x === '' ? '' : `<w:rPr>${x}</w:rPr>`;
}

/** A text with '\n' becomes one run per line, each after the first starting with a line break. */
function textRuns(text: string, rPr: string, out: XmlChunks): void {
  if (!text.includes('\n')) {
    // An empty run adds nothing but may add height in some consumers.
    if (text !== '') out.push(`<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`);
    return;
  }
  text.split('\n').forEach((line, i) => {
    // A break is kept even when its line is empty.
    if (i === 0 && line === '') return;
    out.push(`<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`);
  });
}

/** The page number as a field: begin, the PAGE instruction, separate, end (no cached result). */
function pageNumberRuns(rPr: string, out: XmlChunks): void {
  out.push(
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>`,
    `<w:r>${rPr}<w:instrText xml:space="preserve">PAGE</w:instrText></w:r>`,
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>`,
    `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`,
  );
}

function writeRun(run: Run, paragraphRun: RunStyle | undefined, out: XmlChunks): void {
  const rPr = runProperties(mergedRunStyle(paragraphRun, run));
  if (run.type === 'pageNumber') pageNumberRuns(rPr, out);
  else textRuns(run.text, rPr, out);
}

function spacing(style: ParagraphStyle): string {
  const { spaceBeforePt: before, spaceAfterPt: after, lineSpacing } = style;
  if (before === undefined && after === undefined && lineSpacing === undefined) return '';
  let attrs = '';
  if (after !== undefined) attrs += ` w:after="${ptToTwips(after)}"`;
  if (before !== undefined) attrs += ` w:before="${ptToTwips(before)}"`;
  if (lineSpacing !== undefined) attrs += ` w:line="${lineSpacingToLine(lineSpacing)}" w:lineRule="auto"`;
  return `<w:spacing${attrs}/>`;
}

function indent(style: ParagraphStyle): string {
  const { firstLineIndentMm: first, leftIndentMm: left, rightIndentMm: right } = style;
  if (first === undefined && left === undefined && right === undefined) return '';
  let attrs = '';
  if (left !== undefined) attrs += ` w:left="${mmToTwips(left)}"`;
  if (right !== undefined) attrs += ` w:right="${mmToTwips(right)}"`;
  if (first !== undefined) attrs += ` w:firstLine="${mmToTwips(first)}"`;
  return `<w:ind${attrs}/>`;
}

function paragraphProperties(style: ParagraphStyle): string {
  return (
    '<w:pPr>' +
    (style.keepWithNext ? '<w:keepNext/>' : '') +
    // No line of a paragraph left alone at the foot or the head of a page.
    '<w:widowControl/>' +
    (style.borderBelow ? `<w:pBdr><w:bottom w:val="single" w:color="000000" w:sz="${RULE_SIZE}" w:space="1"/></w:pBdr>` : '') +
    spacing(style) +
    indent(style) +
    (style.align === undefined ? '' : `<w:jc w:val="${JUSTIFICATION[style.align]}"/>`) +
    // The paragraph mark takes the default run style too, so an empty paragraph has the intended height.
    (style.run ? runProperties(style.run) : '') +
    '</w:pPr>'
  );
}

export function writeParagraph(p: Paragraph, out: XmlChunks): void {
  out.push('<w:p>', paragraphProperties(p.style));
  for (const run of p.runs) writeRun(run, p.style.run, out);
  out.push('</w:p>');
}

/** An empty paragraph with no properties: what a cell or part that holds nothing must still contain. */
const BARE_PARAGRAPH = '<w:p/>';

function borders(names: string[], bordered: boolean): string {
  const edge = bordered ? 'w:val="single" w:color="auto" w:sz="4"' : 'w:val="none" w:color="auto" w:sz="0"';
  return names.map((n) => `<w:${n} ${edge}/>`).join('');
}

const TABLE_EDGES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];
const CELL_EDGES = ['top', 'left', 'bottom', 'right'];

export function writeTable(t: Table, textWidth: number, out: XmlChunks): void {
  const widths = columnWidthsTwips(t.columnWidthsPct, textWidth);
  out.push(
    '<w:tbl><w:tblPr>',
    `<w:tblW w:type="dxa" w:w="${textWidth}"/>`,
    `<w:tblBorders>${borders(TABLE_EDGES, t.borders)}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/>',
    `<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${CELL_PADDING_TWIPS}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${CELL_PADDING_TWIPS}"/></w:tblCellMar>`,
    '</w:tblPr><w:tblGrid>',
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join(''),
    '</w:tblGrid>',
  );
  // Borderless tables clear each cell's borders too.
  const cellBorders = t.borders ? '' : `<w:tcBorders>${borders(CELL_EDGES, false)}</w:tcBorders>`;
  for (const row of t.rows) {
    out.push('<w:tr>');
    row.cells.forEach((cell, i) => {
      out.push(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i] ?? 0}"/>${cellBorders}</w:tcPr>`);
      // A cell must end with a paragraph, even when it holds nothing.
      if (cell.blocks.length === 0) out.push(BARE_PARAGRAPH);
      for (const p of cell.blocks) writeParagraph(p, out);
      out.push('</w:tc>');
    });
    out.push('</w:tr>');
  }
  out.push('</w:tbl>');
}

function writeBlock(block: Block, textWidth: number, out: XmlChunks): void {
  if (block.type === 'paragraph') writeParagraph(block, out);
  else writeTable(block, textWidth, out);
}

/** A header or footer part must hold at least one paragraph (the schema says so; Word rejects an empty one). */
function partXml(root: string, close: string, paragraphs: Paragraph[]): Buffer {
  const out = new XmlChunks();
  out.push(DECLARATION, root);
  if (paragraphs.length === 0) out.push(BARE_PARAGRAPH);
  for (const p of paragraphs) writeParagraph(p, out);
  out.push(close);
  return out.toBuffer();
}

/**
 * The header and footer parts: the default header and footer, and with a title page the first page's
 * header and footer (the model has one footer: page 1 shows it too). Relationship ids follow the
 * document part's fixed relationships (styles and settings come first, see package-parts.ts).
 */
export function headerFooterParts(doc: ReportDocument, firstRelId: number): HeaderFooterPart[] {
  const headers: [HeaderFooterPart['type'], Paragraph[]][] = [['default', doc.header]];
  const footers: [HeaderFooterPart['type'], Paragraph[]][] = [['default', doc.footer]];
  if (doc.titlePage) {
    headers.push(['first', doc.firstPageHeader]);
    footers.push(['first', doc.footer]);
  }
  let relId = firstRelId;
  const parts: HeaderFooterPart[] = [];
  headers.forEach(([type, paragraphs], i) =>
    parts.push({ kind: 'header', type, name: `header${i + 1}.xml`, relId: `rId${relId++}`, xml: partXml(HEADER_ROOT, '</w:hdr>', paragraphs) }),
  );
  footers.forEach(([type, paragraphs], i) =>
    parts.push({ kind: 'footer', type, name: `footer${i + 1}.xml`, relId: `rId${relId++}`, xml: partXml(FOOTER_ROOT, '</w:ftr>', paragraphs) }),
  );
  return parts;
}

function sectionProperties(page: PageSetup, titlePage: boolean, parts: HeaderFooterPart[]): string {
  const m = page.marginsMm;
  const refs = parts.map((p) => `<w:${p.kind}Reference w:type="${p.type}" r:id="${p.relId}"/>`).join('');
  return (
    `<w:sectPr>${refs}` +
    `<w:pgSz w:w="${mmToTwips(A4_MM.width)}" w:h="${mmToTwips(A4_MM.height)}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${mmToTwips(m.top)}" w:right="${mmToTwips(m.right)}" w:bottom="${mmToTwips(m.bottom)}" w:left="${mmToTwips(m.left)}" w:header="${HEADER_FOOTER_TWIPS}" w:footer="${HEADER_FOOTER_TWIPS}" w:gutter="0"/>` +
    '<w:pgNumType/>' +
    (titlePage ? '<w:titlePg/>' : '<w:titlePg w:val="false"/>') +
    '<w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>'
  );
}

/** word/document.xml: the body, then the one section's page set-up and its headers and footers. */
export function documentXml(doc: ReportDocument, parts: HeaderFooterPart[]): Buffer {
  const textWidth = textWidthTwips(doc.page);
  const out = new XmlChunks();
  out.push(DECLARATION_STANDALONE, DOCUMENT_ROOT, '<w:body>');
  for (const block of doc.body) writeBlock(block, textWidth, out);
  out.push(sectionProperties(doc.page, doc.titlePage, parts), '</w:body></w:document>');
  return out.toBuffer();
}
