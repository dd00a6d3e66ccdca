/**
 * Reads the whole document through the port into a flat list of paragraphs in document order, each
 * with where it stands: its container (by an index path, since port handles cannot be compared), its
 * table cell if any, and a Vietnamese location for messages ("Bảng 2, hàng 3, ô 1").
 */
import { templateMessages as msg } from './messages';
import type { DocumentPort, SectionKind } from './port';

export interface CellPlace<T> {
  table: T;
  /** Identifies the table: equal keys, same table. */
  tableKey: string;
  row: number;
  cell: number;
}

export interface ParagraphSite<C, P, T> {
  paragraph: P;
  container: C;
  /** Identifies the container: equal keys, same container. */
  containerKey: string;
  /** Index of the paragraph among the container's blocks. */
  index: number;
  /** Number of blocks in the container. */
  siblings: number;
  /** The innermost table cell holding the paragraph, if any. */
  cell?: CellPlace<T>;
  readonly location: string;
  text: string;
}

/**
 * A walked paragraph. Its location is worded only when asked (for a message): a round of the merge walks
 * every paragraph of a grown document, and almost none of them is ever named.
 */
class Site<C, P, T> implements ParagraphSite<C, P, T> {
  constructor(
    readonly paragraph: P,
    readonly container: C,
    readonly containerKey: string,
    readonly index: number,
    readonly siblings: number,
    readonly cell: CellPlace<T> | undefined,
    readonly text: string,
    private readonly label: string,
    /** The paragraph's number among the container's paragraphs; 0 when the label alone says where. */
    private readonly number: number,
  ) {}

  get location(): string {
    return this.number > 0 ? `${this.label}, ${msg.paragraph(this.number)}` : this.label;
  }
}

const SECTION_LABEL: Record<SectionKind, string> = {
  body: msg.bodyLabel,
  header: msg.headerLabel,
  firstPageHeader: msg.firstPageHeaderLabel,
  footer: msg.footerLabel,
  firstPageFooter: msg.firstPageFooterLabel,
  evenPageHeader: msg.evenPageHeaderLabel,
  evenPageFooter: msg.evenPageFooterLabel,
};

export function walkDocument<C, P, T, R>(port: DocumentPort<C, P, T, R>): ParagraphSite<C, P, T>[] {
  const out: ParagraphSite<C, P, T>[] = [];

  const visit = (container: C, key: string, label: string, isBody: boolean, cell?: CellPlace<T>): void => {
    const blocks = port.blocks(container);
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph').length;
    let pn = 0;
    let tn = 0;
    blocks.forEach((block, index) => {
      if (block.kind === 'paragraph') {
        pn++;
        const text = port.paragraphText(block.paragraph);
        out.push(new Site(block.paragraph, container, key, index, blocks.length, cell, text, label, isBody || paragraphs > 1 ? pn : 0));
        return;
      }
      tn++;
      const tableLabel = isBody ? msg.table(tn) : `${label}, ${msg.innerTable(tn)}`;
      const tableKey = `${key}/${index}`;
      port.rows(block.table).forEach((row, r) => {
        port.cells(row).forEach((c, ci) => {
          const place = { table: block.table, tableKey, row: r, cell: ci };
          visit(c, `${tableKey}/${r}/${ci}`, `${tableLabel}, ${msg.rowCell(r + 1, ci + 1)}`, false, place);
        });
      });
    });
  };

  port.sections().forEach((s, i) => visit(s.container, String(i), SECTION_LABEL[s.kind], s.kind === 'body'));
  return out;
}
