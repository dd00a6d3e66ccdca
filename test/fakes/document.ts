/**
 * In-memory DocumentApp. Behaviour from the Apps Script reference (REF:
 * developers.google.com/apps-script/reference/document/…) and the Apps Script reference;
 * GF marks what gas-fakes' notes measured against live Apps Script.
 *
 * Model: a document has a body, an optional header and footer (sections); sections and table cells hold
 * paragraphs and tables; a paragraph holds exactly one Text whose characters each carry their own
 * attributes (so "runs" are just spans of equal attributes, and matching across runs is natural).
 * The same model is read and edited by the Docs advanced service fake (docs.ts) and copied by
 * Drive.Files.copy (drive.ts).
 *
 * Fake-only strictness: edits through DocumentApp mark the document dirty until saveAndClose(); the Docs
 * API fake refuses a dirty document, because the real one would read a stale version (design.md).
 */
import type { DriveStore } from './drive';
import { Runtime, asGas, nameEnum, signatureError, SCOPE } from './runtime';
import { FakeBlob } from './utilities';

type GDoc = typeof GoogleAppsScript.Document;
type ElementTypeValue = GoogleAppsScript.Document.ElementType;

export const ElementType = nameEnum<GDoc['ElementType']>([
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
]);
export const HorizontalAlignment = nameEnum<GDoc['HorizontalAlignment']>(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
export const VerticalAlignment = nameEnum<GDoc['VerticalAlignment']>(['BOTTOM', 'CENTER', 'TOP']);
export const ParagraphHeading = nameEnum<GDoc['ParagraphHeading']>([
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
]);
/** DocumentApp.Attribute (REF document/attribute): keys of get/setAttributes objects. */
export const Attribute = nameEnum<GDoc['Attribute']>([
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
]);

const TEXT_ATTRIBUTES = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL'];
const PARAGRAPH_ATTRIBUTES = ['HORIZONTAL_ALIGNMENT', 'HEADING', 'INDENT_FIRST_LINE', 'INDENT_START', 'INDENT_END', 'SPACING_BEFORE', 'SPACING_AFTER', 'LINE_SPACING'];

export type CharAttrs = Readonly<Record<string, unknown>>;
const NO_ATTRS: CharAttrs = Object.freeze({});

// ------------------------------------------------------------------------------- patterns (RE2)

/**
 * Compiles an Apps Script search pattern: a string holding an RE2 regular expression (REF body#replaceText).
 * RE2 has no lookaround and no backreferences; a leading (?i) mode modifier is accepted. The error text
 * for an invalid pattern is unconfirmed.
 */
export function compilePattern(rt: Runtime, pattern: string): RegExp {
  if (typeof pattern !== 'string') throw signatureError(rt, 'Text.replaceText', [pattern]);
  let flags = 'g';
  let source = pattern;
  const mode = /^\(\?([ims]+)\)/.exec(source);
  if (mode) {
    source = source.slice(mode[0].length);
    for (const f of mode[1]) if (!flags.includes(f)) flags += f;
  }
  if (/\(\?<?[=!]/.test(source) || /\\[1-9]/.test(source) || /\\k</.test(source)) {
    throw rt.error(`Invalid regular expression pattern ${pattern} (RE2 has no lookaround or backreferences)`);
  }
  try {
    return new RegExp(source, flags);
  } catch {
    throw rt.error(`Invalid regular expression pattern ${pattern}`);
  }
}

// ---------------------------------------------------------------------------------------- model

/**
 * Comparison keys of character attributes, memoised per attributes object (characters of one run
 * share theirs), so reading runs stays fast on long paragraphs. Every attribute, and only the set ones.
 */
const allKeys = new WeakMap<CharAttrs, string>();
const setKeys = new WeakMap<CharAttrs, string>();
function attrsKey(a: CharAttrs): string {
  let k = allKeys.get(a);
  if (k === undefined) allKeys.set(a, (k = JSON.stringify(Object.entries(a).sort())));
  return k;
}
function setAttrsKey(a: CharAttrs): string {
  let k = setKeys.get(a);
  if (k === undefined) setKeys.set(a, (k = JSON.stringify(Object.entries(a).filter(([, v]) => v !== null && v !== undefined).sort())));
  return k;
}

export class DocModel {
  body: FakeBody;
  header: FakeHeaderSection | null = null;
  footer: FakeFooterSection | null = null;
  closed = false;
  /** "Different first page" (Docs API DocumentStyle.useFirstPageHeaderFooter; no DocumentApp setter). */
  useFirstPageHeaderFooter = false;
  /** Edited through DocumentApp since the last saveAndClose (see the note at the top). */
  dirty = false;
  /**
   * Switch k, pessimistic: the Doc as it was before the Docs API first edited it in execution `execution`;
   * DocumentApp.openById in that execution opens this view instead (docs/google-behaviours.md, switch k).
   */
  beforeApiEdits: { execution: number; view: DocModel } | null = null;
  constructor(
    readonly rt: Runtime,
    readonly id: string,
  ) {
    this.body = new FakeBody(rt);
    this.body.model = this;
    this.body.children.push(new FakeParagraph(rt, ''));
    this.body.children[0].parent = this.body;
  }
  /** A deep copy with a new id (Drive.Files.copy of a Google Doc). */
  clone(id: string): DocModel {
    const m = new DocModel(this.rt, id);
    m.useFirstPageHeaderFooter = this.useFirstPageHeaderFooter;
    m.body = this.body.deepCopy() as unknown as FakeBody;
    m.body.model = m;
    if (this.header) {
      m.header = this.header.deepCopy() as unknown as FakeHeaderSection;
      m.header.model = m;
    }
    if (this.footer) {
      m.footer = this.footer.deepCopy() as unknown as FakeFooterSection;
      m.footer.model = m;
    }
    return m;
  }
  sections(): FakeSection[] {
    return [this.body, ...(this.header ? [this.header] : []), ...(this.footer ? [this.footer] : [])];
  }
  /** Test helper: the plain text of the body, header and footer. */
  text(): { body: string; header: string | null; footer: string | null } {
    return { body: this.body.plainText(), header: this.header?.plainText() ?? null, footer: this.footer?.plainText() ?? null };
  }
}

abstract class FakeElement {
  parent: FakeElement | null = null;
  abstract readonly type: string;
  constructor(protected readonly rt: Runtime) {}

  protected hit(method: string): void {
    this.rt.hit(this.serviceName(), method);
  }
  protected serviceName(): string {
    return this.constructor.name.replace(/^Fake/, '');
  }
  /** The document this element belongs to, or null when detached. */
  owningDoc(): DocModel | null {
    const root = this.parent ? this.parent.owningRoot() : this;
    return root instanceof FakeSection ? root.model : null;
  }
  private owningRoot(): FakeElement {
    return this.parent ? this.parent.owningRoot() : this;
  }
  /** Every edit goes through here: a closed document cannot be edited (REF document#saveAndClose). */
  protected touch(): void {
    const m = this.owningDoc();
    if (!m) return;
    if (m.closed) throw this.rt.error('Document is closed, its content cannot be updated.'); // text unconfirmed
    m.dirty = true;
  }
  abstract deepCopy(): FakeElement;
  abstract plainText(): string;
  /** Text elements under this one, in document order. */
  abstract texts(): FakeText[];

  getType(): ElementTypeValue {
    this.hit('getType');
    return this.type as unknown as ElementTypeValue;
  }
  getParent(): GoogleAppsScript.Document.ContainerElement {
    this.hit('getParent');
    return asGas(this.parent);
  }
  getText(): string {
    this.hit('getText');
    return this.plainText();
  }
  private sibling(delta: number): GoogleAppsScript.Document.Element {
    const p = this.parent as FakeElement & { childList?: () => FakeElement[] };
    const list = p?.childList?.() ?? [];
    const i = list.indexOf(this);
    return asGas(i < 0 ? null : (list[i + delta] ?? null));
  }
  private lastAll(): boolean {
    if (!this.parent) return this instanceof FakeBody;
    const list = (this.parent as FakeElement & { childList: () => FakeElement[] }).childList();
    return list[list.length - 1] === this && this.parent.lastAll();
  }
  private cast(type: string, name: string): never | GoogleAppsScript.Document.Element {
    if (this.type !== type) throw this.rt.error(`Cannot cast ${this.type} to ${name}.`); // text unconfirmed
    return asGas(this);
  }
  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return asGas(this.cast('PARAGRAPH', 'Paragraph'));
  }
  asText(): GoogleAppsScript.Document.Text {
    return asGas(this.cast('TEXT', 'Text'));
  }
  asTable(): GoogleAppsScript.Document.Table {
    return asGas(this.cast('TABLE', 'Table'));
  }

  /** Per paragraph, literal replacement ($ and \ are not special), RE2-like pattern (facts §2). */
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.hit('replaceText');
    const re = compilePattern(this.rt, searchPattern);
    const texts = this.texts();
    if (texts.some((t) => (re.lastIndex = 0, re.test(t.text)))) this.touch();
    for (const t of texts) t.replaceMatches(re, () => String(replacement));
    return asGas(this);
  }
  /** The next match after `from` (or the first), in document order, within one paragraph; null if none. */
  findText(searchPattern: string, from?: GoogleAppsScript.Document.RangeElement | null): GoogleAppsScript.Document.RangeElement {
    this.hit('findText');
    const re = compilePattern(this.rt, searchPattern);
    const texts = this.texts();
    const start = from as unknown as FakeRangeElement | null | undefined;
    let i = 0;
    let offset = 0;
    if (start) {
      i = texts.indexOf(start.element);
      if (i < 0) return asGas(null);
      offset = start.end + 1;
    }
    for (; i < texts.length; i++, offset = 0) {
      re.lastIndex = offset;
      let m: RegExpExecArray | null;
      while ((m = re.exec(texts[i].text))) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        return asGas(new FakeRangeElement(this.rt, texts[i], m.index, m.index + m[0].length - 1));
      }
    }
    return asGas(null);
  }
}

/** What findText returns (REF document/range-element): offsets inclusive. */
export class FakeRangeElement implements Pick<GoogleAppsScript.Document.RangeElement, 'getElement' | 'getStartOffset' | 'getEndOffsetInclusive'> {
  constructor(
    private readonly rt: Runtime,
    readonly element: FakeText,
    readonly start: number,
    readonly end: number,
  ) {}
  getElement(): GoogleAppsScript.Document.Element {
    this.rt.hit('RangeElement', 'getElement');
    return asGas(this.element);
  }
  getStartOffset(): number {
    this.rt.hit('RangeElement', 'getStartOffset');
    return this.start;
  }
  getEndOffsetInclusive(): number {
    this.rt.hit('RangeElement', 'getEndOffsetInclusive');
    return this.end;
  }
}

// ------------------------------------------------------------------------------------------ Text

type TextMethods =
  | 'getText'
  | 'setText'
  | 'appendText'
  | 'insertText'
  | 'deleteText'
  | 'setBold'
  | 'isBold'
  | 'getAttributes'
  | 'setAttributes'
  | 'getTextAttributeIndices'
  | 'replaceText'
  | 'findText'
  | 'editAsText'
  | 'copy'
  | 'getType'
  | 'getParent';

export class FakeText extends FakeElement implements Pick<GoogleAppsScript.Document.Text, TextMethods> {
  readonly type = 'TEXT';
  text: string;
  attrs: CharAttrs[];
  constructor(rt: Runtime, text = '', attrs?: CharAttrs[]) {
    super(rt);
    this.text = text;
    this.attrs = attrs ?? Array.from({ length: text.length }, () => NO_ATTRS);
  }
  deepCopy(): FakeText {
    return new FakeText(this.rt, this.text, [...this.attrs]);
  }
  plainText(): string {
    return this.text;
  }
  texts(): FakeText[] {
    return [this];
  }
  private self(): GoogleAppsScript.Document.Text {
    return asGas(this);
  }
  private checkRange(start: number, endInclusive: number): void {
    if (!(start >= 0 && endInclusive < this.text.length && start <= endInclusive)) {
      throw this.rt.error(`Index (${start < 0 ? start : endInclusive}) must be less than the content length (${this.text.length}).`); // text unconfirmed
    }
  }
  private styleRange(method: string, key: string, args: unknown[]): GoogleAppsScript.Document.Text {
    this.hit(method);
    this.touch();
    const [start, end, value] = args.length >= 3 ? (args as [number, number, unknown]) : [0, this.text.length - 1, args[0]];
    if (this.text.length === 0) return this.self();
    if (args.length >= 3) this.checkRange(start, end);
    for (let i = start; i <= end; i++) this.attrs[i] = { ...this.attrs[i], [key]: value };
    return this.self();
  }
  /** Internal edit shared with the Docs API fake: replace [start, endExclusive) keeping the first char's attributes. */
  splice(start: number, endExclusive: number, insert: string, attrs?: CharAttrs): void {
    const a = attrs ?? this.attrs[start] ?? this.attrs[start - 1] ?? NO_ATTRS;
    this.text = this.text.slice(0, start) + insert + this.text.slice(endExclusive);
    this.attrs.splice(start, endExclusive - start, ...Array.from({ length: insert.length }, () => a));
  }
  /** Replaces every non-empty match of a global RegExp, right to left so offsets stay valid. */
  replaceMatches(re: RegExp, replacement: (m: string) => string): number {
    const matches: [number, number, string][] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      matches.push([m.index, m.index + m[0].length, m[0]]);
    }
    for (const [s, e, found] of matches.reverse()) this.splice(s, e, replacement(found));
    return matches.length;
  }

  editAsText(): GoogleAppsScript.Document.Text {
    this.hit('editAsText');
    return this.self();
  }
  setText(text: string): GoogleAppsScript.Document.Text {
    this.hit('setText');
    this.touch();
    const a = this.attrs[0] ?? NO_ATTRS;
    this.text = String(text);
    this.attrs = Array.from({ length: this.text.length }, () => a);
    return this.self();
  }
  appendText(text: string): GoogleAppsScript.Document.Text {
    this.hit('appendText');
    this.touch();
    this.splice(this.text.length, this.text.length, String(text), this.attrs[this.attrs.length - 1]);
    return this.self();
  }
  insertText(offset: number, text: string): GoogleAppsScript.Document.Text {
    this.hit('insertText');
    this.touch();
    if (offset < 0 || offset > this.text.length) this.checkRange(offset, offset);
    this.splice(offset, offset, String(text), this.attrs[offset - 1] ?? this.attrs[offset]);
    return this.self();
  }
  deleteText(startOffset: number, endOffsetInclusive: number): GoogleAppsScript.Document.Text {
    this.hit('deleteText');
    this.touch();
    this.checkRange(startOffset, endOffsetInclusive);
    this.text = this.text.slice(0, startOffset) + this.text.slice(endOffsetInclusive + 1);
    this.attrs.splice(startOffset, endOffsetInclusive - startOffset + 1);
    return this.self();
  }
  setBold(...args: [boolean] | [number, number, boolean]): GoogleAppsScript.Document.Text {
    return this.styleRange('setBold', 'BOLD', args);
  }
  /** Attribute at an offset, or for the whole text: null when mixed or unset (REF text#isBold). */
  private attrAt(key: string, offset?: number | null): unknown {
    if (offset !== undefined && offset !== null) return this.attrs[offset]?.[key] ?? null;
    const values = new Set(this.attrs.map((a) => a[key] ?? null));
    return values.size === 1 ? [...values][0] : null;
  }
  isBold(offset?: number | null): boolean {
    this.hit('isBold');
    return this.attrAt('BOLD', offset) as boolean;
  }
  getAttributes(offset?: number | null): Record<string, unknown> {
    this.hit('getAttributes');
    return Object.fromEntries(TEXT_ATTRIBUTES.map((k) => [k, this.attrAt(k, offset)]));
  }
  setAttributes(...args: [Record<string, unknown>] | [number, number, Record<string, unknown>]): GoogleAppsScript.Document.Text {
    this.hit('setAttributes');
    this.touch();
    const [start, end, attributes] = args.length === 3 ? args : [0, this.text.length - 1, args[0]];
    const picked = Object.fromEntries(Object.entries(attributes).filter(([k]) => TEXT_ATTRIBUTES.includes(k)));
    for (let i = start; i <= end && i < this.text.length; i++) this.attrs[i] = { ...this.attrs[i], ...picked };
    return this.self();
  }
  /** Offsets where a run of equal attributes starts (REF text#getTextAttributeIndices). */
  getTextAttributeIndices(): number[] {
    this.hit('getTextAttributeIndices');
    const out: number[] = [];
    for (let i = 0; i < this.attrs.length; i++) if (i === 0 || setAttrsKey(this.attrs[i]) !== setAttrsKey(this.attrs[i - 1])) out.push(i);
    return out;
  }
  copy(): GoogleAppsScript.Document.Text {
    this.hit('copy');
    return asGas(this.deepCopy());
  }
  /** Runs of equal attributes: what the Docs API calls textRuns. */
  runs(): { text: string; attrs: CharAttrs; start: number }[] {
    const out: { text: string; attrs: CharAttrs; start: number }[] = [];
    for (let i = 0; i < this.text.length; i++) {
      const last = out[out.length - 1];
      if (last && attrsKey(last.attrs) === attrsKey(this.attrs[i])) last.text += this.text[i];
      else out.push({ text: this.text[i], attrs: this.attrs[i], start: i });
    }
    return out;
  }
}

// ------------------------------------------------------------------------------------- Paragraph

type ParagraphMethods =
  | 'getText'
  | 'setText'
  | 'appendText'
  | 'editAsText'
  | 'setAttributes'
  | 'getAttributes'
  | 'copy'
  | 'removeFromParent'
  | 'getParent'
  | 'getType'
  | 'replaceText'
  | 'findText'
  | 'getNumChildren'
  | 'getChild';

export class FakeParagraph extends FakeElement implements Pick<GoogleAppsScript.Document.Paragraph, ParagraphMethods> {
  readonly type = 'PARAGRAPH';
  readonly textEl: FakeText;
  pattrs: Record<string, unknown> = {};
  constructor(rt: Runtime, text: string | FakeText) {
    super(rt);
    this.textEl = typeof text === 'string' ? new FakeText(rt, text) : text;
    this.textEl.parent = this;
  }
  deepCopy(): FakeParagraph {
    const p = new FakeParagraph(this.rt, this.textEl.deepCopy());
    p.pattrs = { ...this.pattrs };
    return p;
  }
  plainText(): string {
    return this.textEl.text;
  }
  texts(): FakeText[] {
    return [this.textEl];
  }
  childList(): FakeElement[] {
    return this.textEl.text.length > 0 ? [this.textEl] : [];
  }
  private self(): GoogleAppsScript.Document.Paragraph {
    return asGas(this);
  }
  private set(method: string, key: string, value: unknown): GoogleAppsScript.Document.Paragraph {
    this.hit(method);
    this.touch();
    this.pattrs[key] = value;
    return this.self();
  }
  private get<T>(method: string, key: string): T {
    this.hit(method);
    return (this.pattrs[key] ?? null) as T;
  }

  /** An empty paragraph has no child; otherwise its one Text (REF paragraph#getNumChildren). */
  getNumChildren(): number {
    this.hit('getNumChildren');
    return this.childList().length;
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.hit('getChild');
    const c = this.childList()[childIndex];
    if (!c) throw this.rt.error(`Child index (${childIndex}) must be less than the number of child elements (${this.childList().length}).`);
    return asGas(c);
  }
  editAsText(): GoogleAppsScript.Document.Text {
    this.hit('editAsText');
    return asGas(this.textEl);
  }
  setText(text: string): void {
    this.hit('setText');
    this.touch();
    const a = this.textEl.attrs[0] ?? NO_ATTRS;
    this.textEl.text = String(text);
    this.textEl.attrs = Array.from({ length: this.textEl.text.length }, () => a);
  }
  /** Appends to the paragraph's text (a Text argument contributes its characters with their attributes). */
  appendText(text: string | GoogleAppsScript.Document.Text): GoogleAppsScript.Document.Text {
    this.hit('appendText');
    this.touch();
    const t = this.textEl;
    if (text instanceof FakeText) {
      t.text += text.text;
      t.attrs.push(...text.attrs);
    } else t.splice(t.text.length, t.text.length, String(text), t.attrs[t.attrs.length - 1]);
    return asGas(t);
  }
  /** Paragraph attributes apply to the paragraph, text attributes to all its characters (REF paragraph#setAttributes). */
  setAttributes(attributes: Record<string, unknown>): GoogleAppsScript.Document.Paragraph {
    this.hit('setAttributes');
    this.touch();
    for (const [k, v] of Object.entries(attributes)) {
      if (PARAGRAPH_ATTRIBUTES.includes(k)) this.pattrs[k] = v;
    }
    const textPart = Object.fromEntries(Object.entries(attributes).filter(([k]) => TEXT_ATTRIBUTES.includes(k)));
    const t = this.textEl;
    for (let i = 0; i < t.attrs.length; i++) t.attrs[i] = { ...t.attrs[i], ...textPart };
    return this.self();
  }
  getAttributes(): Record<string, unknown> {
    this.hit('getAttributes');
    const textAttrs = this.textEl.runs().length === 1 ? this.textEl.attrs[0] : {};
    return {
      ...Object.fromEntries([...PARAGRAPH_ATTRIBUTES, ...TEXT_ATTRIBUTES].map((k) => [k, null])),
      ...textAttrs,
      ...this.pattrs,
    };
  }
  /** A detached deep copy: no parent (REF element#copy; GF). */
  copy(): GoogleAppsScript.Document.Paragraph {
    this.hit('copy');
    return asGas(this.deepCopy());
  }
  removeFromParent(): GoogleAppsScript.Document.Paragraph {
    this.hit('removeFromParent');
    if (this.parent instanceof FakeContainer) this.parent.detach(this);
    return this.self();
  }
}

// ------------------------------------------------------------------------------------ containers

type Block = FakeParagraph | FakeTable;

abstract class FakeContainer<Self = unknown> extends FakeElement {
  children: Block[] = [];
  childList(): FakeElement[] {
    return this.children;
  }
  plainText(): string {
    return this.children.map((c) => c.plainText()).join('\n');
  }
  texts(): FakeText[] {
    return this.children.flatMap((c) => c.texts());
  }
  deepCopy(): FakeContainer<Self> {
    const copy = this.emptyCopy();
    for (const c of this.children) {
      const cc = c.deepCopy();
      cc.parent = copy;
      copy.children.push(cc);
    }
    return copy;
  }
  protected abstract emptyCopy(): FakeContainer<Self>;
  /** Sections keep at least one paragraph at their end (REF body#removeChild; text unconfirmed). */
  detach(child: Block): void {
    this.touch();
    const i = this.children.indexOf(child);
    if (i < 0) throw this.rt.error('Element does not contain the specified child element.'); // text unconfirmed
    if (this instanceof FakeSection && i === this.children.length - 1 && child instanceof FakeParagraph) {
      throw this.rt.error("Can't remove the last paragraph in a document section.");
    }
    this.children.splice(i, 1);
    child.parent = null;
  }
  /** Appending an element that already has a parent throws (REF; GF): use copy() or removeFromParent(). */
  private attach(index: number, child: Block): void {
    if (child.parent) throw this.rt.error('Element must be detached.'); // text unconfirmed
    this.touch();
    child.parent = this;
    this.children.splice(index, 0, child);
  }
  private paragraphArg(method: string, p: unknown): FakeParagraph {
    if (typeof p === 'string') return new FakeParagraph(this.rt, p);
    if (p instanceof FakeParagraph) return p;
    throw signatureError(this.rt, `${this.serviceName()}.${method}`, [p]);
  }
  private tableArg(method: string, t: unknown): FakeTable {
    if (t === undefined || t === null) return new FakeTable(this.rt);
    if (t instanceof FakeTable) return t;
    if (Array.isArray(t) && t.every((r) => Array.isArray(r))) return FakeTable.fromCells(this.rt, t as unknown[][]);
    throw signatureError(this.rt, `${this.serviceName()}.${method}`, [t]);
  }
  private checkIndex(index: number, max: number): void {
    if (!Number.isInteger(index) || index < 0 || index > max) {
      throw this.rt.error(`Child index (${index}) must be less than or equal to the number of child elements (${max}).`); // text unconfirmed
    }
  }

  getNumChildren(): number {
    this.hit('getNumChildren');
    return this.children.length;
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.hit('getChild');
    const c = this.children[childIndex];
    if (!c) throw this.rt.error(`Child index (${childIndex}) must be less than the number of child elements (${this.children.length}).`);
    return asGas(c);
  }
  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    this.hit('getParagraphs');
    const out: FakeParagraph[] = [];
    const walk = (c: FakeContainer) => {
      for (const b of c.children) {
        if (b instanceof FakeParagraph) out.push(b);
        else for (const r of b.rows) for (const cell of r.cells) walk(cell);
      }
    };
    walk(this);
    return asGas(out);
  }
  appendParagraph(paragraph: string | GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph {
    this.hit('appendParagraph');
    const p = this.paragraphArg('appendParagraph', paragraph);
    this.attach(this.children.length, p);
    return asGas(p);
  }
  insertParagraph(childIndex: number, paragraph: string | GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph {
    this.hit('insertParagraph');
    this.checkIndex(childIndex, this.children.length);
    const p = this.paragraphArg('insertParagraph', paragraph);
    this.attach(childIndex, p);
    return asGas(p);
  }
  /** Also appends an empty paragraph: a container cannot end with a table (REF body#appendTable; facts §2). */
  appendTable(cells?: string[][] | GoogleAppsScript.Document.Table): GoogleAppsScript.Document.Table {
    this.hit('appendTable');
    const t = this.tableArg('appendTable', cells);
    this.attach(this.children.length, t);
    this.attach(this.children.length, new FakeParagraph(this.rt, ''));
    return asGas(t);
  }
  /** Inserted at the end, it is followed by an empty paragraph too (same rule as appendTable). */
  insertTable(childIndex: number, cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | null): GoogleAppsScript.Document.Table {
    this.hit('insertTable');
    this.checkIndex(childIndex, this.children.length);
    const t = this.tableArg('insertTable', cellsOrTable);
    const atEnd = childIndex === this.children.length;
    this.attach(childIndex, t);
    if (atEnd) this.attach(this.children.length, new FakeParagraph(this.rt, ''));
    return asGas(t);
  }
  removeChild(child: GoogleAppsScript.Document.Element): Self {
    this.hit('removeChild');
    this.detach(child as unknown as Block);
    return asGas(this);
  }
  /**
   * A Text over the container's content. Modeled only for a container holding one paragraph (a table
   * cell or a one-line header); otherwise the fake refuses rather than invent a multi-paragraph Text.
   */
  editAsText(): GoogleAppsScript.Document.Text {
    this.hit('editAsText');
    const only = this.children.length === 1 ? this.children[0] : null;
    if (!(only instanceof FakeParagraph)) throw new Error('fake: editAsText on a container with several elements is not modeled');
    return asGas(only.textEl);
  }
  /** Replaces the content with one paragraph holding `text` (REF table-cell#setText). */
  setText(text: string): Self {
    this.hit('setText');
    this.touch();
    const keep = this.children.find((c) => c instanceof FakeParagraph) as FakeParagraph | undefined;
    const p = keep ? keep.deepCopy() : new FakeParagraph(this.rt, '');
    p.textEl.text = String(text);
    p.textEl.attrs = Array.from({ length: p.textEl.text.length }, () => keep?.textEl.attrs[0] ?? NO_ATTRS);
    for (const c of this.children) c.parent = null;
    p.parent = this;
    this.children = [p];
    return asGas(this);
  }
  /** Leaves one empty paragraph (REF body#clear). */
  clear(): Self {
    this.hit('clear');
    this.touch();
    for (const c of this.children) c.parent = null;
    const p = new FakeParagraph(this.rt, '');
    p.parent = this;
    this.children = [p];
    return asGas(this);
  }
}

/** A document section (body, header, footer): the root of a document's element tree. */
abstract class FakeSection<Self = unknown> extends FakeContainer<Self> {
  model: DocModel | null = null;
}

type SectionMethods =
  | 'getNumChildren'
  | 'getChild'
  | 'appendParagraph'
  | 'insertParagraph'
  | 'appendTable'
  | 'insertTable'
  | 'removeChild'
  | 'getText'
  | 'replaceText'
  | 'findText'
  | 'getParagraphs'
  | 'getType'
  | 'clear';

type PageMethods =
  | 'setMarginTop'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'setPageWidth'
  | 'setPageHeight'
  | 'getMarginTop'
  | 'getMarginBottom'
  | 'getMarginLeft'
  | 'getMarginRight'
  | 'getPageWidth'
  | 'getPageHeight';

export class FakeBody extends FakeSection<GoogleAppsScript.Document.Body> implements Pick<GoogleAppsScript.Document.Body, SectionMethods | PageMethods> {
  readonly type = 'BODY_SECTION';
  /** Points; Letter with 72 pt margins by default (facts §2, defaults unconfirmed). */
  page = { MARGIN_TOP: 72, MARGIN_BOTTOM: 72, MARGIN_LEFT: 72, MARGIN_RIGHT: 72, PAGE_WIDTH: 612, PAGE_HEIGHT: 792 };
  protected emptyCopy(): FakeBody {
    const b = new FakeBody(this.rt);
    b.page = { ...this.page };
    return b;
  }
  private setPage(method: string, key: keyof FakeBody['page'], pt: number): GoogleAppsScript.Document.Body {
    this.hit(method);
    if (typeof pt !== 'number' || !Number.isFinite(pt)) throw signatureError(this.rt, `Body.${method}`, [pt]);
    this.touch();
    this.page[key] = pt;
    return asGas(this);
  }
  private getPage(method: string, key: keyof FakeBody['page']): number {
    this.hit(method);
    return this.page[key];
  }
  setMarginTop(pt: number) {
    return this.setPage('setMarginTop', 'MARGIN_TOP', pt);
  }
  setMarginBottom(pt: number) {
    return this.setPage('setMarginBottom', 'MARGIN_BOTTOM', pt);
  }
  setMarginLeft(pt: number) {
    return this.setPage('setMarginLeft', 'MARGIN_LEFT', pt);
  }
  setMarginRight(pt: number) {
    return this.setPage('setMarginRight', 'MARGIN_RIGHT', pt);
  }
  setPageWidth(pt: number) {
    return this.setPage('setPageWidth', 'PAGE_WIDTH', pt);
  }
  setPageHeight(pt: number) {
    return this.setPage('setPageHeight', 'PAGE_HEIGHT', pt);
  }
  getMarginTop() {
    return this.getPage('getMarginTop', 'MARGIN_TOP');
  }
  getMarginBottom() {
    return this.getPage('getMarginBottom', 'MARGIN_BOTTOM');
  }
  getMarginLeft() {
    return this.getPage('getMarginLeft', 'MARGIN_LEFT');
  }
  getMarginRight() {
    return this.getPage('getMarginRight', 'MARGIN_RIGHT');
  }
  getPageWidth() {
    return this.getPage('getPageWidth', 'PAGE_WIDTH');
  }
  getPageHeight() {
    return this.getPage('getPageHeight', 'PAGE_HEIGHT');
  }
}

export class FakeHeaderSection extends FakeSection<GoogleAppsScript.Document.HeaderSection> implements Pick<GoogleAppsScript.Document.HeaderSection, SectionMethods> {
  readonly type = 'HEADER_SECTION';
  protected emptyCopy(): FakeHeaderSection {
    return new FakeHeaderSection(this.rt);
  }
}

export class FakeFooterSection extends FakeSection<GoogleAppsScript.Document.FooterSection> implements Pick<GoogleAppsScript.Document.FooterSection, SectionMethods> {
  readonly type = 'FOOTER_SECTION';
  protected emptyCopy(): FakeFooterSection {
    return new FakeFooterSection(this.rt);
  }
}

// ----------------------------------------------------------------------------------------- Table

type CellMethods =
  | 'getNumChildren'
  | 'getChild'
  | 'appendParagraph'
  | 'insertParagraph'
  | 'appendTable'
  | 'insertTable'
  | 'removeChild'
  | 'getText'
  | 'replaceText'
  | 'findText'
  | 'getType'
  | 'setWidth'
  | 'getWidth'
  | 'editAsText'
  | 'setText'
  | 'copy';

export class FakeTableCell extends FakeContainer<GoogleAppsScript.Document.TableCell> implements Pick<GoogleAppsScript.Document.TableCell, CellMethods> {
  readonly type = 'TABLE_CELL';
  cattrs: Record<string, unknown> = {};
  /** A new cell holds one paragraph with its text. */
  static withText(rt: Runtime, text: string): FakeTableCell {
    const c = new FakeTableCell(rt);
    const p = new FakeParagraph(rt, text);
    p.parent = c;
    c.children.push(p);
    return c;
  }
  protected emptyCopy(): FakeTableCell {
    const c = new FakeTableCell(this.rt);
    c.cattrs = { ...this.cattrs };
    return c;
  }
  setWidth(width: number): GoogleAppsScript.Document.TableCell {
    this.hit('setWidth');
    this.touch();
    this.cattrs.WIDTH = width;
    return asGas(this);
  }
  getWidth(): number {
    this.hit('getWidth');
    return (this.cattrs.WIDTH as number) ?? null;
  }
  copy(): GoogleAppsScript.Document.TableCell {
    this.hit('copy');
    return asGas(this.deepCopy());
  }
}

type RowMethods =
  | 'getNumCells'
  | 'getCell'
  | 'copy'
  | 'removeFromParent'
  | 'getText'
  | 'getType'
  | 'getNumChildren'
  | 'getChild'
  | 'replaceText'
  | 'findText';

export class FakeTableRow extends FakeElement implements Pick<GoogleAppsScript.Document.TableRow, RowMethods> {
  readonly type = 'TABLE_ROW';
  cells: FakeTableCell[] = [];
  childList(): FakeElement[] {
    return this.cells;
  }
  deepCopy(): FakeTableRow {
    const r = new FakeTableRow(this.rt);
    for (const c of this.cells) {
      const cc = c.deepCopy() as unknown as FakeTableCell;
      cc.parent = r;
      r.cells.push(cc);
    }
    return r;
  }
  plainText(): string {
    return this.cells.map((c) => c.plainText()).join('\t');
  }
  texts(): FakeText[] {
    return this.cells.flatMap((c) => c.texts());
  }
  getNumCells(): number {
    this.hit('getNumCells');
    return this.cells.length;
  }
  getNumChildren(): number {
    this.hit('getNumChildren');
    return this.cells.length;
  }
  getCell(cellIndex: number): GoogleAppsScript.Document.TableCell {
    this.hit('getCell');
    const c = this.cells[cellIndex];
    if (!c) throw this.rt.error(`Child index (${cellIndex}) must be less than the number of child elements (${this.cells.length}).`);
    return asGas(c);
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.hit('getChild');
    return asGas(this.cells[childIndex]);
  }
  /** Detached deep copy (REF table-row#copy; facts §2). */
  copy(): GoogleAppsScript.Document.TableRow {
    this.hit('copy');
    return asGas(this.deepCopy());
  }
  removeFromParent(): GoogleAppsScript.Document.TableRow {
    this.hit('removeFromParent');
    if (this.parent instanceof FakeTable) this.parent.detachRow(this);
    return asGas(this);
  }
}

type TableMethods =
  | 'getNumRows'
  | 'getRow'
  | 'getCell'
  | 'appendTableRow'
  | 'insertTableRow'
  | 'removeRow'
  | 'copy'
  | 'removeFromParent'
  | 'setBorderWidth'
  | 'setColumnWidth'
  | 'getText'
  | 'getType'
  | 'getNumChildren'
  | 'getChild'
  | 'replaceText'
  | 'findText'
  | 'getParent';

export class FakeTable extends FakeElement implements Pick<GoogleAppsScript.Document.Table, TableMethods> {
  readonly type = 'TABLE';
  rows: FakeTableRow[] = [];
  borderWidth = 1;
  columnWidths = new Map<number, number>();
  static fromCells(rt: Runtime, cells: unknown[][]): FakeTable {
    const t = new FakeTable(rt);
    for (const rowValues of cells) {
      const r = new FakeTableRow(rt);
      r.parent = t;
      for (const v of rowValues) {
        const c = FakeTableCell.withText(rt, String(v));
        c.parent = r;
        r.cells.push(c);
      }
      t.rows.push(r);
    }
    return t;
  }
  childList(): FakeElement[] {
    return this.rows;
  }
  deepCopy(): FakeTable {
    const t = new FakeTable(this.rt);
    t.borderWidth = this.borderWidth;
    t.columnWidths = new Map(this.columnWidths);
    for (const r of this.rows) {
      const rr = r.deepCopy();
      rr.parent = t;
      t.rows.push(rr);
    }
    return t;
  }
  plainText(): string {
    return this.rows.map((r) => r.plainText()).join('\n');
  }
  texts(): FakeText[] {
    return this.rows.flatMap((r) => r.texts());
  }
  detachRow(row: FakeTableRow): void {
    this.touch();
    const i = this.rows.indexOf(row);
    this.rows.splice(i, 1);
    row.parent = null;
  }
  private rowArg(row: unknown): FakeTableRow {
    if (row === undefined || row === null) return new FakeTableRow(this.rt);
    if (row instanceof FakeTableRow) {
      if (row.parent) throw this.rt.error('Element must be detached.'); // text unconfirmed
      return row;
    }
    throw signatureError(this.rt, 'Table.appendTableRow', [row]);
  }
  private rowAt(i: number): FakeTableRow {
    const r = this.rows[i];
    if (!r) throw this.rt.error(`Child index (${i}) must be less than the number of child elements (${this.rows.length}).`);
    return r;
  }
  getNumRows(): number {
    this.hit('getNumRows');
    return this.rows.length;
  }
  getNumChildren(): number {
    this.hit('getNumChildren');
    return this.rows.length;
  }
  getRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    this.hit('getRow');
    return asGas(this.rowAt(rowIndex));
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.hit('getChild');
    return asGas(this.rowAt(childIndex));
  }
  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    this.hit('getCell');
    const c = this.rowAt(rowIndex).cells[cellIndex];
    if (!c) throw this.rt.error(`Child index (${cellIndex}) must be less than the number of child elements (${this.rows[rowIndex].cells.length}).`);
    return asGas(c);
  }
  appendTableRow(tableRow?: GoogleAppsScript.Document.TableRow): GoogleAppsScript.Document.TableRow {
    this.hit('appendTableRow');
    const r = this.rowArg(tableRow);
    this.touch();
    r.parent = this;
    this.rows.push(r);
    return asGas(r);
  }
  insertTableRow(childIndex: number, tableRow?: GoogleAppsScript.Document.TableRow): GoogleAppsScript.Document.TableRow {
    this.hit('insertTableRow');
    const r = this.rowArg(tableRow);
    if (childIndex < 0 || childIndex > this.rows.length) this.rowAt(childIndex);
    this.touch();
    r.parent = this;
    this.rows.splice(childIndex, 0, r);
    return asGas(r);
  }
  /** Returns the removed, now detached, row (REF table#removeRow). */
  removeRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    this.hit('removeRow');
    const r = this.rowAt(rowIndex);
    this.detachRow(r);
    return asGas(r);
  }
  copy(): GoogleAppsScript.Document.Table {
    this.hit('copy');
    return asGas(this.deepCopy());
  }
  removeFromParent(): GoogleAppsScript.Document.Table {
    this.hit('removeFromParent');
    if (this.parent instanceof FakeContainer) this.parent.detach(this);
    return asGas(this);
  }
  setBorderWidth(width: number): GoogleAppsScript.Document.Table {
    this.hit('setBorderWidth');
    this.touch();
    this.borderWidth = width;
    return asGas(this);
  }
  setColumnWidth(columnIndex: number, width: number): GoogleAppsScript.Document.Table {
    this.hit('setColumnWidth');
    this.touch();
    this.columnWidths.set(columnIndex, width);
    return asGas(this);
  }
}

// --------------------------------------------------------------------------------- Document(App)

type DocumentMethods =
  | 'getBody'
  | 'getHeader'
  | 'getFooter'
  | 'addHeader'
  | 'addFooter'
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getAs'
  | 'saveAndClose';

/** A handle on a document, as DocumentApp.create/openById return. */
export class FakeDocument implements Pick<GoogleAppsScript.Document.Document, DocumentMethods> {
  constructor(
    private readonly rt: Runtime,
    readonly model: DocModel,
    private readonly drive: DriveStore,
  ) {}
  private hit(method: string): void {
    this.rt.hit('Document', method);
  }
  private assertOpen(): void {
    if (this.model.closed) throw this.rt.error('Document is closed, its content cannot be updated.'); // text unconfirmed
  }
  getBody(): GoogleAppsScript.Document.Body {
    this.hit('getBody');
    return asGas(this.model.body);
  }
  /** null when the document has no header (REF "if one exists"; DTS types it non-null). */
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    this.hit('getHeader');
    return asGas(this.model.header);
  }
  getFooter(): GoogleAppsScript.Document.FooterSection {
    this.hit('getFooter');
    return asGas(this.model.footer);
  }
  /** Only if none exists; a second call throws (GF; text unconfirmed). A new header holds one empty paragraph. */
  addHeader(): GoogleAppsScript.Document.HeaderSection {
    this.hit('addHeader');
    this.assertOpen();
    if (this.model.header) throw this.rt.error('Document tab already contains a header.');
    const h = new FakeHeaderSection(this.rt);
    h.model = this.model;
    const p = new FakeParagraph(this.rt, '');
    p.parent = h;
    h.children.push(p);
    this.model.header = h;
    this.model.dirty = true;
    return asGas(h);
  }
  addFooter(): GoogleAppsScript.Document.FooterSection {
    this.hit('addFooter');
    this.assertOpen();
    if (this.model.footer) throw this.rt.error('Document tab already contains a footer.');
    const f = new FakeFooterSection(this.rt);
    f.model = this.model;
    const p = new FakeParagraph(this.rt, '');
    p.parent = f;
    f.children.push(p);
    this.model.footer = f;
    this.model.dirty = true;
    return asGas(f);
  }
  getId(): string {
    this.hit('getId');
    return this.model.id;
  }
  getName(): string {
    this.hit('getName');
    return this.drive.file(this.model.id)?.name ?? '';
  }
  setName(name: string): GoogleAppsScript.Document.Document {
    this.hit('setName');
    this.assertOpen();
    const f = this.drive.file(this.model.id);
    if (f) f.name = name;
    return asGas(this);
  }
  /**
   * Document is a BlobSource (REF base/blob-source): getAs renders it, adding the extension to the name.
   * Only PDF is modelled; the fake PDF is a marker line and the document's text, header and footer included.
   */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    this.hit('getAs');
    if (contentType !== 'application/pdf') throw this.rt.error(`Converting from application/vnd.google-apps.document to ${contentType} is not supported.`);
    const parts = [this.model.header, this.model.body, this.model.footer].filter((s) => s).map((s) => s!.plainText());
    const name = `${this.drive.file(this.model.id)?.name ?? 'Untitled'}.pdf`;
    return asGas(new FakeBlob(this.rt, new TextEncoder().encode(`%PDF-FAKE\n${parts.join('\n')}`), contentType, name));
  }
  /** Flushes pending edits; later edits through this document's elements throw (REF document#saveAndClose). */
  saveAndClose(): void {
    this.hit('saveAndClose');
    this.model.closed = true;
    this.model.dirty = false;
  }
}

type DocumentAppMethods = 'create' | 'openById';

export class FakeDocumentApp
  implements Pick<GoogleAppsScript.Document.DocumentApp, DocumentAppMethods | 'ElementType' | 'HorizontalAlignment' | 'ParagraphHeading' | 'Attribute' | 'VerticalAlignment'>
{
  readonly ElementType = ElementType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly Attribute = Attribute;
  readonly VerticalAlignment = VerticalAlignment;
  constructor(
    private readonly rt: Runtime,
    private readonly drive: DriveStore,
  ) {}
  /** A new Google Doc with one empty paragraph, in My Drive's root (facts §2; root unconfirmed). */
  create(name: string): GoogleAppsScript.Document.Document {
    this.rt.hit('DocumentApp', 'create');
    this.rt.requireAuth('DocumentApp.create', SCOPE.documents);
    // Whether drive.file counts this Doc as the app's is not documented (docs/google-behaviours.md, switch a).
    const f = this.drive.createDoc(String(name), ['root'], this.rt.behaviours.documentAppFilesAreAppFiles);
    return asGas(new FakeDocument(this.rt, f.doc!, this.drive));
  }
  /** Reopens a document (a closed one becomes editable again through the new handle). */
  openById(id: string): GoogleAppsScript.Document.Document {
    this.rt.hit('DocumentApp', 'openById');
    this.rt.requireAuth('DocumentApp.openById', SCOPE.documents);
    const f = this.drive.file(id);
    // The documents scope reaches any Doc the running account can open: its own, or one shared with it.
    if (!f || !f.doc || f.trashed || !this.drive.userCanOpen(f)) throw this.rt.error('Document is missing (perhaps it was deleted, or you don\'t have read access?)'); // public reports
    f.doc.closed = false;
    const stale = f.doc.beforeApiEdits;
    if (!this.rt.behaviours.documentAppSeesDocsApiEdits && stale && stale.execution === this.rt.execution) {
      stale.view.closed = false;
      return asGas(new FakeDocument(this.rt, stale.view, this.drive));
    }
    return asGas(new FakeDocument(this.rt, f.doc, this.drive));
  }
}

export { FakeContainer, FakeSection, FakeElement };
