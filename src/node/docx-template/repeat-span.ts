/**
 * A section inside one paragraph, expanded in the XML: the span open tag..close tag becomes one copy of
 * what stands between the tags per list item. The copies are whole elements (runs with their formatting,
 * fields, images, breaks), each scoped to its item by a prefix after every `{{`.
 */
import type { Element } from '@xmldom/xmldom';
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
  const innerText = readParagraph(p).text.slice(innerStart, innerEnd);
  // Ascending offsets: cutting at one offset never moves the cut made at an earlier one.
  const [outerFrom, innerFrom, innerTo, outerTo] = [outerStart, innerStart, innerEnd, outerEnd].map((o) => cutAt(p, o));
  const inner = childrenBetween(p, innerFrom, innerTo).filter((n) => !isW(n, 'bookmarkStart') && !isW(n, 'bookmarkEnd'));
  const copies = prefixes.flatMap(() => inner.map((n) => copyOf(n, ids)));
  removeAll(childrenBetween(p, outerFrom, outerTo));
  insertBeforeOrAppend(p, copies, outerTo);
  const offsets = prefixOffsets(innerText);
  if (offsets.length === 0) return;
  // Last copy first, so the offsets of the earlier copies stay true.
  for (let k = prefixes.length - 1; k >= 0; k--) {
    const at = outerStart + k * innerText.length;
    if (prefixes[k]) insertAtOffsets(p, offsets.map((o) => at + o), prefixes[k]);
  }
}
