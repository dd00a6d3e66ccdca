/**
 * Cutting a paragraph at text offsets so a span of it (which may hold fields, images, breaks and any
 * formatting) can be copied or removed as whole elements: a run, and every inline wrapper around it
 * (w:ins, w:hyperlink, a content control), is split in two at the offset, so the offset falls between
 * two children of the w:p itself.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { cloneTree, createText, docOf, elementChildren, insertAfter, isProperties, removeNode, setText } from './ooxml';
import { pieceIndexAt, readParagraph, type ParagraphText } from './paragraph-text';

/**
 * Makes the paragraph's children break at `offset`; returns the child of `p` that starts there, or
 * null when the offset is the end of the paragraph. A field counts whole: an offset never falls inside.
 * `pt` is kept true for the paragraph (a w:t cut in two becomes two pieces), so a caller cutting at
 * several offsets reads the paragraph once, not once per cut.
 */
export function cutAt(p: Element, offset: number, pt: ParagraphText = readParagraph(p)): Element | null {
  const i = pieceIndexAt(pt, offset);
  if (i < 0) return null;
  const piece = pt.pieces[i];
  let node: Element = piece.node;
  if (piece.start < offset) {
    // Inside a w:t: the text after the offset moves to a new w:t right after it, in the same run.
    const cut = offset - piece.start;
    const head = piece.text.slice(0, cut);
    const tail = piece.text.slice(cut);
    const after = createText(docOf(node), node, tail);
    insertAfter(after, node);
    setText(node, head);
    pt.pieces.splice(i, 1, { ...piece, text: head }, { isText: true, node: after, text: tail, start: offset });
    node = after;
  }
  while (node.parentNode && node.parentNode !== p) node = splitBefore(node.parentNode as Element, node);
  return node;
}

/**
 * Splits `parent` so that `child` starts a copy of it holding `child` and what follows; returns the
 * element now starting at the cut (the copy, or `parent` itself when `child` was its first content).
 */
function splitBefore(parent: Element, child: Element): Element {
  const content = elementChildren(parent).filter((c) => !isProperties(c));
  if (content[0] === child) return parent;
  const copy = cloneTree(parent, true);
  for (const c of elementChildren(parent)) if (isProperties(c)) copy.appendChild(cloneTree(c));
  let n: Node | null = child;
  while (n) {
    const next: Node | null = n.nextSibling;
    copy.appendChild(n);
    n = next;
  }
  insertAfter(copy, parent);
  return copy;
}

/** The children of `p` from `from` (inclusive) up to `to` (exclusive; null is the end). */
export function childrenBetween(p: Element, from: Node | null, to: Node | null): Node[] {
  const out: Node[] = [];
  for (let n: Node | null = from; n && n !== to; n = n.nextSibling) out.push(n);
  return out;
}

export function insertBeforeOrAppend(p: Element, nodes: Node[], before: Node | null): void {
  for (const n of nodes) {
    if (before) p.insertBefore(n, before);
    else p.appendChild(n);
  }
}

export function removeAll(nodes: Node[]): void {
  for (const n of nodes) removeNode(n);
}
