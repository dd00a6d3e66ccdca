/**
 * The Docs advanced service v1 over the shared document model. Behaviour from the Docs API reference
 * (developers.google.com/docs/api/reference/rest/v1/documents, …/request#ReplaceAllTextRequest,
 * "Structure of a Google Docs document"), the DTS (apis/docs_v1.d.ts) and the Apps Script reference.
 *
 * - Documents.get returns body.content (a leading sectionBreak, paragraphs with textRun elements whose
 *   content ends with '\n', tables with tableRows/tableCells/content), headers and footers, with UTF-16
 *   start/end indexes (body from 1 after the section break, headers and footers from 0).
 * - Documents.batchUpdate supports replaceAllText only: literal text, matchCase, across formatting runs,
 *   within a paragraph, in body, headers and footers; requests apply in order and atomically (all are
 *   validated before any is applied); a reply's occurrencesChanged is omitted when 0 (facts §4, unconfirmed).
 *   Other request kinds throw a "not modeled" error rather than pretend.
 * - Fake-only strictness: a document with unsaved DocumentApp edits is refused (call saveAndClose() first).
 */
import { DocModel, FakeParagraph, FakeSection, FakeTable, type CharAttrs } from './document';
import { DriveStore, googleJsonError } from './drive';
import { Runtime, SCOPE, asGas } from './runtime';

type Document = GoogleAppsScript.Docs.Schema.Document;
type StructuralElement = GoogleAppsScript.Docs.Schema.StructuralElement;
type DocumentsCollection = GoogleAppsScript.Docs.Collection.DocumentsCollection;

function textStyle(a: CharAttrs): GoogleAppsScript.Docs.Schema.TextStyle {
  const s: GoogleAppsScript.Docs.Schema.TextStyle = {};
  if (a.BOLD) s.bold = true;
  if (a.ITALIC) s.italic = true;
  if (a.UNDERLINE) s.underline = true;
  if (typeof a.FONT_SIZE === 'number') s.fontSize = { magnitude: a.FONT_SIZE, unit: 'PT' };
  if (typeof a.FONT_FAMILY === 'string') s.weightedFontFamily = { fontFamily: a.FONT_FAMILY, weight: 400 };
  return s;
}

const ALIGN: Record<string, string> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };
const HEADING: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
};

function paragraphStyle(p: FakeParagraph): GoogleAppsScript.Docs.Schema.ParagraphStyle {
  const a = p.pattrs;
  const pt = (v: unknown) => (typeof v === 'number' ? { magnitude: v, unit: 'PT' } : undefined);
  const style: GoogleAppsScript.Docs.Schema.ParagraphStyle = { namedStyleType: HEADING[String(a.HEADING ?? 'NORMAL')] ?? 'NORMAL_TEXT' };
  if (a.HORIZONTAL_ALIGNMENT) style.alignment = ALIGN[String(a.HORIZONTAL_ALIGNMENT)];
  if (pt(a.INDENT_FIRST_LINE)) style.indentFirstLine = pt(a.INDENT_FIRST_LINE);
  if (pt(a.INDENT_START)) style.indentStart = pt(a.INDENT_START);
  if (pt(a.INDENT_END)) style.indentEnd = pt(a.INDENT_END);
  if (pt(a.SPACING_BEFORE)) style.spaceAbove = pt(a.SPACING_BEFORE);
  if (pt(a.SPACING_AFTER)) style.spaceBelow = pt(a.SPACING_AFTER);
  if (typeof a.LINE_SPACING === 'number') style.lineSpacing = a.LINE_SPACING * 100;
  if (a.BORDER_BOTTOM) style.borderBottom = a.BORDER_BOTTOM as GoogleAppsScript.Docs.Schema.ParagraphBorder;
  return style;
}

/** Where a paragraph stands in the Docs API's index space (for requests addressed by range). */
interface ParagraphSpan {
  paragraph: FakeParagraph;
  start: number;
  end: number;
}

/** Serializes blocks into StructuralElements, advancing the running index; `spans` collects paragraph ranges. */
function content(blocks: readonly (FakeParagraph | FakeTable)[], start: number, spans?: ParagraphSpan[]): { elements: StructuralElement[]; end: number } {
  let idx = start;
  const elements: StructuralElement[] = [];
  for (const b of blocks) {
    if (b instanceof FakeParagraph) {
      const startIndex = idx;
      const runs = b.textEl.runs();
      const els: GoogleAppsScript.Docs.Schema.ParagraphElement[] = [];
      if (runs.length === 0) runs.push({ text: '', attrs: {}, start: 0 });
      runs.forEach((r, i) => {
        const text = i === runs.length - 1 ? `${r.text}\n` : r.text;
        els.push({ startIndex: idx, endIndex: idx + text.length, textRun: { content: text, textStyle: textStyle(r.attrs) } });
        idx += text.length;
      });
      elements.push({ startIndex, endIndex: idx, paragraph: { elements: els, paragraphStyle: paragraphStyle(b) } });
      spans?.push({ paragraph: b, start: startIndex, end: idx });
    } else {
      const startIndex = idx;
      idx += 1;
      const tableRows: GoogleAppsScript.Docs.Schema.TableRow[] = b.rows.map((row) => {
        const rowStart = idx;
        idx += 1;
        const tableCells = row.cells.map((cell) => {
          const cellStart = idx;
          idx += 1;
          const inner = content(cell.children, idx, spans);
          idx = inner.end;
          return { startIndex: cellStart, endIndex: idx, content: inner.elements };
        });
        return { startIndex: rowStart, endIndex: idx, tableCells };
      });
      idx += 1;
      elements.push({
        startIndex,
        endIndex: idx,
        table: { rows: b.rows.length, columns: Math.max(0, ...b.rows.map((r) => r.cells.length)), tableRows },
      });
    }
  }
  return { elements, end: idx };
}

export function documentJson(model: DocModel, title: string): Document {
  const body = content(model.body.children, 1);
  const doc: Document = {
    documentId: model.id,
    title,
    body: { content: [{ endIndex: 1, sectionBreak: { sectionStyle: { columnSeparatorStyle: 'NONE', contentDirection: 'LEFT_TO_RIGHT' } } }, ...body.elements] },
    documentStyle: {
      pageSize: { width: { magnitude: model.body.page.PAGE_WIDTH, unit: 'PT' }, height: { magnitude: model.body.page.PAGE_HEIGHT, unit: 'PT' } },
      marginTop: { magnitude: model.body.page.MARGIN_TOP, unit: 'PT' },
      marginBottom: { magnitude: model.body.page.MARGIN_BOTTOM, unit: 'PT' },
      marginLeft: { magnitude: model.body.page.MARGIN_LEFT, unit: 'PT' },
      marginRight: { magnitude: model.body.page.MARGIN_RIGHT, unit: 'PT' },
      useFirstPageHeaderFooter: model.useFirstPageHeaderFooter,
    },
    revisionId: `rev-${model.id.slice(-6)}`,
  };
  if (model.header) {
    const id = `kix.h${model.id.slice(-6)}`;
    doc.headers = { [id]: { headerId: id, content: content(model.header.children, 0).elements } };
    doc.documentStyle!.defaultHeaderId = id;
  }
  if (model.footer) {
    const id = `kix.f${model.id.slice(-6)}`;
    doc.footers = { [id]: { footerId: id, content: content(model.footer.children, 0).elements } };
    doc.documentStyle!.defaultFooterId = id;
  }
  return doc;
}

/** Literal, non-overlapping, left to right; case-insensitive unless matchCase (Docs API SubstringMatchCriteria). */
function literalRegExp(text: string, matchCase: boolean): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), matchCase ? 'g' : 'gi');
}

function replaceAll(sections: FakeSection[], text: string, matchCase: boolean, replacement: string): number {
  const re = literalRegExp(text, matchCase);
  let n = 0;
  for (const s of sections) for (const t of s.texts()) n += t.replaceMatches(re, () => replacement);
  return n;
}

export class FakeDocuments implements Pick<DocumentsCollection, 'get' | 'batchUpdate'> {
  constructor(
    private readonly rt: Runtime,
    private readonly store: DriveStore,
  ) {}
  private enter(method: string): void {
    this.rt.hit('Docs.Documents', method);
    this.rt.requireAuth(`Docs.Documents.${method}`, SCOPE.documents);
  }
  private model(method: string, documentId: string): DocModel {
    const f = this.store.file(documentId);
    if (!f || !f.doc) throw googleJsonError(this.rt, `docs.documents.${method}`, 'Requested entity was not found.', 404);
    if (f.doc.dirty) {
      throw this.rt.error(
        `FAKE: Docs API used on document ${documentId} with unsaved DocumentApp edits: call saveAndClose() first (design.md; the real API would see a stale version).`,
      );
    }
    return f.doc;
  }

  /** Switch f (docs/google-behaviours.md): whether replaceAllText reaches headers and footers. */
  private reached(m: DocModel): FakeSection[] {
    return this.rt.behaviours.replaceAllReachesHeaders ? m.sections() : [m.body];
  }

  /** Switches b and e (docs/google-behaviours.md): what replaceAllText keeps of its replaceText. */
  private inserted(text: string): string {
    let out = text;
    if (!this.rt.behaviours.replaceAllKeepsPrivateUse) out = out.replace(/[\uE000-\uF8FF]/g, '');
    if (!this.rt.behaviours.verticalTabIsLineBreak) out = out.split('\u000b').join('');
    return out;
  }

  get(documentId: string, _optionalArgs?: object): Document {
    this.enter('get');
    const m = this.model('get', documentId);
    return asGas(documentJson(m, this.store.file(documentId)!.name));
  }

  batchUpdate(resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest, documentId: string): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    this.enter('batchUpdate');
    if (typeof resource === 'string' || typeof documentId !== 'string') {
      // The resource comes first (facts §4): batchUpdate(id, resource) is a common slip.
      throw googleJsonError(this.rt, 'docs.documents.batchUpdate', 'Requested entity was not found.', 404);
    }
    const m = this.model('batchUpdate', documentId);
    const requests = resource?.requests ?? [];
    if (requests.length === 0) throw googleJsonError(this.rt, 'docs.documents.batchUpdate', 'Invalid requests: must not be empty.', 400); // text unconfirmed
    requests.forEach((r, i) => {
      const kinds = Object.keys(r ?? {}).filter((k) => (r as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1) throw googleJsonError(this.rt, 'docs.documents.batchUpdate', `Invalid requests[${i}]: exactly one request kind must be set.`, 400);
      if (kinds[0] === 'updateDocumentStyle' || kinds[0] === 'updateParagraphStyle') return validateStyleRequest(this.rt, r as StyleRequest, i);
      if (kinds[0] !== 'replaceAllText') throw new Error(`fake: Docs request kind ${kinds[0]} is not modeled (only replaceAllText, updateDocumentStyle, updateParagraphStyle)`);
      const text = r.replaceAllText?.containsText?.text;
      if (typeof text !== 'string' || text === '') {
        throw googleJsonError(this.rt, 'docs.documents.batchUpdate', `Invalid requests[${i}].replaceAllText: The text to replace must not be empty.`, 400); // text unconfirmed
      }
    });
    // Switch k (docs/google-behaviours.md): DocumentApp may go on showing this run the Doc as it was.
    if (!this.rt.behaviours.documentAppSeesDocsApiEdits && m.beforeApiEdits?.execution !== this.rt.execution) {
      m.beforeApiEdits = { execution: this.rt.execution, view: m.clone(m.id) };
    }
    const replies = requests.map((r) => {
      const style = r as StyleRequest;
      if (style.updateDocumentStyle || style.updateParagraphStyle) {
        applyStyleRequest(m, style);
        return {};
      }
      const q = r.replaceAllText!;
      const n = replaceAll(this.reached(m), q.containsText!.text!, q.containsText!.matchCase === true, this.inserted(q.replaceText ?? ''));
      return { replaceAllText: n > 0 ? { occurrencesChanged: n } : {} };
    });
    return { documentId, replies, writeControl: { requiredRevisionId: `rev-${documentId.slice(-6)}` } };
  }
}

/** The `Docs` global (advanced service v1) plus a failure hook like Drive's. */
export class FakeDocs implements Pick<GoogleAppsScript.Docs, 'Documents'> {
  readonly Documents: DocumentsCollection;
  constructor(
    private readonly rt: Runtime,
    store: DriveStore,
  ) {
    this.Documents = asGas(new FakeDocuments(rt, store));
  }
  /** failNext('Documents.batchUpdate', 'Quota exceeded …', {code: 429}). */
  failNext(method: string, error: string | Error, opts: { code?: number; times?: number } = {}): void {
    const api = `docs.${method.charAt(0).toLowerCase()}${method.slice(1)}`;
    const err = typeof error === 'string' ? googleJsonError(this.rt, api, error, opts.code ?? 400) : error;
    this.rt.calls.failNext(`Docs.${method}`, err, opts.times ?? 1);
  }
}

/**
 * Two style requests the template builder sends, missing from @types/google-apps-script 2.0.x's docs_v1
 * (Docs API reference, documents/request: UpdateDocumentStyleRequest, UpdateParagraphStyleRequest).
 * Modeled: documentStyle.useFirstPageHeaderFooter, and paragraphStyle.borderBottom over the body
 * paragraphs a range touches; `fields` is required and names what changes. Replies are empty objects.
 */
type StyleRequest = GoogleAppsScript.Docs.Schema.Request & {
  updateDocumentStyle?: { documentStyle?: { useFirstPageHeaderFooter?: boolean }; fields?: string };
  updateParagraphStyle?: {
    range?: { startIndex?: number; endIndex?: number; segmentId?: string };
    paragraphStyle?: { borderBottom?: unknown };
    fields?: string;
  };
};

function validateStyleRequest(rt: Runtime, r: StyleRequest, i: number): void {
  const q = r.updateDocumentStyle ?? r.updateParagraphStyle;
  if (!q?.fields) throw googleJsonError(rt, 'docs.documents.batchUpdate', `Invalid requests[${i}]: fields is required.`, 400); // text unconfirmed
  const range = r.updateParagraphStyle?.range;
  if (r.updateParagraphStyle && (!range || typeof range.startIndex !== 'number' || typeof range.endIndex !== 'number' || range.endIndex <= range.startIndex)) {
    throw googleJsonError(rt, 'docs.documents.batchUpdate', `Invalid requests[${i}].updateParagraphStyle: The range must not be empty.`, 400); // text unconfirmed
  }
  if (range?.segmentId) throw new Error('fake: updateParagraphStyle in a header or footer segment is not modeled');
}

function applyStyleRequest(m: DocModel, r: StyleRequest): void {
  if (r.updateDocumentStyle) {
    const fields = r.updateDocumentStyle.fields!.split(',').map((f) => f.trim());
    if (fields.includes('useFirstPageHeaderFooter') || fields.includes('*')) {
      m.useFirstPageHeaderFooter = r.updateDocumentStyle.documentStyle?.useFirstPageHeaderFooter === true;
    }
    return;
  }
  const q = r.updateParagraphStyle!;
  const fields = q.fields!.split(',').map((f) => f.trim());
  const spans: ParagraphSpan[] = [];
  content(m.body.children, 1, spans);
  const { startIndex, endIndex } = q.range as { startIndex: number; endIndex: number };
  for (const s of spans) {
    if (s.end <= startIndex || s.start >= endIndex) continue;
    if (fields.includes('borderBottom')) s.paragraph.pattrs.BORDER_BOTTOM = q.paragraphStyle?.borderBottom ?? null;
  }
}
