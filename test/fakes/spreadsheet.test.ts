// Behaviours of the SpreadsheetApp fake, from the Apps Script reference.
// Google's behaviour that the product relies on and the self-check can see live is a contract case
// (src/apps-script/contract/, run against these fakes by test/apps-script/contract.test.ts); what stays here
// is what the self-check cannot exercise on scratch files: exact error texts, scopes, contexts, fake-only strictness.
import { describe, expect, it } from 'vitest';
import { Button, createGoogleWorld, SCOPE } from './index';
import { FakeHtmlOutput } from './html';

const sheetsApp = (w = createGoogleWorld()) => ({ w, app: w.globals.SpreadsheetApp, ss: w.globals.SpreadsheetApp.getActiveSpreadsheet() });

describe('SpreadsheetApp fake', () => {
  it('reads tabs given to the world, empty cells as "", and counts getValues calls', () => {
    const { w, ss } = sheetsApp(createGoogleWorld({ sheets: { 'Số liệu': [['Chỉ tiêu', 'Giá trị'], ['Dân số', 1200, ''], ['Ngày', new Date(2025, 0, 31)]] } }));
    const sheet = ss.getSheetByName('Số liệu')!;
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(2);
    const values = sheet.getDataRange().getValues();
    expect(values[1]).toEqual(['Dân số', 1200]);
    expect(values[2][1]).toBeInstanceOf(Date);
    expect(sheet.getRange('A2:B2').getDisplayValues()).toEqual([['Dân số', '1200']]);
    expect(sheet.getRange(3, 2, 1, 1).getDisplayValues()).toEqual([['31/01/2025']]);
    expect(w.calls.count('Range.getValues')).toBe(1);
  });

  it('setValues with the wrong size throws Apps Script’s messages', () => {
    const { ss } = sheetsApp();
    const range = ss.getSheets()[0].getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setValues('x' as never)).toThrow("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
  });

  it('getSheetByName gives null for a missing tab; insertSheet refuses a duplicate name and activates the new tab', () => {
    const { ss } = sheetsApp(createGoogleWorld({ sheets: { 'Số liệu': [] } }));
    expect(ss.getSheetByName('Không có')).toBeNull();
    expect(() => ss.insertSheet('Số liệu')).toThrow('A sheet with the name "Số liệu" already exists. Please enter another name.');
    const added = ss.insertSheet('Chỉ tiêu');
    expect(ss.getActiveSheet().getName()).toBe('Chỉ tiêu');
    expect(ss.getSheets().indexOf(added) + 1).toBe(2);
  });

  it('getRange bounds, A1 forms and getRange on the spreadsheet with a tab name', () => {
    const { ss } = sheetsApp(createGoogleWorld({ sheets: { 'Tab 1': [['a', 'b'], ['c', 'd']] } }));
    const sheet = ss.getSheets()[0];
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
    expect(ss.getRange("'Tab 1'!B2").getValue()).toBe('d');
    expect(sheet.getRange(2, 1, 1, 2).getA1Notation()).toBe('A2:B2');
  });

  it('notes, number formats, validation, font weights, backgrounds, freezing, hiding, widths, protection', () => {
    const w = createGoogleWorld({ sheets: { A: [['x']], B: [] } });
    const { app, ss } = sheetsApp(w);
    const sheet = ss.getSheetByName('A')!;
    const fake = w.spreadsheet.sheet('A');
    const r = sheet.getRange('A1:B1');
    r.setNotes([[25, 'x']] as never); // numbers are accepted at run time (GF)
    expect([fake.cell(1, 1)?.note, fake.cell(1, 2)?.note]).toEqual(['25.0', 'x']);
    r.setNumberFormat('#,##0');
    expect([fake.cell(1, 1)?.numberFormat, fake.cell(1, 2)?.numberFormat]).toEqual(['#,##0', '#,##0']);
    expect(() => r.setNumberFormat(null as never)).toThrow("don't match the method signature");
    const rule = app.newDataValidation().requireValueInList(['Đạt', 'Không đạt'], true).setAllowInvalid(false).build();
    r.setDataValidation(rule);
    expect(fake.cell(1, 2)?.validation).toBe(rule);
    expect(() => app.newDataValidation().requireValueInList('Đạt' as never)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
    );
    r.setFontWeight('bold').setBackgrounds([['#fff2cc', '#fff2cc']]);
    expect([fake.cell(1, 1)?.fontWeight, fake.cell(1, 2)?.fontWeight]).toEqual(['bold', 'bold']);
    expect(r.getBackgrounds()).toEqual([['#fff2cc', '#fff2cc']]);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 240);
    expect(fake.frozenRows).toBe(1);
    expect(fake.columnWidths.get(1)).toBe(240);
    ss.getSheetByName('B')!.hideSheet();
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const p = r.protect().setDescription('Công thức');
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['canbo.thongke@example.com']);
    expect(fake.protections).toHaveLength(1);
    r.activate();
    expect(ss.getActiveSheet().getName()).toBe('A');
  });

  it('toast defaults to 5 seconds', () => {
    const { w, ss } = sheetsApp();
    ss.toast('Đã xong', 'Báo cáo');
    ss.toast('Lâu', 'Báo cáo', -1);
    expect(w.spreadsheet.toasts).toEqual([
      { msg: 'Đã xong', title: 'Báo cáo', timeoutSeconds: 5 },
      { msg: 'Lâu', title: 'Báo cáo', timeoutSeconds: -1 },
    ]);
  });
});

describe('Ui fake', () => {
  it('menus chain and show only after addToUi', () => {
    const { w, app } = sheetsApp();
    const ui = app.getUi();
    const menu = ui.createMenu('Báo cáo').addItem('Tạo báo cáo', 'generateReport').addSeparator();
    expect(w.ui.menus).toEqual([]);
    menu.addToUi();
    expect(w.ui.menu('Báo cáo')!.entries).toEqual([
      { caption: 'Tạo báo cáo', functionName: 'generateReport' },
      { separator: true },
    ]);
  });

  it('alert and prompt take scripted answers; the default is the set’s first button', () => {
    const { w, app } = sheetsApp();
    const ui = app.getUi();
    expect(ui.alert('Xin chào')).toBe(ui.Button.OK);
    w.ui.answerNext(Button.NO);
    expect(ui.alert('Xác nhận', 'Ghi đè?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Ghi đè?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(w.ui.alerts[1]).toMatchObject({ title: 'Xác nhận', prompt: 'Ghi đè?', answer: 'NO' });
    w.ui.answerPromptNext('a@example.com', Button.OK);
    const r = ui.prompt('Địa chỉ', 'Nhập email', ui.ButtonSet.OK_CANCEL);
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['a@example.com', ui.Button.OK]);
  });

  it('dialogs need the script.container.ui scope; getUi is unavailable in a time-driven trigger', () => {
    const w = createGoogleWorld({ scopes: [SCOPE.spreadsheetsCurrentOnly] });
    const html = new FakeHtmlOutput(w.rt, '<p>x</p>').setTitle('T');
    expect(() => w.globals.SpreadsheetApp.getUi().showSidebar(html)).toThrow(
      'Specified permissions are not sufficient to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    const ok = createGoogleWorld();
    ok.globals.SpreadsheetApp.getUi().showModalDialog(html, 'Hộp thoại');
    expect(ok.ui.shown[0]).toMatchObject({ kind: 'modal', title: 'Hộp thoại' });
    expect(() => createGoogleWorld({ context: 'trigger' }).globals.SpreadsheetApp.getUi()).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});
