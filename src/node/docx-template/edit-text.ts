/**
 * Editing a paragraph's text where it lies, in its w:t elements: the runs keep their formatting and
 * everything around them (spell-check marks, bookmarks, fields) stays. What the merge edits this way is
 * only ever tag text, which the port contract keeps free of non-text elements.
 */
import type { Element } from '@xmldom/xmldom';
import { createText, createW, elementChildren, isProperties, isW, removeNode, setText, docOf } from './ooxml';
import { pieceAt, pieceIndexAt, readParagraph, type ParagraphText, type Piece } from './paragraph-text';

/** Inline wrappers dropped once they hold no run (an empty w:ins or w:hyperlink means nothing). */
const DROP_WHEN_EMPTY = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag']);

/** One replacement in a paragraph's text. */
export interface TextEdit {
  start: number;
  end: number;
  value: string;
}

/**
 * Replaces the text start..end by `value`, which takes the formatting of the character at `start` (a tag
 * split over runs of different formatting becomes its first character's). A '\n' in `value` becomes a
 * line break, a '\t' a tab, in the same run.
 */
export function replaceText(p: Element, start: number, end: number, value: string, pt: ParagraphText = readParagraph(p)): void {
  replaceTexts([{ start, end, value }], pt);
}

/**
 * Several replacements as replaceText makes them (in text order, not overlapping), from one reading of
 * the paragraph: each w:t they touch is written once, with all its edits.
 */
export function replaceTexts(edits: readonly TextEdit[], pt: ParagraphText): void {
  const texts = new Map<Piece, string>();
  // Last edit first: an edit never moves the offsets before it, so earlier edits slice the same places.
  for (let k = edits.length - 1; k >= 0; k--) {
    const { start, end, value } = edits[k];
    const covered = piecesOver(pt, start, end);
    const first = covered[0];
    if (!first) throw new Error(`No text at ${start}..${end} in the paragraph`);
    const bad = covered.find((x) => !x.isText);
    if (bad) throw new Error(`Text ${start}..${end} crosses a non-text element (${bad.node.localName})`);
    const current = (piece: Piece) => texts.get(piece) ?? piece.text;
    const tail = covered.length === 1 ? current(first).slice(end - first.start) : '';
    texts.set(first, current(first).slice(0, start - first.start) + value + tail);
    for (const piece of covered.slice(1)) texts.set(piece, current(piece).slice(Math.max(0, end - piece.start)));
  }
  for (const [piece, text] of texts) writeRunText(piece.node, text);
}

/** The pieces holding some of the text start..end (none when the range is empty). */
function piecesOver(pt: ParagraphText, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  const i = end > start ? pieceIndexAt(pt, start) : -1;
  if (i < 0) return out;
  for (let k = i; k < pt.pieces.length && pt.pieces[k].start < end; k++) out.push(pt.pieces[k]);
  return out;
}

/** Inserts `text` at each offset, formatted like the character before it (each offset is > 0). */
export function insertAtOffsets(p: Element, offsets: readonly number[], text: string, pt: ParagraphText = readParagraph(p)): void {
  // Last offset first, so the pieces read before stay true for the earlier offsets.
  const pieces = new Map<Piece, string>();
  for (const offset of [...offsets].sort((a, b) => b - a)) {
    const piece = pieceAt(pt, offset - 1);
    if (!piece || !piece.isText) throw new Error(`No text before offset ${offset} in the paragraph`);
    const current = pieces.get(piece) ?? piece.text;
    const at = offset - piece.start;
    pieces.set(piece, current.slice(0, at) + text + current.slice(at));
  }
  for (const [piece, newText] of pieces) writeRunText(piece.node, newText);
}

/**
 * Sets a w:t's text; '\n' and '\t' become w:br and w:tab beside it in the same run. An emptied w:t is
 * removed, and so is a run (and inline wrapper) left with nothing in it.
 */
export function writeRunText(t: Element, text: string): void {
  if (text === '') {
    removeEmptied(t);
    return;
  }
  if (!/[\n\t]/.test(text)) {
    setText(t, text);
    return;
  }
  const doc = docOf(t);
  for (const part of text.split(/([\n\t])/)) {
    if (part === '') continue;
    const node = part === '\n' ? createW(doc, t, 'br') : part === '\t' ? createW(doc, t, 'tab') : createText(doc, t, part);
    t.parentNode!.insertBefore(node, t);
  }
  removeNode(t);
}

function removeEmptied(t: Element): void {
  let node: Element | null = t.parentNode as Element | null;
  removeNode(t);
  // Climb while the container holds nothing but its properties.
  while (node && (isW(node, 'r') || DROP_WHEN_EMPTY.has(node.localName ?? ''))) {
    if (elementChildren(node).some((c) => !isProperties(c))) return;
    const parent = node.parentNode as Element | null;
    removeNode(node);
    node = parent;
  }
}
