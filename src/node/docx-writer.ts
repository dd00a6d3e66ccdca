/**
 * Renders a ReportDocument (src/core/document/model.ts) to a .docx file with the `docx` package.
 * Everything a renderer may otherwise leave to the consumer's defaults (page size, fonts, paragraph
 * spacing, table borders and widths) is written explicitly, so Word and LibreOffice agree.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableBorders,
  TableCell as DocxTableCell,
  TableLayoutType,
  TableRow as DocxTableRow,
  TextRun as DocxTextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type {
  Alignment,
  Block,
  PageSetup,
  Paragraph,
  ParagraphStyle,
  ReportDocument,
  Run,
  RunStyle,
  Table,
} from '../core/document/model';

const A4_MM = { width: 210, height: 297 } as const;
const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;
/** Word's own single line in the `auto` line rule. */
const SINGLE_LINE = 240;
/** A hairline rule (border sizes are in eighths of a point): 0.5 pt. */
const RULE_SIZE = 4;
/** Left/right cell padding of layout tables: small, so cell text lines up close to the margins. */
const CELL_PADDING_TWIPS = 57;

export function mmToTwips(mm: number): number {
  return Math.round((mm * TWIPS_PER_INCH) / MM_PER_INCH);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** Font sizes in OOXML are half-points. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Line spacing as a multiple of single, in 240ths of a line (the `auto` rule). */
export function lineSpacingToLine(multiple: number): number {
  return Math.round(multiple * SINGLE_LINE);
}

/** Width available to text (and tables): page width minus left and right margins, in twips. */
export function textWidthTwips(page: PageSetup): number {
  return mmToTwips(A4_MM.width - page.marginsMm.left - page.marginsMm.right);
}

/** Column widths in twips from percentages; the last column takes the rounding rest so the sum is exact. */
export function columnWidthsTwips(pcts: number[], totalTwips: number): number[] {
  const widths = pcts.map((p) => Math.round((p / 100) * totalTwips));
  if (widths.length > 0) {
    const rest = totalTwips - widths.reduce((a, b) => a + b, 0);
    widths[widths.length - 1] += rest;
  }
  return widths;
}

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function alignment(a: Alignment | undefined): (typeof ALIGNMENTS)[Alignment] | undefined {
  return a === undefined ? undefined : ALIGNMENTS[a];
}

/** One font name in every slot, so Vietnamese (and any complex or East Asian fallback) uses it too. */
function fontSlots(font: string) {
  return { ascii: font, hAnsi: font, eastAsia: font, cs: font };
}

function runProperties(style: RunStyle): IRunOptions {
  const props: { -readonly [K in keyof IRunOptions]: IRunOptions[K] } = {};
  if (style.bold !== undefined) {
    props.bold = style.bold;
    props.boldComplexScript = style.bold;
  }
  if (style.italic !== undefined) {
    props.italics = style.italic;
    props.italicsComplexScript = style.italic;
  }
  if (style.underline) props.underline = {};
  if (style.sizePt !== undefined) {
    props.size = ptToHalfPoints(style.sizePt);
    props.sizeComplexScript = ptToHalfPoints(style.sizePt);
  }
  return props;
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

/** A text with '\n' becomes one docx run per line, each after the first starting with a line break. */
function textRuns(text: string, props: IRunOptions): DocxTextRun[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, breakBefore: i > 0 }))
    // An empty run adds nothing but may add height in some consumers; a break is kept even with no text.
    .filter(({ line, breakBefore }) => line !== '' || breakBefore)
    .map(({ line, breakBefore }) => new DocxTextRun({ ...props, text: line, break: breakBefore ? 1 : undefined }));
}

function renderRun(run: Run, paragraphRun: RunStyle | undefined): DocxTextRun[] {
  const props = runProperties(mergedRunStyle(paragraphRun, run));
  if (run.type === 'pageNumber') return [new DocxTextRun({ ...props, children: [PageNumber.CURRENT] })];
  return textRuns(run.text, props);
}

function indent(style: ParagraphStyle): IParagraphOptions['indent'] {
  const { firstLineIndentMm: first, leftIndentMm: left, rightIndentMm: right } = style;
  if (first === undefined && left === undefined && right === undefined) return undefined;
  return {
    firstLine: first === undefined ? undefined : mmToTwips(first),
    left: left === undefined ? undefined : mmToTwips(left),
    right: right === undefined ? undefined : mmToTwips(right),
  };
}

function spacing(style: ParagraphStyle): IParagraphOptions['spacing'] {
  const { spaceBeforePt: before, spaceAfterPt: after, lineSpacing } = style;
  if (before === undefined && after === undefined && lineSpacing === undefined) return undefined;
  return {
    before: before === undefined ? undefined : ptToTwips(before),
    after: after === undefined ? undefined : ptToTwips(after),
    line: lineSpacing === undefined ? undefined : lineSpacingToLine(lineSpacing),
    lineRule: lineSpacing === undefined ? undefined : LineRuleType.AUTO,
  };
}

function bottomRule(): IParagraphOptions['border'] {
  return { bottom: { style: BorderStyle.SINGLE, size: RULE_SIZE, color: '000000', space: 1 } };
}

export function renderParagraph(p: Paragraph): DocxParagraph {
  const style = p.style;
  return new DocxParagraph({
    alignment: alignment(style.align),
    indent: indent(style),
    spacing: spacing(style),
    border: style.borderBelow ? bottomRule() : undefined,
    keepNext: style.keepWithNext || undefined,
    // No line of a paragraph left alone at the foot or the head of a page.
    widowControl: true,
    // The paragraph mark takes the default run style too, so an empty paragraph has the intended height.
    run: style.run ? runProperties(style.run) : undefined,
    children: p.runs.flatMap((r) => renderRun(r, style.run)),
  });
}

function noBorders() {
  return TableBorders.NONE;
}

function renderCell(blocks: Paragraph[], widthTwips: number, bordered: boolean): DocxTableCell {
  // A cell must end with a paragraph, even when it holds nothing.
  const children = blocks.length > 0 ? blocks.map(renderParagraph) : [new DocxParagraph({})];
  return new DocxTableCell({
    children,
    width: { size: widthTwips, type: WidthType.DXA },
    borders: bordered ? undefined : noBorders(),
  });
}

export function renderTable(t: Table, textWidth: number): DocxTable {
  const widths = columnWidthsTwips(t.columnWidthsPct, textWidth);
  return new DocxTable({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: t.borders ? undefined : noBorders(),
    margins: {
      top: 0,
      bottom: 0,
      left: CELL_PADDING_TWIPS,
      right: CELL_PADDING_TWIPS,
      marginUnitType: WidthType.DXA,
    },
    rows: t.rows.map(
      (row) =>
        new DocxTableRow({
          children: row.cells.map((cell, i) => renderCell(cell.blocks, widths[i] ?? 0, t.borders)),
        }),
    ),
  });
}

function renderBlock(block: Block, textWidth: number): DocxParagraph | DocxTable {
  return block.type === 'paragraph' ? renderParagraph(block) : renderTable(block, textWidth);
}

/** Document defaults: the page's font in every slot, its size, Vietnamese, no spacing, single lines. */
function documentStyles(page: PageSetup) {
  return {
    default: {
      document: {
        run: {
          font: fontSlots(page.font),
          size: ptToHalfPoints(page.sizePt),
          sizeComplexScript: ptToHalfPoints(page.sizePt),
          color: '000000',
          language: { value: 'vi-VN', eastAsia: 'vi-VN', bidirectional: 'vi-VN' },
        },
        paragraph: {
          spacing: { before: 0, after: 0, line: SINGLE_LINE, lineRule: LineRuleType.AUTO },
        },
      },
    },
  };
}

/** A header or footer part must hold at least one paragraph (the schema says so; Word rejects an empty one). */
function partParagraphs(paragraphs: Paragraph[]): DocxParagraph[] {
  return paragraphs.length > 0 ? paragraphs.map(renderParagraph) : [new DocxParagraph({})];
}

function header(paragraphs: Paragraph[]): Header {
  return new Header({ children: partParagraphs(paragraphs) });
}

function footer(paragraphs: Paragraph[]): Footer {
  return new Footer({ children: partParagraphs(paragraphs) });
}

function pageProperties(page: PageSetup) {
  const m = page.marginsMm;
  return {
    size: { width: mmToTwips(A4_MM.width), height: mmToTwips(A4_MM.height), orientation: PageOrientation.PORTRAIT },
    margin: { top: mmToTwips(m.top), bottom: mmToTwips(m.bottom), left: mmToTwips(m.left), right: mmToTwips(m.right) },
  };
}

/** Builds the docx object model; exported for tests and callers that pack it themselves. */
export function buildDocx(doc: ReportDocument): Document {
  const textWidth = textWidthTwips(doc.page);
  return new Document({
    styles: documentStyles(doc.page),
    sections: [
      {
        properties: { page: pageProperties(doc.page), titlePage: doc.titlePage },
        headers: {
          default: header(doc.header),
          first: doc.titlePage ? header(doc.firstPageHeader) : undefined,
        },
        // The model has one footer: page 1 shows it too.
        footers: {
          default: footer(doc.footer),
          first: doc.titlePage ? footer(doc.footer) : undefined,
        },
        children: doc.body.map((b) => renderBlock(b, textWidth)),
      },
    ],
  });
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc));
}
