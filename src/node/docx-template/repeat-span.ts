/**
 * A section inside one paragraph, expanded in the XML: the span open tag..close tag becomes one copy of
 * what stands between the tags per list item. The copies are whole elements (runs with their formatting,
 * fields, images, breaks), each scoped to its item by a prefix after every `{{`.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { prefixOffsets } from '../../core/template/tags';
import { copyOf, type DrawingIds } from './copies';
import { childrenBetween, cutAt, insertBeforeOrAppend, removeAll } from './edit-range';
import { insertAtOffsets } from './edit-text';
import { isW } from './ooxml';
import { readParagraph } from './paragraph-text';

export interface Span {
  outerStart: number;
  outerEnd: number;
  innerStart: number;
  innerEnd: number;
  /** One per copy; '' scopes nothing. No prefixes removes the span. */
  prefixes: string[];
}

export function repeatSpan(p: Element, span: Span, ids: DrawingIds): void {
  const { outerStart, outerEnd, innerStart, innerEnd, prefixes } = span;
  const offsets = prefixOffsets(readParagraph(p).text.slice(innerStart, innerEnd));
  // Ascending offsets: cutting at one offset never moves the cut made at an earlier one.
  const [outerFrom, innerFrom, innerTo, outerTo] = [outerStart, innerStart, innerEnd, outerEnd].map((o) => cutAt(p, o));
  const inner = childrenBetween(p, innerFrom, innerTo).filter((n) => !isW(n, 'bookmarkStart') && !isW(n, 'bookmarkEnd'));
  const copies = prefixes.flatMap((prefix) => {
    const copy = inner.map((n) => copyOf(n, ids));
    return prefix && offsets.length > 0 ? prefixed(p, copy, offsets, prefix) : copy;
  });
  removeAll(childrenBetween(p, outerFrom, outerTo));
  insertBeforeOrAppend(p, copies, outerTo);
}

/**
 * One copy's tags scoped before it goes in: in an empty paragraph like `p` holding only the copy, so a
 * paragraph of many copies is not read again per copy.
 */
function prefixed(p: Element, copy: Node[], offsets: readonly number[], prefix: string): Node[] {
  const holder = p.cloneNode(false) as Element;
  for (const n of copy) holder.appendChild(n);
  insertAtOffsets(holder, offsets, prefix);
  const out: Node[] = [];
  for (let n = holder.firstChild; n; n = holder.firstChild) out.push(holder.removeChild(n));
  return out;
}
