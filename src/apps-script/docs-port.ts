/**
 * The DocumentPort over an open Google Doc: DocumentApp for reads and structural writes, the Docs
 * advanced service for the values (ONE batchUpdate of replaceAllText requests for the whole document).
 *
 * Handles are Apps Script elements. Apps Script hands out a fresh wrapper per call, so nothing here
 * compares elements; places are found by child index every time.
 *
 * Line breaks: a soft line break inside a paragraph reads back from DocumentApp as '\r' (and the Docs
 * API shows it as U+000B); the port reports both as '\n', one character each, so offsets stay equal.
 * Values are sent with '\n' turned into U+000B, the Docs API's character for a line break in a
 * paragraph (a '\n' there would start a new paragraph). Both behaviours are in the self-check list.
 *
 * Sections: body, the default header (pages 2+ when the doc uses a different first page) and the footer.
 * DocumentApp has no getter for a first-page header, so the port does not list one: lists and
 * conditions cannot be used there, but value tags in it are still replaced, since replaceAllText
 * works on the whole document (headers and footers included).
 */
import { OBJECT_CHAR, type DocumentPort, type PortBlock, type PrefixTarget, type Replacement, type SectionKind } from '../core/template/port';
import { sequentialReplacements } from '../core/template/literal-plan';
import { prefixOffsets, prefixText } from '../core/template/tags';
import { docsService } from './drive';

type GDoc = GoogleAppsScript.Document.Document;
type GElement = GoogleAppsScript.Document.Element;
type GParagraph = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;
type GTable = GoogleAppsScript.Document.Table;
type GRow = GoogleAppsScript.Document.TableRow;
type GText = GoogleAppsScript.Document.Text;

/** What body, header, footer and table cell share: the methods the port uses on a block container. */
export interface BlockContainer {
  getNumChildren(): number;
  getChild(childIndex: number): GElement;
  insertParagraph(childIndex: number, paragraph: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  insertListItem(childIndex: number, listItem: GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem;
  insertTable(childIndex: number, table: GTable): GTable;
}

export type DocsPort = DocumentPort<BlockContainer, GParagraph, GTable, GRow> & {
  /**
   * Saves the DocumentApp edits (saveAndClose, needed before the Docs API sees them) and sends the
   * values given to replaceAll as ONE Docs API batchUpdate. The document cannot be edited through
   * this port afterwards. Returns the number of requests sent (0: no batchUpdate call).
   */
  flush(): number;
};

/** Text attributes a copied span keeps (DocumentApp.Attribute names). */
const SPAN_ATTRIBUTES = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL'];
const BOOLEAN_ATTRIBUTES = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH'];

/** The Docs API's line break inside a paragraph. */
const VERTICAL_TAB = '\u000b';

export function createDocsPort(doc: GDoc): DocsPort {
  const docId = doc.getId();
  const E = DocumentApp.ElementType;
  let pending: Replacement[] = [];
  let closed = false;

  const isParagraph = (t: GoogleAppsScript.Document.ElementType) => t === E.PARAGRAPH || t === E.LIST_ITEM;

  /** Child indexes of the paragraphs and tables of a container: port index -> child index. */
  const blockIndexes = (c: BlockContainer): number[] => {
    const out: number[] = [];
    const n = c.getNumChildren();
    for (let i = 0; i < n; i++) {
      const t = c.getChild(i).getType();
      if (isParagraph(t) || t === E.TABLE) out.push(i);
    }
    return out;
  };

  /** The paragraph's text pieces: each Text child with its offset in the port text; others count 1. */
  const pieces = (p: GParagraph): { text: string; start: number; el: GText | null }[] => {
    const out: { text: string; start: number; el: GText | null }[] = [];
    const n = p.getNumChildren();
    let at = 0;
    for (let i = 0; i < n; i++) {
      const child = p.getChild(i);
      if (child.getType() === E.TEXT) {
        const el = child.asText();
        const text = normalizeBreaks(el.getText());
        out.push({ text, start: at, el });
        at += text.length;
      } else {
        out.push({ text: OBJECT_CHAR, start: at, el: null });
        at += 1;
      }
    }
    return out;
  };

  /** The Text child holding start..end (end exclusive), with local offsets; a span may not cross a non-text element. */
  const textAt = (p: GParagraph, start: number, end: number): { el: GText; offset: number; text: string } => {
    for (const piece of pieces(p)) {
      if (!piece.el) continue;
      const pieceEnd = piece.start + piece.text.length;
      if (start >= piece.start && end <= pieceEnd) return { el: piece.el, offset: piece.start, text: piece.text };
    }
    throw new Error('Docs port: a tag span crosses a non-text element (image or page number) in a paragraph');
  };

  const assertOpen = () => {
    if (closed) throw new Error('Docs port: the document was already saved and closed (flush)');
  };

  const insertBlock = (c: BlockContainer, index: number, copy: GElement): void => {
    const t = copy.getType();
    if (t === E.TABLE) c.insertTable(index, copy.asTable());
    else if (t === E.LIST_ITEM) c.insertListItem(index, copy.asListItem());
    else c.insertParagraph(index, copy.asParagraph());
  };

  /** Every section's text, to pick sentinel characters absent from the document. */
  const allText = (): string => port
    .sections()
    .map((s) => (s.container as unknown as { getText(): string }).getText())
    .join('\n');

  const port: DocsPort = {
    sections() {
      const out: { kind: SectionKind; container: BlockContainer }[] = [{ kind: 'body', container: asContainer(doc.getBody()) }];
      // getHeader()/getFooter() return null when the doc has none (DTS types them non-null).
      const header = doc.getHeader() as GoogleAppsScript.Document.HeaderSection | null;
      if (header) out.push({ kind: 'header', container: asContainer(header) });
      const footer = doc.getFooter() as GoogleAppsScript.Document.FooterSection | null;
      if (footer) out.push({ kind: 'footer', container: asContainer(footer) });
      return out;
    },
    blocks(container): PortBlock<GParagraph, GTable>[] {
      return blockIndexes(container).map((i) => {
        const el = container.getChild(i);
        const t = el.getType();
        if (t === E.TABLE) return { kind: 'table', table: el.asTable() };
        return { kind: 'paragraph', paragraph: t === E.LIST_ITEM ? el.asListItem() : el.asParagraph() };
      });
    },
    paragraphText(p) {
      // Fast path: a paragraph of text only is one Text child (or none when empty).
      if (p.getNumChildren() <= 1) {
        const n = p.getNumChildren();
        if (n === 0) return '';
        const child = p.getChild(0);
        return child.getType() === E.TEXT ? normalizeBreaks(child.asText().getText()) : OBJECT_CHAR;
      }
      return pieces(p)
        .map((x) => x.text)
        .join('');
    },
    rows(table) {
      const n = table.getNumRows();
      const out: GRow[] = [];
      for (let i = 0; i < n; i++) out.push(table.getRow(i));
      return out;
    },
    cells(row) {
      const n = row.getNumCells();
      const out: BlockContainer[] = [];
      for (let i = 0; i < n; i++) out.push(asContainer(row.getCell(i)));
      return out;
    },

    copyBlocks(container, first, last) {
      assertOpen();
      const idx = blockIndexes(container);
      const from = idx[first];
      const to = idx[last];
      // Copy everything first (detached deep copies), then insert them in order right after the span.
      const copies: GElement[] = [];
      for (let i = from; i <= to; i++) copies.push(container.getChild(i).copy());
      copies.forEach((copy, k) => insertBlock(container, to + 1 + k, copy));
    },
    removeBlocks(container, first, last) {
      assertOpen();
      const idx = blockIndexes(container);
      const from = idx[first];
      const to = idx[last];
      const n = container.getNumChildren();
      for (let i = to; i >= from; i--) {
        const el = container.getChild(i);
        if (i === n - 1 && isParagraph(el.getType())) {
          // Google cannot remove the last paragraph of a section or cell: empty it instead.
          const p = el.getType() === E.LIST_ITEM ? el.asListItem() : el.asParagraph();
          const len = p.getText().length;
          if (len > 0) p.editAsText().deleteText(0, len - 1);
          continue;
        }
        el.removeFromParent();
      }
    },
    copyRows(table, first, last) {
      assertOpen();
      const copies: GRow[] = [];
      for (let i = first; i <= last; i++) copies.push(table.getRow(i).copy());
      copies.forEach((row, k) => table.insertTableRow(last + 1 + k, row));
    },
    removeRows(table, first, last) {
      assertOpen();
      if (first === 0 && last === table.getNumRows() - 1) {
        // Every row goes: the table goes. Google keeps a paragraph after any table, so the container stays valid.
        table.removeFromParent();
        return;
      }
      for (let i = last; i >= first; i--) table.removeRow(i);
    },
    prefixTags(target: PrefixTarget<BlockContainer, GTable>, prefix) {
      assertOpen();
      // ONE replaceText per element, whatever the number of tags in it. The prefix holds only letters,
      // digits and _ - . : so it is literal in an RE2 replacement.
      const replacement = '{{' + prefix;
      if (target.kind === 'blocks') {
        const idx = blockIndexes(target.container);
        for (let i = idx[target.first]; i <= idx[target.last]; i++) replaceIn(target.container.getChild(i), replacement);
      } else {
        for (let i = target.first; i <= target.last; i++) target.table.getRow(i).replaceText('\\{\\{', replacement);
      }
    },
    deleteText(paragraph, start, end) {
      assertOpen();
      if (end <= start) return;
      const at = textAt(paragraph, start, end);
      at.el.deleteText(start - at.offset, end - at.offset - 1);
    },
    repeatSpan(paragraph, outerStart, outerEnd, innerStart, innerEnd, prefixes) {
      assertOpen();
      const at = textAt(paragraph, outerStart, outerEnd);
      const el = at.el;
      const local = (x: number) => x - at.offset;
      const inner = at.text.slice(local(innerStart), local(innerEnd));
      // The formatting runs of the inner span, read before anything changes.
      const runs = inner === '' || prefixes.length === 0 ? [] : spanRuns(el, local(innerStart), local(innerEnd));
      if (runs.length === 0) {
        el.deleteText(local(outerStart), local(outerEnd) - 1);
        return;
      }
      const copies = prefixes.map((prefix) => (prefix ? prefixText(inner, prefix) : inner));
      // Insert after the span, then delete it: a Text element emptied first might not survive in Google.
      el.insertText(local(outerEnd), toDocText(copies.join('')));
      el.deleteText(local(outerStart), local(outerEnd) - 1);
      let base = local(outerStart);
      prefixes.forEach((prefix, k) => {
        // A prefix lands right after a '{{' and takes the formatting of the run that '{{' ends.
        const offsets = prefix ? prefixOffsets(inner) : [];
        const shift = (x: number) => x + prefix.length * offsets.filter((o) => o <= x).length;
        for (const run of runs) {
          const s = base + shift(run.start);
          const e = base + shift(run.end) - 1;
          if (e >= s) el.setAttributes(s, e, run.attrs);
        }
        base += copies[k].length;
      });
    },

    replaceAll(pairs) {
      assertOpen();
      pending = pending.concat(pairs);
    },
    flush() {
      assertOpen();
      const text = pending.length > 0 ? allText() : '';
      doc.saveAndClose(); // design.md: save before the Docs API reads the document
      closed = true;
      if (pending.length === 0) return 0;
      const requests = sequentialReplacements(pending, text).map((r) => ({
        replaceAllText: { containsText: { text: r.find, matchCase: true }, replaceText: toDocText(r.replace) },
      }));
      docsService().Documents.batchUpdate({ requests }, docId);
      pending = [];
      return requests.length;
    },
  };

  function replaceIn(el: GElement, replacement: string): void {
    (el as unknown as { replaceText(p: string, r: string): GElement }).replaceText('\\{\\{', replacement);
  }

  return port;
}

/** '\r' (DocumentApp) and U+000B (Docs API) are line breaks inside a paragraph: the port says '\n'. */
function normalizeBreaks(s: string): string {
  return s.split('\r').join('\n').split(VERTICAL_TAB).join('\n');
}

/** Port text -> text for Google: a '\n' is a line break inside the paragraph, U+000B for the Docs API. */
function toDocText(s: string): string {
  return s.replace(/\r\n|\r|\n/g, VERTICAL_TAB);
}

function asContainer(el: unknown): BlockContainer {
  return el as BlockContainer;
}

/** Formatting runs of el's text in [start, end): run offsets relative to start, end exclusive. */
function spanRuns(el: GText, start: number, end: number): { start: number; end: number; attrs: Record<string, unknown> }[] {
  const bounds = el.getTextAttributeIndices().filter((i) => i > start && i < end);
  const cuts = [start, ...bounds, end];
  const out: { start: number; end: number; attrs: Record<string, unknown> }[] = [];
  for (let k = 0; k < cuts.length - 1; k++) {
    const all = el.getAttributes(cuts[k]) as Record<string, unknown>;
    const attrs: Record<string, unknown> = {};
    for (const key of SPAN_ATTRIBUTES) {
      const v = all[key];
      if (v !== null && v !== undefined) attrs[key] = v;
      else if (BOOLEAN_ATTRIBUTES.includes(key)) attrs[key] = false; // do not inherit bold from the tag before
    }
    out.push({ start: cuts[k] - start, end: cuts[k + 1] - start, attrs });
  }
  return out;
}
