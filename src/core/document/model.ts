/**
 * The in-memory document model: what the template text parses into, what the merge edits (through the
 * in-memory port), and what the .docx writer and the Google Docs builder render. Lengths are in
 * millimetres or points as named, so both renderers convert from one unit each.
 */

export type Alignment = 'left' | 'center' | 'right' | 'justify';

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points; the page's default size when absent. */
  sizePt?: number;
}

/** A stretch of text with one formatting. A '\n' inside `text` is a line break within the paragraph. */
export interface TextRun extends RunStyle {
  type: 'text';
  text: string;
}

/** The current page number, rendered as a field. */
export interface PageNumberRun extends RunStyle {
  type: 'pageNumber';
}

export type Run = TextRun | PageNumberRun;

export interface ParagraphStyle {
  align?: Alignment;
  /** First-line indent in millimetres. */
  firstLineIndentMm?: number;
  /** Left and right indents in millimetres (a short centred rule is drawn with both). */
  leftIndentMm?: number;
  rightIndentMm?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  /** Line spacing as a multiple of single (1, 1.15, 1.5). */
  lineSpacing?: number;
  /** A thin line drawn under the paragraph, as wide as the paragraph between its indents. */
  borderBelow?: boolean;
  /** Kept on the same page as the next paragraph: a heading never ends a page alone. */
  keepWithNext?: boolean;
  /** Default run style for the paragraph's runs (a run's own style wins). */
  run?: RunStyle;
}

export interface Paragraph {
  type: 'paragraph';
  style: ParagraphStyle;
  runs: Run[];
}

export interface TableCell {
  blocks: Paragraph[];
}

export interface TableRow {
  cells: TableCell[];
}

export interface Table {
  type: 'table';
  /** Layout tables (the two-column header, "Nơi nhận" beside the signature) have no borders. */
  borders: boolean;
  /** Column widths as percentages of the text width; they add up to 100. */
  columnWidthsPct: number[];
  rows: TableRow[];
}

export type Block = Paragraph | Table;

export interface PageSetup {
  size: 'A4';
  orientation: 'portrait';
  marginsMm: { top: number; bottom: number; left: number; right: number };
  font: string;
  sizePt: number;
}

export interface ReportDocument {
  page: PageSetup;
  /** Header on every page but the first when `titlePage` is true. */
  header: Paragraph[];
  /** Header of page 1 (empty for an official report: page numbers start on page 2). */
  firstPageHeader: Paragraph[];
  /** True when page 1 has its own header (`firstPageHeader`). */
  titlePage: boolean;
  footer: Paragraph[];
  body: Block[];
}

/** Plain text of a paragraph: runs joined, page numbers as '#'. */
export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => (r.type === 'text' ? r.text : '#')).join('');
}

/** Plain text of a document's body, one line per paragraph, table cells separated by tabs. */
export function documentText(doc: ReportDocument): string {
  const lines: string[] = [];
  for (const block of doc.body) {
    if (block.type === 'paragraph') lines.push(paragraphText(block));
    else for (const row of block.rows) lines.push(row.cells.map((c) => c.blocks.map(paragraphText).join('\n')).join('\t'));
  }
  return lines.join('\n');
}
