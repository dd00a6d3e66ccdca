/**
 * DocumentApp behaviour the Google Docs port, the template builder and the template reader rely on (docs-port.ts,
 * docs-tree.ts, doc-builder.ts, template-content.ts, header-footer-values.ts). DocumentApp works on the Doc in
 * memory until saveAndClose, so these cases cost one Drive call each (the scratch Doc) and no Docs API call.
 */
import { SELF_CHECK_MSG as M } from '../messages';
import { expectThat, shown } from './check';
import type { ContractCase } from './types';

export const DOCUMENT_CASES: ContractCase[] = [
  {
    id: 'documentApp.elements',
    label: M.documentApp,
    needs: ['drive.createDoc'],
    check(ctx) {
      const doc = ctx.newDoc(['a {{x}} b {{x}}']);
      const id = doc.getId();
      const body = doc.getBody();
      expectThat(doc.getHeader() === null && doc.getFooter() === null, M.noHeaderYet, shown([doc.getHeader() === null, doc.getFooter() === null]));
      // findText: inclusive offsets, continued from the previous result.
      const first = body.findText('\\{\\{x\\}\\}');
      const second = first ? body.findText('\\{\\{x\\}\\}', first) : null;
      const offsets = [first?.getStartOffset(), first?.getEndOffsetInclusive(), second?.getStartOffset()];
      expectThat(shown(offsets) === shown([2, 6, 10]), shown([2, 6, 10]), offsets);
      // A table is followed by a paragraph: a document section cannot end with a table.
      body.appendTable([['STT', 'Chỉ tiêu']]);
      const last = body.getChild(body.getNumChildren() - 1);
      expectThat(last.getType() === DocumentApp.ElementType.PARAGRAPH, M.paragraphAfterTable, String(last.getType()));
      // copy() is detached; an attached element cannot be appended again.
      const copy = body.getParagraphs()[0].copy();
      expectThat(copy.getParent() === null, M.detachedCopy, 'getParent() ≠ null');
      copy.setText('Bản sao');
      body.appendParagraph(copy);
      // replaceText: a regular expression, within one paragraph.
      body.replaceText('\\{\\{x\\}\\}', 'X');
      doc.saveAndClose();
      const text = DocumentApp.openById(id).getBody().getText();
      expectThat(text.startsWith('a X b X\n') && text.endsWith('Bản sao'), shown('a X b X … Bản sao'), shown(text));
      return M.merged(shown(text));
    },
  },
  {
    id: 'documentApp.sections',
    label: M.documentSections,
    needs: ['drive.createDoc'],
    check(ctx) {
      const doc = ctx.newDoc(['Thân']);
      const id = doc.getId();
      doc.addHeader().getParagraphs()[0].setText('Đầu trang');
      doc.addFooter().getParagraphs()[0].setText('Chân trang');
      let second = '';
      try {
        doc.addHeader();
      } catch (e) {
        second = String((e as Error).message ?? e);
      }
      expectThat(second !== '', M.secondHeaderRefused, M.accepted);
      // Page size and margins, in points, as the template reader copies them from the template.
      const body = doc.getBody();
      body.setPageWidth(595).setPageHeight(842).setMarginTop(56).setMarginBottom(56).setMarginLeft(85).setMarginRight(42);
      doc.saveAndClose();
      const again = DocumentApp.openById(id);
      const b = again.getBody();
      const page = [b.getPageWidth(), b.getPageHeight(), b.getMarginTop(), b.getMarginBottom(), b.getMarginLeft(), b.getMarginRight()];
      const want = [595, 842, 56, 56, 85, 42];
      expectThat(page.every((v, i) => Math.abs(v - want[i]) < 0.5), shown(want), page);
      const texts = [again.getHeader()?.getText(), again.getFooter()?.getText()];
      expectThat(texts[0] === 'Đầu trang' && texts[1] === 'Chân trang', shown(['Đầu trang', 'Chân trang']), texts);
      return M.readBack(shown(page), '');
    },
  },
  {
    id: 'documentApp.text',
    label: M.documentText,
    needs: ['drive.createDoc'],
    check(ctx) {
      const doc = ctx.newDoc(['Tổng: 42.']);
      const body = doc.getBody();
      const p = body.getParagraphs()[0];
      const text = p.editAsText();
      text.setBold(6, 7, true);
      const runs = text.getTextAttributeIndices();
      expectThat(shown(runs) === shown([0, 6, 8]), shown([0, 6, 8]), runs);
      text.insertText(6, 'đúng ');
      text.deleteText(0, 5);
      const after = [text.getText(), text.isBold(0) === true, text.isBold(6) === true]; // unset may read as null or false
      expectThat(shown(after) === shown(['đúng 42.', false, true]), shown(['đúng 42.', false, true]), after);
      // An attached element cannot be appended again; the last paragraph of a section cannot be removed.
      let attached = '';
      try {
        body.appendParagraph(p);
      } catch (e) {
        attached = String((e as Error).message ?? e);
      }
      expectThat(attached !== '', M.attachedRefused, M.accepted);
      let lastRemoved = '';
      try {
        body.removeChild(body.getChild(body.getNumChildren() - 1));
      } catch (e) {
        lastRemoved = String((e as Error).message ?? e);
      }
      expectThat(lastRemoved !== '', M.lastParagraphKept, M.accepted);
      doc.saveAndClose();
      let closed = '';
      try {
        body.appendParagraph('sau khi đóng');
      } catch (e) {
        closed = String((e as Error).message ?? e);
      }
      expectThat(closed !== '', M.closedRefused, M.accepted);
      return M.merged(shown(after[0]));
    },
  },
  {
    id: 'documentApp.tables',
    label: M.documentTables,
    needs: ['drive.createDoc'],
    check(ctx) {
      const doc = ctx.newDoc(['Bảng']);
      const table = doc.getBody().appendTable([['{{#ds}}', '{{ten}}']]);
      const template = table.getRow(0);
      const copy = template.copy();
      expectThat(copy.getParent() === null, M.detachedCopy, 'getParent() ≠ null');
      table.appendTableRow(copy);
      table.insertTableRow(0, template.copy()).getCell(0).editAsText().setText('Đầu');
      const removed = table.removeRow(1);
      expectThat(removed.getParent() === null, M.detachedCopy, 'getParent() ≠ null');
      const cells: string[] = [];
      for (let r = 0; r < table.getNumRows(); r++) for (let c = 0; c < table.getRow(r).getNumCells(); c++) cells.push(table.getCell(r, c).getText());
      const want = ['Đầu', '{{ten}}', '{{#ds}}', '{{ten}}'];
      expectThat(shown(cells) === shown(want), shown(want), cells);
      doc.saveAndClose();
      return M.merged(shown(cells));
    },
  },
];
