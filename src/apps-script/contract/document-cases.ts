/** DocumentApp behaviour the Google Docs port and the template builder rely on (docs-port.ts, doc-builder.ts). */
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
];
