/**
 * A Word paragraph's text as the document port speaks it: the concatenation of its w:t across runs,
 * whatever Word did to split them (formatting, spell-check marks, tracked insertions, hyperlinks,
 * content controls), with a map from each text offset back to the element holding it.
 *
 * What counts (the port contract): w:t is text; w:tab is '\t'; a line break (w:br, w:cr) is '\n'; Word's
 * hyphen elements are their characters; a field (complex or simple), an image, a symbol, a page break, a
 * formula or any other element is ONE OBJECT_CHAR, so it can never be part of a tag. Deleted text (w:del,
 * w:moveFrom), field instructions and a field's shown result count for nothing.
 */
import type { Element } from '@xmldom/xmldom';
import { OBJECT_CHAR } from '../../core/template/port';
import { elementChildren, isW, wAttr } from './ooxml';

/** One element that contributes text: a w:t, or an element standing for one character. */
export interface Piece {
  /** True for a w:t, whose text can be edited; false for an element counted as one character. */
  isText: boolean;
  node: Element;
  text: string;
  /** Offset of the piece's first character in the paragraph text. */
  start: number;
}

export interface ParagraphText {
  text: string;
  pieces: Piece[];
}

/** Inline wrappers whose runs are part of the paragraph's text. */
const WRAPPERS = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'dir', 'bdo', 'sdtContent']);
/** Inline wrappers whose content is not in the text (deleted), or is a field's shown result. */
const HIDDEN = new Set(['del', 'moveFrom']);
/** Run children that take no place in the text. */
const ZERO_WIDTH = new Set(['rPr', 'instrText', 'delText', 'delInstrText', 'lastRenderedPageBreak', 'commentReference', 'annotationRef']);
const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

export function readParagraph(p: Element): ParagraphText {
  const pieces: Piece[] = [];
  let text = '';
  let fieldDepth = 0;

  const add = (node: Element, s: string, isText: boolean) => {
    if (s === '') return;
    pieces.push({ isText, node, text: s, start: text.length });
    text += s;
  };

  const visitRun = (r: Element) => {
    for (const child of elementChildren(r)) {
      if (isW(child, 'fldChar')) {
        const type = wAttr(child, 'fldCharType');
        if (type === 'begin') {
          // The whole field, instruction and shown result, is one object.
          if (fieldDepth === 0) add(child, OBJECT_CHAR, false);
          fieldDepth++;
        } else if (type === 'end') fieldDepth = Math.max(0, fieldDepth - 1);
        continue;
      }
      if (fieldDepth > 0) continue;
      if (!isW(child, child.localName ?? '')) {
        add(child, OBJECT_CHAR, false); // mc:AlternateContent and other drawings
        continue;
      }
      const name = child.localName ?? '';
      if (ZERO_WIDTH.has(name)) continue;
      if (name === 't') add(child, child.textContent ?? '', true);
      else add(child, runChildChar(child), false);
    }
  };

  const visitInline = (parent: Element) => {
    for (const child of elementChildren(parent)) {
      if (isW(child, 'r')) visitRun(child);
      else if (isW(child, 'sdt')) visitInline(child);
      else if (isW(child, 'fldSimple')) {
        if (fieldDepth === 0) add(child, OBJECT_CHAR, false);
      } else if (child.namespaceURI === MATH_NS) {
        if (fieldDepth === 0) add(child, OBJECT_CHAR, false);
      } else if (WRAPPERS.has(child.localName ?? '') && !HIDDEN.has(child.localName ?? '')) visitInline(child);
      // Anything else (w:pPr, w:proofErr, bookmarks, comment ranges, w:del) takes no place in the text.
    }
  };

  visitInline(p);
  return { text, pieces };
}

/** The character a non-w:t run child stands for. */
function runChildChar(child: Element): string {
  switch (child.localName) {
    case 'tab':
      return '\t';
    case 'cr':
      return '\n';
    case 'br': {
      const type = wAttr(child, 'type');
      return type === 'page' || type === 'column' ? OBJECT_CHAR : '\n';
    }
    case 'noBreakHyphen':
      return '\u2011';
    case 'softHyphen':
      return '\u00AD';
    default:
      return OBJECT_CHAR; // w:drawing, w:pict, w:object, w:sym, note references, w:pgNum, w:ptab ...
  }
}

/** The piece holding the character at `offset`, or undefined past the end. */
export function pieceAt(pt: ParagraphText, offset: number): Piece | undefined {
  const i = pieceIndexAt(pt, offset);
  return i < 0 ? undefined : pt.pieces[i];
}

/** The index of the piece holding the character at `offset`, or -1 past the end. */
export function pieceIndexAt(pt: ParagraphText, offset: number): number {
  // Binary search: pieces are in order and contiguous.
  let lo = 0;
  let hi = pt.pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const piece = pt.pieces[mid];
    if (offset < piece.start) hi = mid - 1;
    else if (offset >= piece.start + piece.text.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}
