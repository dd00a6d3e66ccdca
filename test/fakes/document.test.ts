// Behaviours of the DocumentApp fake, from the Apps Script reference.
// Google's behaviour that the product relies on and the self-check can see live is a contract case
// (src/apps-script/contract/, run against these fakes by test/apps-script/contract.test.ts); what stays here
// is what the self-check cannot exercise on scratch files: exact error texts, scopes, contexts, fake-only strictness.
import { describe, expect, it } from 'vitest';
import { createGoogleWorld } from './index';

const newDoc = () => {
  const w = createGoogleWorld();
  const doc = w.globals.DocumentApp.create('Báo cáo tháng');
  return { w, doc, body: doc.getBody(), DocumentApp: w.globals.DocumentApp };
};

describe('DocumentApp fake', () => {
  it('a new document is a Drive file with one empty paragraph, no header and no footer', () => {
    const { w, doc, body } = newDoc();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
    expect(doc.getHeader()).toBeNull();
    expect(doc.getFooter()).toBeNull();
    expect(w.driveStore.file(doc.getId())).toMatchObject({ name: 'Báo cáo tháng', mimeType: 'application/vnd.google-apps.document' });
  });

  it('replaceText: RE2-like pattern per paragraph, literal replacement, no lookaround or backreferences', () => {
    const { body } = newDoc();
    body.appendParagraph('Dân số {{dan_so}} người, {{dan_so}} khẩu');
    body.appendParagraph('{{tach');
    body.appendParagraph('biet}}');
    body.replaceText('\\{\\{dan_so\\}\\}', '1.200 $1');
    expect(body.getChild(1).asParagraph().getText()).toBe('Dân số 1.200 $1 người, 1.200 $1 khẩu');
    body.replaceText('\\{\\{tach\\s*biet\\}\\}', 'X');
    expect(body.getText()).toContain('{{tach\nbiet}}'); // no match across paragraphs
    expect(() => body.replaceText('(?=a)', 'b')).toThrow();
    expect(() => body.replaceText('(a)\\1', 'b')).toThrow();
  });

  it('replaced text keeps the formatting of the first replaced character', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('Tổng: {{tong}}.');
    p.editAsText().setBold(6, 13, true);
    p.replaceText('\\{\\{tong\\}\\}', '42');
    const t = p.editAsText();
    expect(t.getText()).toBe('Tổng: 42.');
    expect([t.isBold(5), t.isBold(6), t.isBold(7), t.isBold(8)]).toEqual([null, true, true, null]);
    expect(t.getTextAttributeIndices()).toEqual([0, 6, 8]);
  });

  it('deleteText past the end of the text throws', () => {
    const { body } = newDoc();
    const t = body.appendParagraph('Hà Nội').editAsText();
    expect(() => t.deleteText(3, 99)).toThrow();
    expect(t.getText()).toBe('Hà Nội');
  });

  it('paragraph attributes, as the template builder sets them, read back and reach the text', () => {
    const { body, DocumentApp } = newDoc();
    const p = body.appendParagraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    p.setAttributes({ [DocumentApp.Attribute.BOLD]: true, [DocumentApp.Attribute.INDENT_START]: 10, [DocumentApp.Attribute.HORIZONTAL_ALIGNMENT]: DocumentApp.HorizontalAlignment.CENTER });
    const attrs = p.getAttributes();
    expect([attrs[DocumentApp.Attribute.BOLD], attrs[DocumentApp.Attribute.INDENT_START], attrs[DocumentApp.Attribute.HORIZONTAL_ALIGNMENT]]).toEqual([true, 10, DocumentApp.HorizontalAlignment.CENTER]);
    expect(p.editAsText().isBold()).toBe(true);
  });

  it('tables: appending an attached row throws Google’s message; getText joins cells by tabs', () => {
    const { body } = newDoc();
    const table = body.appendTable([['{{#ds}}', '{{ten}}']]);
    const template = table.getRow(0);
    const copy = template.copy();
    expect(copy.getParent()).toBeNull();
    table.appendTableRow(copy);
    table.insertTableRow(0, template.copy()).getCell(0).editAsText().setText('Đầu');
    expect(table.getNumRows()).toBe(3);
    expect(() => table.appendTableRow(template)).toThrow('Element must be detached.');
    const removed = table.removeRow(1);
    expect(removed.getParent()).toBeNull();
    expect(table.getText()).toBe('Đầu\t{{ten}}\n{{#ds}}\t{{ten}}');
    expect(table.getRow(0).getNumCells()).toBe(2);
  });

  it('after saveAndClose edits throw; openById reopens', () => {
    const { w, doc, body, DocumentApp } = newDoc();
    doc.saveAndClose();
    expect(() => body.appendParagraph('x')).toThrow('Document is closed');
    const again = DocumentApp.openById(doc.getId());
    again.getBody().appendParagraph('x');
    expect(w.docText(doc.getId()).body).toBe('\nx');
    expect(() => DocumentApp.openById('nope')).toThrow('Document is missing');
  });

  it('needs the documents scope and is unavailable in a simple trigger', () => {
    expect(() => createGoogleWorld({ scopes: [] }).globals.DocumentApp.create('x')).toThrow('Required permissions: https://www.googleapis.com/auth/documents');
    expect(() => createGoogleWorld({ context: 'simpleTrigger' }).globals.DocumentApp.create('x')).toThrow('You do not have permission to call DocumentApp.create');
  });
});
