/**
 * Sections inside one paragraph, expanded in the XML: each span open tag..close tag becomes one copy of
 * what stands between the tags per list item. The copies are whole elements (runs with their formatting,
 * fields, images, breaks), each scoped to its item by a prefix after every `{{`.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { prefixOffsets } from '../../core/template/tags';
import { copyOf, type DrawingIds } from './copies';
import { childrenBetween, cutAt, insertBeforeOrAppend, removeAll } from './edit-range';
import { insertAtOffsets } from './edit-text';
import { cloneTree, isW } from './ooxml';
import type { ParagraphText } from './paragraph-text';

export interface Span {
  outerStart: number;
  outerEnd: number;
  innerStart: number;
  innerEnd: number;
  /** One per copy; '' scopes nothing. No prefixes removes the span. */
  prefixes: string[];
}

/** Where a span's four offsets fall between children of the paragraph (null: the end). */
interface Cuts {
  outerFrom: Node | null;
  innerFrom: Node | null;
  innerTo: Node | null;
  outerTo: Node | null;
}

/**
 * Expands `spans` (in text order, not overlapping) in `p`, whose text `pt` was read before any of them
 * changed it (it no longer describes `p` after).
 */
export function repeatSpans(p: Element, spans: readonly Span[], pt: ParagraphText, ids: DrawingIds): void {
  // Every cut first, at ascending offsets: a cut never moves one made at an earlier offset, so the
  // paragraph is read once, whatever the number of spans.
  const cuts: Cuts[] = spans.map((s) => ({
    outerFrom: cutAt(p, s.outerStart, pt),
    innerFrom: cutAt(p, s.innerStart, pt),
    innerTo: cutAt(p, s.innerEnd, pt),
    outerTo: cutAt(p, s.outerEnd, pt),
  }));
  // Last span first: expanding one never moves what stands before it.
  for (let k = spans.length - 1; k >= 0; k--) {
    const { outerFrom, outerTo } = cuts[k];
    const copies = copiesOf(p, spans[k], cuts[k], pt, ids);
    removeAll(childrenBetween(p, outerFrom, outerTo));
    insertBeforeOrAppend(p, copies, outerTo);
    // The span before may end where this one started, at a child just removed: it ends at the copies now.
    const previous = cuts[k - 1];
    if (previous && previous.outerTo === outerFrom) previous.outerTo = copies[0] ?? outerTo;
  }
}

/** One copy of the span's content per prefix, each scoped; bookmarks stay with the original place. */
function copiesOf(p: Element, span: Span, cuts: Cuts, pt: ParagraphText, ids: DrawingIds): Node[] {
  const offsets = prefixOffsets(pt.text.slice(span.innerStart, span.innerEnd));
  const inner = childrenBetween(p, cuts.innerFrom, cuts.innerTo).filter((n) => !isW(n, 'bookmarkStart') && !isW(n, 'bookmarkEnd'));
  return span.prefixes.flatMap((prefix) => {
    const copy = inner.map((n) => copyOf(n, ids));
    return prefix && offsets.length > 0 ? prefixed(p, copy, offsets, prefix) : copy;
  });
}

/**
 * One copy's tags scoped before it goes in: in an empty paragraph like `p` holding only the copy, so a
 * paragraph of many copies is not read again per copy.
 */
function prefixed(p: Element, copy: Node[], offsets: readonly number[], prefix: string): Node[] {
  const holder = cloneTree(p, true);
  for (const n of copy) holder.appendChild(n);
  insertAtOffsets(holder, offsets, prefix);
  const out: Node[] = [];
  for (let n = holder.firstChild; n; n = holder.firstChild) out.push(holder.removeChild(n));
  return out;
}
