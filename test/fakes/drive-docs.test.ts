// Behaviours of the Drive v3 and Docs v1 advanced-service fakes, from the Apps Script reference.
// Google's behaviour that the product relies on and the self-check can see live is a contract case
// (src/apps-script/contract/, run against these fakes by test/apps-script/contract.test.ts); what stays here
// is what the self-check cannot exercise on scratch files: exact error texts, scopes, contexts, fake-only strictness.
import { describe, expect, it } from 'vitest';
import { createGoogleWorld, MIME, SCOPE } from './index';

describe('Drive advanced service fake', () => {
  it('errors are GoogleJsonResponseException-style; a file the app did not create is invisible under drive.file', () => {
    const w = createGoogleWorld();
    const other = w.driveStore.addDoc('Của người khác', ['x'], { appCreated: false });
    let err: Error | undefined;
    try {
      w.globals.Drive!.Files.get(other.id);
    } catch (e) {
      err = e as Error;
    }
    expect(err?.name).toBe('GoogleJsonResponseException');
    expect(err?.message).toBe(`API call to drive.files.get failed with error: File not found: ${other.id}.`);
    const full = createGoogleWorld({ scopes: [SCOPE.drive, SCOPE.documents] });
    const visible = full.driveStore.addDoc('x', ['x'], { appCreated: false });
    expect(full.globals.Drive!.Files.get(visible.id).name).toBe('x');
    expect(() => w.globals.Drive!.Files.get(w.spreadsheet.id)).toThrow('File not found');
  });

  it('create converts a text blob to a Google Doc; update moves only with addParents/removeParents, and trashes', () => {
    const w = createGoogleWorld();
    const Drive = w.globals.Drive!;
    const a = w.driveStore.addFolder('A');
    const b = w.driveStore.addFolder('B');
    const blob = { getContentType: () => 'text/plain', getDataAsString: () => 'Dòng 1\nDòng 2', getName: () => 'mau.txt' } as unknown as GoogleAppsScript.Base.Blob;
    const doc = Drive.Files.create({ name: 'Mẫu', mimeType: MIME.doc, parents: [a.id] }, blob);
    expect(w.docText(doc.id!).body).toBe('Dòng 1\nDòng 2');
    expect(() => Drive.Files.update({ parents: [b.id] }, doc.id!)).toThrow('not directly writable');
    Drive.Files.update({}, doc.id!, null as unknown as GoogleAppsScript.Base.Blob, { addParents: b.id, removeParents: a.id }); // facts §3: null blob
    expect(w.driveStore.file(doc.id!)!.parents).toEqual([b.id]);
    Drive.Files.update({ trashed: true }, doc.id!);
    expect(w.driveStore.file(doc.id!)!.trashed).toBe(true);
    expect(() => Drive.Files.get(doc.id!, { alt: 'media' })).toThrow('Use Export with Docs Editors files');
  });

  it('Permissions.create/list, with notification e-mails recorded', () => {
    const w = createGoogleWorld({ googleAccounts: ['lanh.dao@example.com'] });
    const Drive = w.globals.Drive!;
    const doc = w.driveStore.addDoc('Báo cáo', ['x']);
    const p = Drive.Permissions.create({ role: 'commenter', type: 'user', emailAddress: 'lanh.dao@example.com' }, doc.id, {
      sendNotificationEmail: true,
      emailMessage: 'Kính gửi báo cáo',
    });
    expect(p).toMatchObject({ kind: 'drive#permission', role: 'commenter', type: 'user', emailAddress: 'lanh.dao@example.com' });
    expect(w.driveStore.notifications).toEqual([{ fileId: doc.id, emailAddress: 'lanh.dao@example.com', role: 'commenter', emailMessage: 'Kính gửi báo cáo' }]);
    Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: 'lanh.dao@example.com' }, doc.id, { sendNotificationEmail: false });
    const list = Drive.Permissions.list(doc.id).permissions!;
    expect(list.map((x) => x.role)).toEqual(['owner', 'reader']);
    expect(() =>
      Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: 'ngoai@khac.vn' }, doc.id, { sendNotificationEmail: false }),
    ).toThrow('Since there is no Google account associated with this email address');
    expect(() => Drive.Permissions.create({ role: 'editor', type: 'user', emailAddress: 'a@b.vn' }, doc.id)).toThrow('drive.permissions.create');
  });

  it('failure injection: the next call throws the injected error, then calls work again', () => {
    const w = createGoogleWorld();
    const doc = w.driveStore.addDoc('Mẫu', ['x']);
    w.drive.failNext('Files.copy', 'User rate limit exceeded.', { code: 429 });
    expect(() => w.globals.Drive!.Files.copy({ name: 'a' }, doc.id)).toThrow(
      'API call to drive.files.copy failed with error: User rate limit exceeded.',
    );
    expect(w.globals.Drive!.Files.copy({ name: 'a' }, doc.id).name).toBe('a');
    expect(w.calls.count('Drive.Files.copy')).toBe(2);
    w.failNext('Range.setValues', new Error('Service Spreadsheets timed out'));
    const range = w.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
    expect(() => range.setValues([[1]])).toThrow('timed out');
    expect(w.calls.pendingFailures()).toEqual({});
  });
});

describe('Docs advanced service fake', () => {
  const setup = () => {
    const w = createGoogleWorld();
    const doc = w.globals.DocumentApp.create('Báo cáo');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Xã {{ten_xa}}, ngày {{ngay}}');
    const p = body.appendParagraph('Tỷ lệ {{ty_le}} và {{ty_le}}');
    p.editAsText().setBold(6, 9, true); // "{{ty" bold, "_le}}" not: a tag split across formatting runs
    body.appendTable([['{{ten_xa}}', '{{a}}']]);
    doc.addHeader().getChild(0).asParagraph().setText('UBND xã {{ten_xa}}');
    doc.addFooter().getChild(0).asParagraph().setText('Trang {{trang}}');
    return { w, doc, Docs: w.globals.Docs! };
  };

  it('refuses a document with unsaved DocumentApp edits (call saveAndClose first)', () => {
    const { doc, Docs } = setup();
    expect(() => Docs.Documents.get(doc.getId())).toThrow('saveAndClose');
  });

  it('Documents.get: section break, paragraphs with textRuns ending in \\n, tables, header; UTF-16 indexes from 1', () => {
    const { doc, Docs } = setup();
    doc.saveAndClose();
    const d = Docs.Documents.get(doc.getId());
    const content = d.body!.content!;
    expect(content[0]).toMatchObject({ endIndex: 1, sectionBreak: {} });
    const first = content[1].paragraph!.elements!;
    expect(first.map((e) => e.textRun!.content).join('')).toBe('Xã {{ten_xa}}, ngày {{ngay}}\n');
    expect(content[1]).toMatchObject({ startIndex: 1, endIndex: 1 + 'Xã {{ten_xa}}, ngày {{ngay}}\n'.length });
    expect(content[2].paragraph!.elements!.map((e) => [e.textRun!.content, e.textRun!.textStyle!.bold ?? false])).toEqual([
      ['Tỷ lệ ', false],
      ['{{ty', true],
      ['_le}} và {{ty_le}}\n', false],
    ]);
    expect(content[3].table!.tableRows![0].tableCells![0].content![0].paragraph!.elements![0].textRun!.content).toBe('{{ten_xa}}\n');
    expect(content[content.length - 1].paragraph).toBeDefined();
    const headerId = d.documentStyle!.defaultHeaderId!;
    expect((d.headers as Record<string, GoogleAppsScript.Docs.Schema.Header>)[headerId].content![0].startIndex).toBe(0);
    expect(() => Docs.Documents.get('missing')).toThrow('API call to docs.documents.get failed with error: Requested entity was not found.');
  });
});
