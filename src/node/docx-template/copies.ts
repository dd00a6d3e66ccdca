/**
 * Deep copies of template elements for list items, made safe to stand beside their original: Word wants
 * drawing ids (wp:docPr) unique in a document part, and a bookmark's name once; a copy gets fresh ids and
 * drops its bookmarks (a bookmark marks one place; its copies would mark none).
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { cloneTree, descendants, isElement, isW, removeNode, docOf } from './ooxml';

const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';

/** Hands out drawing ids above every id already in a part. */
export class DrawingIds {
  private next = new Map<Document, number>();

  take(doc: Document): number {
    let next = this.next.get(doc);
    if (next === undefined) {
      next = 1;
      descendants(doc.documentElement!, (el) => {
        if (isDocPr(el)) next = Math.max(next!, Number(el.getAttribute('id')) + 1 || 0);
      });
    }
    this.next.set(doc, next + 1);
    return next;
  }
}

function isDocPr(el: Element): boolean {
  return el.localName === 'docPr' && el.namespaceURI === DRAWING_NS;
}

/** A deep copy of `node` with fresh drawing ids and no bookmarks. */
export function copyOf<N extends Node>(node: N, ids: DrawingIds): N {
  const copy = cloneTree(node);
  if (!isElement(copy)) return copy;
  const doc = docOf(copy);
  const drop: Element[] = [];
  const visit = (el: Element) => {
    if (isW(el, 'bookmarkStart') || isW(el, 'bookmarkEnd')) drop.push(el);
    else if (isDocPr(el)) el.setAttribute('id', String(ids.take(doc)));
  };
  visit(copy);
  descendants(copy, visit);
  for (const el of drop) if (el !== copy) removeNode(el);
  return copy;
}
