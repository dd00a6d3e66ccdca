/**
 * The DocumentPort over an open Google Doc: DocumentApp for reads and structural writes, the Docs
 * advanced service for the values (ONE batchUpdate of replaceAllText requests for the whole document).
 *
 * Cost: every DocumentApp call is a round trip to Google. The port reads each block once and keeps
 * what it read in a tree (docs-tree.ts) that its own edits keep true: a walk of the document after the
 * first costs no call, and a copy, a prefix or a removal touches only the blocks it changes, never
 * rescans its container. Handles of the tree are the port's own nodes, never compared by the merge.
 *
 * Time: given a deadline, every write first checks it and throws TimeBudgetExceeded once it is spent,
 * so a long merge stops between two Google calls rather than being cut by Apps Script.
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
import { withBackoff } from './retry';
import {
  childEl,
  cloneChild,
  cloneRow,
  containerEl,
  knownParagraphs,
  paragraphEl,
  piecesText,
  rowEl,
  sectionNode,
  tableEl,
  type BlockContainer,
  type ChildNode,
  type ContainerNode,
  type GParagraph,
  type GText,
  type ParagraphNode,
  type Piece,
  type RowNode,
  type TableNode,
} from './docs-tree';
import type { Deadline } from './time-budget';
import { replaceHeaderFooterValues } from './header-footer-values';
import { checkLineBreaks, finalCounts, multiLinePairs, replyCounts } from './replace-checks';

export type DocsPort = DocumentPort<ContainerNode, ParagraphNode, TableNode, RowNode> & {
  /**
   * Saves the DocumentApp edits (saveAndClose, needed before the Docs API sees them) and sends the
   * values given to replaceAll as ONE Docs API batchUpdate. The document cannot be edited through
   * this port afterwards. Returns the number of requests sent (0: no batchUpdate call).
   */
  flush(): number;
  /**
   * After flush: a tag the batchUpdate replaced that no value brings back, or null (nothing replaced). A
   * view of the Doc that still holds it predates the batchUpdate (docs/google-behaviours.md, switch k).
   */
  replacedTag(): string | null;
};

export interface DocsPortOptions {
  /** Checked before every write: past it, the write throws TimeBudgetExceeded instead of calling Google. */
  deadline?: Deadline;
  /**
   * Docs API requests sent in flush's one batchUpdate, after the values (the document style of a report made
   * for a second clerk): every Docs API edit of a run comes after its DocumentApp edits (switch k).
   */
  trailingRequests?: GoogleAppsScript.Docs.Schema.Request[];
}

/** Text attributes a copied span keeps (DocumentApp.Attribute names). */
const SPAN_ATTRIBUTES = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL'];
const BOOLEAN_ATTRIBUTES = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH'];

/** The Docs API's line break inside a paragraph. */
const VERTICAL_TAB = '\u000b';

export function createDocsPort(doc: GoogleAppsScript.Document.Document, opts: DocsPortOptions = {}): DocsPort {
  const docId = doc.getId();
  const E = DocumentApp.ElementType;
  let pending: Replacement[] = [];
  let closed = false;
  let replaced: string | null = null;
  let sections: { kind: SectionKind; container: ContainerNode }[] | null = null;

  /** Before any write: the document is still open and the time budget not spent. */
  const beforeWrite = () => {
    if (closed) throw new Error('Docs port: the document was already saved and closed (flush)');
    opts.deadline?.check();
  };

  /** A container's children, read once: each child's kind and handle, each paragraph's text. */
  const children = (c: ContainerNode): ChildNode[] => {
    if (c.children) return c.children;
    const el = containerEl(c);
    const n = el.getNumChildren();
    const out: ChildNode[] = [];
    for (let i = 0; i < n; i++) {
      const child = el.getChild(i);
      const t = child.getType();
      if (t === E.PARAGRAPH) out.push(readParagraph(c, child.asParagraph(), false));
      else if (t === E.LIST_ITEM) out.push(readParagraph(c, child.asListItem(), true));
      else if (t === E.TABLE) out.push({ kind: 'table', parent: c, el: child.asTable(), rows: null });
      else out.push({ kind: 'other', parent: c, el: child });
    }
    c.children = out;
    return out;
  };

  /**
   * A paragraph's text in two calls when it is one Text (the usual case: a paragraph with one child
   * and some text); otherwise child by child.
   */
  const readParagraph = (parent: ContainerNode, el: GParagraph, listItem: boolean): ParagraphNode => {
    const node: ParagraphNode = { kind: 'paragraph', parent, el, listItem, text: '', pieces: null };
    const n = el.getNumChildren();
    if (n === 0) {
      node.pieces = [];
      return node;
    }
    if (n === 1) {
      const text = el.getText();
      if (text !== '') {
        node.text = normalizeBreaks(text);
        return node;
      }
    }
    node.pieces = readPieces(el, n);
    node.text = piecesText(node.pieces);
    return node;
  };

  const readPieces = (el: GParagraph, n = el.getNumChildren()): Piece[] => {
    const out: Piece[] = [];
    for (let i = 0; i < n; i++) {
      const child = el.getChild(i);
      if (child.getType() === E.TEXT) {
        const text = child.asText();
        out.push({ text: normalizeBreaks(text.getText()), el: text });
      } else out.push({ text: OBJECT_CHAR, el: null });
    }
    return out;
  };

  /** The paragraph's pieces with their Text handles (read when an edit first needs them). */
  const piecesOf = (p: ParagraphNode): Piece[] => {
    if (!p.pieces) {
      p.pieces = readPieces(paragraphEl(p));
      p.text = piecesText(p.pieces);
    }
    return p.pieces;
  };

  /** The Text piece holding start..end (end exclusive), with its offset; a span may not cross a non-text element. */
  const textAt = (p: ParagraphNode, start: number, end: number): { piece: Piece & { el: GText }; offset: number } => {
    let at = 0;
    for (const piece of piecesOf(p)) {
      const pieceEnd = at + piece.text.length;
      if (piece.el && start >= at && end <= pieceEnd) return { piece: piece as Piece & { el: GText }, offset: at };
      at = pieceEnd;
    }
    throw new Error('Docs port: a tag span crosses a non-text element (image or page number) in a paragraph');
  };

  /** After an edit of one Text: the piece's new text; an emptied Text may vanish in Google, so it is read again if needed. */
  const edited = (p: ParagraphNode, piece: Piece, text: string) => {
    piece.text = text;
    p.text = piecesText(p.pieces as Piece[]);
    if (text === '') p.pieces = null;
  };

  /** What replaceText('\\{\\{', '{{' + prefix) did to the paragraphs the port has read. */
  const prefixed = (node: ChildNode | RowNode, prefix: string) => {
    for (const p of knownParagraphs(node)) {
      if (p.pieces) {
        for (const piece of p.pieces) if (piece.el) piece.text = prefixText(piece.text, prefix);
        p.text = piecesText(p.pieces);
      } else p.text = prefixText(p.text, prefix);
    }
  };

  /** Child indexes of the paragraphs and tables of a container: port index -> child index. */
  const blockIndexes = (list: ChildNode[]): number[] => {
    const out: number[] = [];
    list.forEach((child, i) => {
      if (child.kind !== 'other') out.push(i);
    });
    return out;
  };

  /**
   * Inserts a detached copy at `index`, as its kind asks; the node gets the inserted element's handle.
   * A table inserted at the end of a container is followed by an empty paragraph (Google: a container
   * never ends with a table), and the tree gets that paragraph too.
   */
  const insertCopy = (c: ContainerNode, list: ChildNode[], index: number, original: ChildNode, copy: GoogleAppsScript.Document.Element): void => {
    const node = cloneChild(original, c);
    const el = containerEl(c);
    if (node.kind === 'table') {
      const atEnd = index === list.length;
      node.el = el.insertTable(index, copy as unknown as GoogleAppsScript.Document.Table);
      list.splice(index, 0, node);
      if (atEnd) list.push({ kind: 'paragraph', parent: c, el: null, listItem: false, text: '', pieces: [] });
    } else if (node.kind === 'paragraph') {
      node.el = node.listItem
        ? el.insertListItem(index, copy as unknown as GoogleAppsScript.Document.ListItem)
        : el.insertParagraph(index, copy as unknown as GoogleAppsScript.Document.Paragraph);
      list.splice(index, 0, node);
    } else {
      throw new Error(`Docs port: a ${String(copy.getType())} element cannot be repeated`);
    }
  };

  /** Expands one section inside a paragraph (see DocumentPort.repeatSpans). */
  const repeatSpan = (paragraph: ParagraphNode, outerStart: number, outerEnd: number, innerStart: number, innerEnd: number, prefixes: string[]): void => {
    beforeWrite();
    const { piece, offset } = textAt(paragraph, outerStart, outerEnd);
    const el = piece.el;
    const before = piece.text;
    const local = (x: number) => x - offset;
    const inner = before.slice(local(innerStart), local(innerEnd));
    // The formatting runs of the inner span, read before anything changes.
    const runs = inner === '' || prefixes.length === 0 ? [] : spanRuns(el, local(innerStart), local(innerEnd));
    if (runs.length === 0) {
      el.deleteText(local(outerStart), local(outerEnd) - 1);
      edited(paragraph, piece, before.slice(0, local(outerStart)) + before.slice(local(outerEnd)));
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
    edited(paragraph, piece, before.slice(0, local(outerStart)) + copies.join('') + before.slice(local(outerEnd)));
  };

  const port: DocsPort = {
    sections() {
      if (!sections) {
        const out: { kind: SectionKind; container: ContainerNode }[] = [{ kind: 'body', container: sectionNode(asContainer(doc.getBody())) }];
        // getHeader()/getFooter() return null when the doc has none (DTS types them non-null).
        const header = doc.getHeader() as GoogleAppsScript.Document.HeaderSection | null;
        if (header) out.push({ kind: 'header', container: sectionNode(asContainer(header)) });
        const footer = doc.getFooter() as GoogleAppsScript.Document.FooterSection | null;
        if (footer) out.push({ kind: 'footer', container: sectionNode(asContainer(footer)) });
        sections = out;
      }
      return sections;
    },
    blocks(container): PortBlock<ParagraphNode, TableNode>[] {
      const out: PortBlock<ParagraphNode, TableNode>[] = [];
      for (const child of children(container)) {
        if (child.kind === 'paragraph') out.push({ kind: 'paragraph', paragraph: child });
        else if (child.kind === 'table') out.push({ kind: 'table', table: child });
      }
      return out;
    },
    paragraphText(p) {
      return p.text;
    },
    rows(table) {
      if (!table.rows) {
        const n = tableEl(table).getNumRows();
        table.rows = Array.from({ length: n }, (): RowNode => ({ table, el: null, cells: null }));
      }
      return table.rows;
    },
    cells(row) {
      if (!row.cells) {
        const n = rowEl(row).getNumCells();
        row.cells = Array.from({ length: n }, (): ContainerNode => ({ el: null, row, children: null }));
      }
      return row.cells;
    },

    copyBlocks(container, first, last) {
      beforeWrite();
      const list = children(container);
      const idx = blockIndexes(list);
      const from = idx[first];
      const to = idx[last];
      // Copy everything first (detached deep copies), then insert them in order right after the span.
      const originals = list.slice(from, to + 1);
      const copies = originals.map((node) => childEl(node).copy());
      copies.forEach((copy, k) => insertCopy(container, list, to + 1 + k, originals[k], copy));
    },
    removeBlocks(container, first, last) {
      beforeWrite();
      const list = children(container);
      const idx = blockIndexes(list);
      const from = idx[first];
      const to = idx[last];
      const n = list.length;
      for (let i = to; i >= from; i--) {
        const node = list[i];
        if (i === n - 1 && node.kind === 'paragraph') {
          // Google cannot remove the last paragraph of a section or cell: empty it instead (non-text elements stay).
          const p = paragraphEl(node);
          const len = p.getText().length;
          if (len > 0) p.editAsText().deleteText(0, len - 1);
          node.text = node.text.split('').filter((ch) => ch === OBJECT_CHAR).join('');
          node.pieces = null;
          continue;
        }
        childEl(node).removeFromParent();
        list.splice(i, 1);
      }
    },
    copyRows(table, first, last) {
      beforeWrite();
      const rows = port.rows(table);
      const originals = rows.slice(first, last + 1);
      const copies = originals.map((r) => rowEl(r).copy());
      const el = tableEl(table);
      copies.forEach((copy, k) => {
        const node = cloneRow(originals[k], table);
        node.el = el.insertTableRow(last + 1 + k, copy);
        rows.splice(last + 1 + k, 0, node);
      });
    },
    removeRows(table, first, last) {
      beforeWrite();
      const rows = port.rows(table);
      if (first === 0 && last === rows.length - 1) {
        // Every row goes: the table goes. Google keeps a paragraph after any table, so the container stays valid.
        tableEl(table).removeFromParent();
        const siblings = table.parent.children as ChildNode[];
        siblings.splice(siblings.indexOf(table), 1);
        return;
      }
      const el = tableEl(table);
      for (let i = last; i >= first; i--) {
        el.removeRow(i);
        rows.splice(i, 1);
      }
    },
    prefixTags(target: PrefixTarget<ContainerNode, TableNode>, prefix) {
      beforeWrite();
      // ONE replaceText per element, whatever the number of tags in it. The prefix holds only letters,
      // digits and _ - . : so it is literal in an RE2 replacement.
      const replacement = '{{' + prefix;
      if (target.kind === 'blocks') {
        const list = children(target.container);
        const idx = blockIndexes(list);
        for (let i = idx[target.first]; i <= idx[target.last]; i++) {
          replaceIn(childEl(list[i]), replacement);
          prefixed(list[i], prefix);
        }
      } else {
        const rows = port.rows(target.table);
        for (let i = target.first; i <= target.last; i++) {
          rowEl(rows[i]).replaceText('\\{\\{', replacement);
          prefixed(rows[i], prefix);
        }
      }
    },
    deleteText(paragraph, start, end) {
      beforeWrite();
      if (end <= start) return;
      const { piece, offset } = textAt(paragraph, start, end);
      piece.el.deleteText(start - offset, end - offset - 1);
      edited(paragraph, piece, piece.text.slice(0, start - offset) + piece.text.slice(end - offset));
    },
    repeatSpans(paragraph, spans) {
      // Last first: expanding a span moves only the text after it, so the others' offsets still hold.
      for (const s of spans.slice().reverse()) repeatSpan(paragraph, s.outerStart, s.outerEnd, s.innerStart, s.innerEnd, s.prefixes);
    },

    replaceAll(pairs) {
      beforeWrite();
      pending = pending.concat(pairs);
    },
    flush() {
      beforeWrite();
      // Header and footer first, through DocumentApp: replaceAllText may not reach them (switch f).
      replaceHeaderFooterValues(doc, pending);
      // Every section's text, to pick sentinel characters absent from the document.
      const text = pending.length > 0 ? port.sections().map((s) => containerEl(s.container).getText()).join('\n') : '';
      doc.saveAndClose(); // design.md: save before the Docs API reads the document
      closed = true;
      const trailing = opts.trailingRequests ?? [];
      if (pending.length === 0 && trailing.length === 0) return 0;
      const plan = pending.length > 0 ? sequentialReplacements(pending, text) : [];
      const requests: GoogleAppsScript.Docs.Schema.Request[] = plan.map((r) => ({
        replaceAllText: { containsText: { text: r.find, matchCase: true }, replaceText: toDocText(r.replace) },
      }));
      // A batch is atomic, so one refused for a rate limit changed nothing and may be sent again.
      const res = withBackoff(() => docsService().Documents.batchUpdate({ requests: requests.concat(trailing) }, docId));
      // Undocumented behaviours checked, not assumed (replace-checks.ts): sentinels kept, line breaks kept.
      const finals = finalCounts(pending, plan, replyCounts(res.replies?.slice(0, plan.length)));
      const multiLine = multiLinePairs(pending, finals);
      if (multiLine.length > 0) checkLineBreaks(withBackoff(() => docsService().Documents.get(docId)), multiLine);
      replaced = pending.find((p, i) => finals[i] > 0 && !pending.some((q) => q.replace.includes(p.find)))?.find ?? null;
      pending = [];
      return requests.length + trailing.length;
    },
    replacedTag: () => replaced,
  };

  function replaceIn(el: GoogleAppsScript.Document.Element, replacement: string): void {
    (el as unknown as { replaceText(p: string, r: string): GoogleAppsScript.Document.Element }).replaceText('\\{\\{', replacement);
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
