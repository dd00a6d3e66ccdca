/**
 * Builds a Google Doc from a ReportDocument (the default template, tags intact): page, fonts, paragraph
 * layout, bold/italic/underline runs, borderless layout tables, the header on pages 2+.
 *
 * DocumentApp does the content; then ONE Docs API batchUpdate does what DocumentApp cannot: "different
 * first page" (updateDocumentStyle.useFirstPageHeaderFooter) and the short rules drawn as a paragraph's
 * bottom border (updateParagraphStyle.borderBottom), found through a marker text that the same batch
 * removes. Neither request is in @types/google-apps-script's docs_v1 typings (2.0.x), hence the local
 * types below, written from the Docs API reference (documents/request).
 *
 * Page numbers: no API inserts a page number field. DocumentApp has no method for it and the Docs API
 * has no request for it (AutoText is read-only there). The header paragraph is left empty with its
 * alignment and size; the README tells the IT person to click into it once and use Insert › Page numbers.
 * A first-page header with content cannot be made either (createHeader only makes the DEFAULT type);
 * the official layout wants page 1 without one, which is what useFirstPageHeaderFooter alone gives.
 */
import type { Alignment, Block, Paragraph, ReportDocument, RunStyle, Table } from '../core/document/model';
import { createGoogleDoc, docsService, trashFile } from './drive';
import { withBackoff } from './retry';

type GParagraph = GoogleAppsScript.Document.Paragraph;

interface Container {
  getNumChildren(): number;
  getChild(i: number): GoogleAppsScript.Document.Element;
  appendParagraph(text: string): GParagraph;
  appendTable(cells: string[][]): GoogleAppsScript.Document.Table;
  insertTable(i: number, cells: string[][]): GoogleAppsScript.Document.Table;
}

/** Docs API requests missing from the typings (Docs API reference: UpdateDocumentStyleRequest, UpdateParagraphStyleRequest). */
type DocsRequest =
  | GoogleAppsScript.Docs.Schema.Request
  | { updateDocumentStyle: { documentStyle: { useFirstPageHeaderFooter: boolean }; fields: string } }
  | {
      updateParagraphStyle: {
        range: { startIndex: number; endIndex: number; segmentId?: string };
        paragraphStyle: { borderBottom: { width: { magnitude: number; unit: 'PT' }; padding: { magnitude: number; unit: 'PT' }; dashStyle: 'SOLID'; color: { color: { rgbColor: Record<string, number> } } } };
        fields: string;
      };
    };

/** Marks a paragraph that must get a bottom border; removed by the same batchUpdate. */
export const RULE_MARKER = '⟦rule⟧';

const PT_PER_MM = 72 / 25.4;
const A4_PT = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };

export interface BuiltDoc {
  id: string;
  url: string;
}

export function buildTemplateDoc(model: ReportDocument, name: string, folderId?: string): BuiltDoc {
  // Made by the Drive service in the app's folder, then filled through DocumentApp (docs/google-behaviours.md, switch a).
  const { id, url } = createGoogleDoc(name, folderId);
  try {
    return fillTemplateDoc(DocumentApp.openById(id), model, url);
  } catch (e) {
    // A half-built template must not be picked up later: to the trash (recoverable), then the error.
    try {
      trashFile(id);
    } catch {
      // the first error is the one worth reporting
    }
    throw e;
  }
}

function fillTemplateDoc(doc: GoogleAppsScript.Document.Document, model: ReportDocument, url: string): BuiltDoc {
  const id = doc.getId();
  const body = doc.getBody();
  const m = model.page.marginsMm;
  body.setPageWidth(A4_PT.width);
  body.setPageHeight(A4_PT.height);
  body.setMarginTop(m.top * PT_PER_MM);
  body.setMarginBottom(m.bottom * PT_PER_MM);
  body.setMarginLeft(m.left * PT_PER_MM);
  body.setMarginRight(m.right * PT_PER_MM);
  const textWidthPt = A4_PT.width - (m.left + m.right) * PT_PER_MM;

  const writer = new BlockWriter(model, textWidthPt);
  writer.fill(body as unknown as Container, model.body);
  if (model.header.length > 0) writer.fill(doc.addHeader() as unknown as Container, model.header);
  if (model.footer.length > 0) writer.fill(doc.addFooter() as unknown as Container, model.footer);
  doc.saveAndClose(); // design.md: save before the Docs API reads the document

  const requests: DocsRequest[] = [];
  if (model.titlePage) requests.push({ updateDocumentStyle: { documentStyle: { useFirstPageHeaderFooter: true }, fields: 'useFirstPageHeaderFooter' } });
  if (writer.rules > 0) {
    for (const range of markerParagraphs(withBackoff(() => docsService().Documents.get(id)))) {
      requests.push({
        updateParagraphStyle: {
          range,
          paragraphStyle: {
            borderBottom: { width: { magnitude: 0.75, unit: 'PT' }, padding: { magnitude: 0, unit: 'PT' }, dashStyle: 'SOLID', color: { color: { rgbColor: {} } } },
          },
          fields: 'borderBottom',
        },
      });
    }
    requests.push({ replaceAllText: { containsText: { text: RULE_MARKER, matchCase: true }, replaceText: '' } });
  }
  if (requests.length > 0) withBackoff(() => docsService().Documents.batchUpdate({ requests: requests as GoogleAppsScript.Docs.Schema.Request[] }, id));
  return { id, url };
}

/** Ranges of the body paragraphs (table cells included) whose text is the rule marker. */
function markerParagraphs(doc: GoogleAppsScript.Docs.Schema.Document): { startIndex: number; endIndex: number }[] {
  const out: { startIndex: number; endIndex: number }[] = [];
  const visit = (content: GoogleAppsScript.Docs.Schema.StructuralElement[] | undefined) => {
    for (const el of content ?? []) {
      if (el.paragraph) {
        const text = (el.paragraph.elements ?? []).map((e) => e.textRun?.content ?? '').join('');
        if (text.replace(/\n$/, '') === RULE_MARKER) out.push({ startIndex: el.startIndex ?? 0, endIndex: el.endIndex ?? 0 });
      } else if (el.table) {
        for (const row of el.table.tableRows ?? []) for (const cell of row.tableCells ?? []) visit(cell.content);
      }
    }
  };
  visit(doc.body?.content);
  return out;
}

const ALIGN: Record<Alignment, keyof typeof GoogleAppsScript.Document.HorizontalAlignment> = {
  left: 'LEFT',
  center: 'CENTER',
  right: 'RIGHT',
  justify: 'JUSTIFY',
};

/** Writes blocks into containers that start with one empty paragraph (a new body, header, footer or cell). */
class BlockWriter {
  rules = 0;
  constructor(
    private readonly model: ReportDocument,
    private readonly textWidthPt: number,
  ) {}

  /**
   * The container's trailing empty paragraph (there from creation, or added by Google after a table) is
   * reused for the next paragraph, so no stray blank line appears.
   */
  fill(c: Container, blocks: readonly Block[]): void {
    let reusable = true;
    for (const b of blocks) {
      if (b.type === 'paragraph') {
        const text = this.paragraphText(b);
        let p: GParagraph;
        if (reusable) {
          p = c.getChild(c.getNumChildren() - 1).asParagraph();
          if (text) p.appendText(text);
        } else p = c.appendParagraph(text);
        reusable = false;
        this.style(p, b);
      } else {
        const cells = b.rows.map((r) => r.cells.map(() => ''));
        // Before the reusable paragraph, a table leaves it reusable; appended, Google adds one after it.
        const t = reusable ? c.insertTable(c.getNumChildren() - 1, cells) : c.appendTable(cells);
        reusable = true;
        this.table(t, b);
      }
    }
  }

  private paragraphText(p: Paragraph): string {
    if (p.style.borderBelow && p.runs.length === 0) {
      this.rules++;
      return RULE_MARKER;
    }
    return p.runs.map((r) => (r.type === 'text' ? r.text : '')).join(''); // a page number cannot be inserted (see top)
  }

  private style(p: GParagraph, b: Paragraph): void {
    const s = b.style;
    const base = s.run ?? {};
    const left = (s.leftIndentMm ?? 0) * PT_PER_MM;
    const attrs: Record<string, unknown> = {
      [DocumentApp.Attribute.FONT_FAMILY]: this.model.page.font,
      [DocumentApp.Attribute.FONT_SIZE]: base.sizePt ?? this.model.page.sizePt,
      [DocumentApp.Attribute.BOLD]: base.bold === true,
      [DocumentApp.Attribute.ITALIC]: base.italic === true,
      [DocumentApp.Attribute.UNDERLINE]: base.underline === true,
      [DocumentApp.Attribute.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment[ALIGN[s.align ?? 'left']],
      // In Google Docs the first-line indent is measured from the margin, not from the left indent.
      [DocumentApp.Attribute.INDENT_START]: left,
      [DocumentApp.Attribute.INDENT_FIRST_LINE]: left + (s.firstLineIndentMm ?? 0) * PT_PER_MM,
      [DocumentApp.Attribute.INDENT_END]: (s.rightIndentMm ?? 0) * PT_PER_MM,
      [DocumentApp.Attribute.SPACING_BEFORE]: s.spaceBeforePt ?? 0,
      [DocumentApp.Attribute.SPACING_AFTER]: s.spaceAfterPt ?? 0,
      [DocumentApp.Attribute.LINE_SPACING]: s.lineSpacing ?? 1,
    };
    p.setAttributes(attrs as unknown as object);
    // Runs that differ from the paragraph's default style: one setAttributes per such run.
    const text = p.editAsText();
    let at = 0;
    for (const r of b.runs) {
      const len = r.type === 'text' ? r.text.length : 0;
      const diff = runDiff(r, base);
      if (len > 0 && diff) text.setAttributes(at, at + len - 1, diff as unknown as object);
      at += len;
    }
  }

  private table(t: GoogleAppsScript.Document.Table, b: Table): void {
    if (!b.borders) t.setBorderWidth(0);
    b.columnWidthsPct.forEach((pct, i) => t.setColumnWidth(i, (this.textWidthPt * pct) / 100));
    b.rows.forEach((row, r) =>
      row.cells.forEach((cell, ci) => this.fill(t.getCell(r, ci) as unknown as Container, cell.blocks)),
    );
  }
}

/** DocumentApp attributes of a run where they differ from the paragraph's default run style, or null. */
function runDiff(r: RunStyle, base: RunStyle): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (r.bold !== undefined && r.bold !== (base.bold === true)) out[DocumentApp.Attribute.BOLD] = r.bold;
  if (r.italic !== undefined && r.italic !== (base.italic === true)) out[DocumentApp.Attribute.ITALIC] = r.italic;
  if (r.underline !== undefined && r.underline !== (base.underline === true)) out[DocumentApp.Attribute.UNDERLINE] = r.underline;
  if (r.sizePt !== undefined && r.sizePt !== base.sizePt) out[DocumentApp.Attribute.FONT_SIZE] = r.sizePt;
  return Object.keys(out).length > 0 ? out : null;
}
