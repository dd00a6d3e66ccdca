/**
 * What the Docs port has read of an open Google Doc, kept true across the port's own edits, so the
 * merge's repeated walks cost no DocumentApp call once a block has been read, and a copy, a prefix or a
 * removal never rescans its container (each DocumentApp call is a round trip to Google).
 *
 * A node mirrors one element: its kind, its text for a paragraph, and its Apps Script handle. Handles
 * stay usable after edits elsewhere in the document (the DocumentPort contract relies on it), so a
 * handle read once is kept. A node made by the port itself (the copy of a row, a cell inside it) gets
 * its handle only when an edit needs it, found by its place at that moment (getRow, getCell, getChild).
 *
 * Only the port edits the document while the tree lives; every edit it makes updates the tree in the
 * same way Google updates the document (see docs-port.ts for each).
 */

export type GElement = GoogleAppsScript.Document.Element;
export type GParagraph = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;
export type GTable = GoogleAppsScript.Document.Table;
export type GRow = GoogleAppsScript.Document.TableRow;
export type GText = GoogleAppsScript.Document.Text;

/** What body, header, footer and table cell share: the methods the port uses on a block container. */
export interface BlockContainer {
  getNumChildren(): number;
  getChild(childIndex: number): GElement;
  getText(): string;
  insertParagraph(childIndex: number, paragraph: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  insertListItem(childIndex: number, listItem: GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem;
  insertTable(childIndex: number, table: GTable): GTable;
}

/** A section (body, header, footer) or a table cell. */
export interface ContainerNode {
  el: BlockContainer | null;
  /** The row holding this cell; null for a section. */
  row: RowNode | null;
  /** Null until read. */
  children: ChildNode[] | null;
}

/** One piece of a paragraph: a Text child, or a non-text element (el null) that counts one character. */
export interface Piece {
  text: string;
  el: GText | null;
}

export interface ParagraphNode {
  kind: 'paragraph';
  parent: ContainerNode;
  el: GParagraph | null;
  listItem: boolean;
  /** The port's text: line breaks as '\n', a non-text element as OBJECT_CHAR. */
  text: string;
  /** The Text children with their handles; null until an edit needs them. */
  pieces: Piece[] | null;
}

export interface TableNode {
  kind: 'table';
  parent: ContainerNode;
  el: GTable | null;
  rows: RowNode[] | null;
}

/** A child the merge does not look into (a table of contents): kept so child indexes stay right. */
export interface OtherNode {
  kind: 'other';
  parent: ContainerNode;
  el: GElement | null;
}

export type ChildNode = ParagraphNode | TableNode | OtherNode;

export interface RowNode {
  table: TableNode;
  el: GRow | null;
  cells: ContainerNode[] | null;
}

export function sectionNode(el: BlockContainer): ContainerNode {
  return { el, row: null, children: null };
}

/** A detached copy of a subtree: same kinds and texts, no handles (found again by place when needed). */
export function cloneChild(node: ChildNode, parent: ContainerNode): ChildNode {
  if (node.kind === 'paragraph') return { kind: 'paragraph', parent, el: null, listItem: node.listItem, text: node.text, pieces: null };
  if (node.kind === 'other') return { kind: 'other', parent, el: null };
  const table: TableNode = { kind: 'table', parent, el: null, rows: null };
  table.rows = node.rows ? node.rows.map((r) => cloneRow(r, table)) : null;
  return table;
}

export function cloneRow(row: RowNode, table: TableNode): RowNode {
  const copy: RowNode = { table, el: null, cells: null };
  copy.cells = row.cells
    ? row.cells.map((c) => {
        const cell: ContainerNode = { el: null, row: copy, children: null };
        cell.children = c.children ? c.children.map((ch) => cloneChild(ch, cell)) : null;
        return cell;
      })
    : null;
  return copy;
}

/** Every paragraph node already read under a node (a table's cells, recursively). */
export function knownParagraphs(node: ChildNode | RowNode): ParagraphNode[] {
  if ('kind' in node) {
    if (node.kind === 'paragraph') return [node];
    if (node.kind === 'other') return [];
    return (node.rows ?? []).flatMap(knownParagraphs);
  }
  return (node.cells ?? []).flatMap((c) => (c.children ?? []).flatMap(knownParagraphs));
}

/** The paragraph's text from its pieces. */
export function piecesText(pieces: Piece[]): string {
  return pieces.map((p) => p.text).join('');
}

function indexIn<T>(list: T[] | null, item: T, what: string): number {
  const i = list ? list.indexOf(item) : -1;
  if (i < 0) throw new Error(`Docs port: a ${what} is no longer in the document`);
  return i;
}

/** Handles, found by place for nodes the port made itself. */
export function containerEl(c: ContainerNode): BlockContainer {
  if (!c.el) {
    const row = c.row as RowNode;
    c.el = rowEl(row).getCell(indexIn(row.cells, c, 'table cell')) as unknown as BlockContainer;
  }
  return c.el;
}

export function rowEl(r: RowNode): GRow {
  if (!r.el) r.el = tableEl(r.table).getRow(indexIn(r.table.rows, r, 'table row'));
  return r.el;
}

export function tableEl(t: TableNode): GTable {
  if (!t.el) t.el = childAt(t).asTable();
  return t.el;
}

export function paragraphEl(p: ParagraphNode): GParagraph {
  if (!p.el) {
    const child = childAt(p);
    p.el = p.listItem ? child.asListItem() : child.asParagraph();
  }
  return p.el;
}

export function childEl(node: ChildNode): GElement {
  if (node.kind === 'paragraph') return paragraphEl(node) as unknown as GElement;
  if (node.kind === 'table') return tableEl(node) as unknown as GElement;
  if (!node.el) node.el = childAt(node);
  return node.el;
}

function childAt(node: ChildNode): GElement {
  return containerEl(node.parent).getChild(indexIn(node.parent.children, node, 'block'));
}
