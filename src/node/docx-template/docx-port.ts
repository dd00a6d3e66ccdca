/**
 * The DocumentPort over a .docx package's XML, so the one merge algorithm merges Word templates.
 * Handles are the DOM elements themselves: a container is w:body, w:hdr, w:ftr or a cell's w:tc; a
 * paragraph w:p; a table w:tbl; a row w:tr. DOM elements stay valid through edits elsewhere.
 *
 * Blocks inside block-level content controls (w:sdt) and custom XML are listed as the container's own,
 * in order. Everything the merge does not touch stays as Word wrote it.
 */
import type { Element } from '@xmldom/xmldom';
import type { DocumentPort, PortBlock, PrefixTarget, SectionKind } from '../../core/template/port';
import { prefixOffsets } from '../../core/template/tags';
import { copyOf, DrawingIds } from './copies';
import { insertAtOffsets, replaceText, replaceTexts } from './edit-text';
import { repeatSpans } from './repeat-span';
import { cloneTree, createW, elementChildren, insertAfter, isW, removeNode, wChild, docOf } from './ooxml';
import type { DocxPackage } from './package';
import { readParagraph, type ParagraphText } from './paragraph-text';
import { literalFinder } from './literal-hits';

export type DocxPort = DocumentPort<Element, Element, Element, Element>;

/** Wrappers whose children count as the wrapper's parent's own (blocks, rows or cells). */
function unwrapped(parent: Element, wanted: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const child of elementChildren(parent)) {
    if (wanted(child)) out.push(child);
    else if (isW(child, 'sdt')) {
      const content = wChild(child, 'sdtContent');
      if (content) out.push(...unwrapped(content, wanted));
    } else if (isW(child, 'customXml')) out.push(...unwrapped(child, wanted));
  }
  return out;
}

const isBlock = (el: Element) => isW(el, 'p') || isW(el, 'tbl');
export const blockElements = (container: Element) => unwrapped(container, isBlock);
const rowElements = (table: Element) => unwrapped(table, (el) => isW(el, 'tr'));
const cellElements = (row: Element) => unwrapped(row, (el) => isW(el, 'tc'));

export function createDocxPort(pkg: DocxPackage): DocxPort {
  // Reads are many (the merge reads the whole document again each round) and most paragraphs are not
  // written between two reads: a paragraph's text is kept until a write edits that paragraph. Copies are
  // new elements, so they are never found here before they are read.
  const cache = new WeakMap<Element, ParagraphText>();
  const textOf = (p: Element): ParagraphText => {
    let pt = cache.get(p);
    if (!pt) cache.set(p, (pt = readParagraph(p)));
    return pt;
  };
  /** The text of `p` for a write about to edit it, forgotten since it will not hold after. */
  const textToEdit = (p: Element): ParagraphText => {
    const pt = textOf(p);
    cache.delete(p);
    return pt;
  };
  const ids = new DrawingIds();

  const sections = (): { kind: SectionKind; container: Element }[] => [
    { kind: 'body', container: pkg.body },
    ...pkg.headersFooters.map((part) => ({ kind: part.kind, container: part.doc.documentElement! })),
  ];

  const paragraphsOfBlock = (block: Element): Element[] =>
    isW(block, 'p') ? [block] : rowElements(block).flatMap(paragraphsOfRow);
  const paragraphsOfRow = (row: Element): Element[] =>
    cellElements(row).flatMap((cell) => blockElements(cell).flatMap(paragraphsOfBlock));

  const paragraphsOfTarget = (target: PrefixTarget<Element, Element>): Element[] =>
    target.kind === 'blocks'
      ? blockElements(target.container).slice(target.first, target.last + 1).flatMap(paragraphsOfBlock)
      : rowElements(target.table).slice(target.first, target.last + 1).flatMap(paragraphsOfRow);

  return {
    sections,
    blocks(container): PortBlock<Element, Element>[] {
      return blockElements(container).map((el) => (isW(el, 'p') ? { kind: 'paragraph', paragraph: el } : { kind: 'table', table: el }));
    },
    paragraphText: (p) => textOf(p).text,
    rows: rowElements,
    cells: cellElements,

    copyBlocks(container, first, last) {
      const blocks = blockElements(container).slice(first, last + 1);
      let at = blocks[blocks.length - 1];
      for (const block of blocks) {
        const copy = copyOf(block, ids);
        insertAfter(copy, at);
        at = copy;
      }
    },
    removeBlocks(container, first, last) {
      const all = blockElements(container);
      const removed = all.slice(first, last + 1);
      keepSectionBreak(all[first - 1], removed);
      for (const block of removed) removeNode(block);
      keepValid(container, removed);
    },
    copyRows(table, first, last) {
      const rows = rowElements(table).slice(first, last + 1);
      let at = rows[rows.length - 1];
      for (const row of rows) {
        const copy = copyOf(row, ids);
        insertAfter(copy, at);
        at = copy;
      }
    },
    removeRows(table, first, last) {
      for (const row of rowElements(table).slice(first, last + 1)) removeNode(row);
      if (rowElements(table).length > 0) return;
      const container = containerOf(table);
      removeNode(table);
      if (container) keepValid(container, []);
    },
    prefixTags(target, prefix) {
      for (const p of paragraphsOfTarget(target)) {
        const pt = textOf(p);
        const offsets = prefixOffsets(pt.text);
        if (offsets.length === 0) continue;
        cache.delete(p);
        insertAtOffsets(p, offsets, prefix, pt);
      }
    },
    deleteText(paragraph, start, end) {
      replaceText(paragraph, start, end, '', textToEdit(paragraph));
    },
    repeatSpans(paragraph, spans) {
      repeatSpans(paragraph, spans, textToEdit(paragraph), ids);
    },
    replaceAll(pairs) {
      const hitsIn = literalFinder(new Map(pairs.map((p) => [p.find, p.replace])));
      for (const { container } of sections()) {
        for (const p of blockElements(container).flatMap(paragraphsOfBlock)) {
          const pt = textOf(p);
          const hits = hitsIn(pt.text);
          if (hits.length === 0) continue;
          cache.delete(p);
          replaceTexts(hits.map((h) => ({ start: h.start, end: h.end, value: h.replace })), pt);
        }
      }
    },
  };
}

/** The body, header, footer or cell holding an element. */
function containerOf(el: Element): Element | null {
  for (let n = el.parentNode as Element | null; n; n = n.parentNode as Element | null) {
    if (isW(n, 'body') || isW(n, 'hdr') || isW(n, 'ftr') || isW(n, 'tc')) return n;
  }
  return null;
}

/**
 * Word requires a container to end with a paragraph (a cell always; the body and the header before Word
 * repairs them), and the port contract asks it of every container: add an empty one, styled like the
 * last paragraph removed.
 */
function keepValid(container: Element, removed: Element[]): void {
  const blocks = blockElements(container);
  const tail = blocks[blocks.length - 1];
  if (tail && isW(tail, 'p')) return;
  const doc = docOf(container);
  const p = createW(doc, container, 'p');
  const style = [...removed].reverse().find((b) => isW(b, 'p'));
  const pPr = style && wChild(style, 'pPr');
  if (pPr) {
    const copy = cloneTree(pPr);
    for (const s of elementChildren(copy)) if (isW(s, 'sectPr')) removeNode(s);
    p.appendChild(copy);
  }
  if (tail) insertAfter(p, tail);
  else container.insertBefore(p, wChild(container, 'sectPr') ?? null);
}

/**
 * A removed paragraph may end a Word section (its w:pPr holds the w:sectPr: page size, margins, headers).
 * What stays before it keeps its section: the section break moves to the paragraph just before the
 * removed blocks. Sections wholly inside the removed blocks go with them, as when Word deletes them.
 */
function keepSectionBreak(before: Element | undefined, removed: Element[]): void {
  const breaks = removed.filter((b) => isW(b, 'p')).flatMap((p) => {
    const pPr = wChild(p, 'pPr');
    const s = pPr && wChild(pPr, 'sectPr');
    return s ? [s] : [];
  });
  if (breaks.length === 0 || !before || !isW(before, 'p')) return;
  let pPr = wChild(before, 'pPr');
  if (pPr && wChild(pPr, 'sectPr')) return; // the paragraph before already ends its own section
  if (!pPr) {
    pPr = createW(docOf(before), before, 'pPr');
    before.insertBefore(pPr, before.firstChild);
  }
  // w:sectPr goes after w:rPr and before a tracked change of the properties (w:pPrChange).
  pPr.insertBefore(breaks[0], wChild(pPr, 'pPrChange') ?? null);
}
