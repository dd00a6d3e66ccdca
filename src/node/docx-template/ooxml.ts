/**
 * Small helpers over WordprocessingML elements in an @xmldom/xmldom tree. Elements are matched by
 * namespace and local name, not by prefix: Word writes `w:`, but the prefix is the author's choice.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';

/** WordprocessingML, transitional (what Word and LibreOffice write) and strict. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_NS_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

/** True when `node` is the WordprocessingML element `w:<name>`. */
export function isW(node: Node | null | undefined, name: string): boolean {
  return isElement(node) && node.localName === name && (node.namespaceURI === W_NS || node.namespaceURI === W_NS_STRICT);
}

export function elementChildren(parent: Node): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

/** The document an element belongs to (an element made by a document always has one). */
export function docOf(node: Node): Document {
  return node.ownerDocument!;
}

export function wChild(parent: Node, name: string): Element | undefined {
  return elementChildren(parent).find((e) => isW(e, name));
}

/** The w:val (or another w: attribute) of an element. */
export function wAttr(el: Element, name: string): string | null {
  return el.getAttributeNS(el.namespaceURI, name) ?? el.getAttribute(`w:${name}`);
}

/** A property child (w:pPr, w:rPr, w:tblPr, w:sdtPr, w:sdtEndPr ...): copied along with its element. */
export function isProperties(node: Node): boolean {
  return isElement(node) && (node.localName?.endsWith('Pr') ?? false);
}

/** A new `w:<name>` element with the prefix the document uses for WordprocessingML. */
export function createW(doc: Document, like: Element, name: string): Element {
  const prefix = like.prefix ? `${like.prefix}:` : '';
  return doc.createElementNS(like.namespaceURI, `${prefix}${name}`);
}

/** A `w:t` holding `text`, marked to keep its spaces (Word drops leading/trailing spaces otherwise). */
export function createText(doc: Document, like: Element, text: string): Element {
  const t = createW(doc, like, 't');
  setText(t, text);
  return t;
}

export function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild(docOf(t).createTextNode(text));
  // Most w:t already keep their spaces; setting an attribute costs a name check in xmldom.
  if (t.getAttributeNS(XML_NS, 'space') !== 'preserve') t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
}

export function insertAfter(node: Node, after: Node): void {
  const parent = after.parentNode!;
  parent.insertBefore(node, after.nextSibling);
}

export function removeNode(node: Node): void {
  node.parentNode?.removeChild(node);
}

/**
 * A copy of `node`, with its subtree unless `shallow`, as `cloneNode` makes it. xmldom's cloneNode copies
 * each node by enumerating every property along its prototype chain, which made copying list items and
 * cutting runs the largest cost of merging a Word template; elements and text are made here through the
 * document's own factories instead (about five times faster), anything rarer by cloneNode.
 */
export function cloneTree<N extends Node>(node: N, shallow = false): N {
  const doc = docOf(node);
  const copy = (n: Node, deep: boolean): Node => {
    if (n.nodeType === TEXT_NODE) return doc.createTextNode(n.nodeValue ?? '');
    if (!isElement(n)) return n.cloneNode(true);
    const out = doc.createElementNS(n.namespaceURI, n.nodeName);
    const attrs = n.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs.item(i)!;
      out.setAttributeNS(a.namespaceURI, a.name, a.value);
    }
    if (deep) for (let c = n.firstChild; c; c = c.nextSibling) out.appendChild(copy(c, true));
    return out;
  };
  return copy(node, !shallow) as N;
}

/** Every descendant element in document order (the element itself excluded). */
export function descendants(root: Node, visit: (el: Element) => void): void {
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (!isElement(n)) continue;
    visit(n);
    descendants(n, visit);
  }
}
