// Drive.Comments fake: deleted left out, resolved from reviewers' replies, drive.file.
// Google's behaviour that the product relies on and the self-check can see live is a contract case
// (src/apps-script/contract/, run against these fakes by test/apps-script/contract.test.ts); what stays here
// is what the self-check cannot exercise on scratch files: exact error texts, scopes, contexts, fake-only strictness.
import { describe, expect, it } from 'vitest';
import { createGoogleWorld, SCOPE } from './index';

describe('Drive comments fake', () => {
  it('lists comments with only the fields asked, replies inside, deleted ones left out, pages of pageSize', () => {
    const w = createGoogleWorld();
    const doc = w.driveStore.addDoc('Báo cáo', ['x']);
    w.drive.comments.add(doc.id, { author: 'Ban Dân vận', content: 'Xem lại số liệu lúa', quoted: '6.043,6 tấn', replies: [{ author: 'Cán bộ xã', content: 'Đã sửa', action: 'resolve' }] });
    w.drive.comments.add(doc.id, { author: 'Phòng Nội vụ', content: 'Đã xóa', deleted: true });
    w.drive.comments.add(doc.id, { author: 'Phòng Nội vụ', content: 'Bổ sung số hộ nghèo' });
    const page = w.globals.Drive!.Comments.list(doc.id, { fields: 'nextPageToken,comments(author(displayName),content,resolved,quotedFileContent(value),replies(content,action))', pageSize: 1 });
    expect(page.comments).toEqual([
      { author: { displayName: 'Ban Dân vận' }, content: 'Xem lại số liệu lúa', resolved: true, quotedFileContent: { value: '6.043,6 tấn' }, replies: [{ content: 'Đã sửa', action: 'resolve' }] },
    ]);
    const next = w.globals.Drive!.Comments.list(doc.id, { fields: 'nextPageToken,comments(content,resolved)', pageSize: 1, pageToken: page.nextPageToken });
    expect(next).toEqual({ comments: [{ content: 'Bổ sung số hộ nghèo', resolved: false }] });
    const withDeleted = w.globals.Drive!.Comments.list(doc.id, { fields: 'comments(deleted)', includeDeleted: true });
    expect(withDeleted.comments).toHaveLength(3);
  });

  it('the last reply with action resolve or reopen sets the comment’s state; under drive.file another person’s file is not found', () => {
    const w = createGoogleWorld();
    const doc = w.driveStore.addDoc('Báo cáo', ['x']);
    w.drive.comments.add(doc.id, { author: 'Ban Dân vận', content: 'Sửa tiêu đề', replies: [{ author: 'Cán bộ xã', content: 'Xong', action: 'resolve' }, { author: 'Ban Dân vận', content: 'Chưa', action: 'reopen' }] });
    expect(w.globals.Drive!.Comments.list(doc.id, { fields: 'comments(resolved,replies(action))' })).toEqual({ comments: [{ resolved: false, replies: [{ action: 'resolve' }, { action: 'reopen' }] }] });
    const other = w.driveStore.addDoc('Của xã khác', ['x'], { appCreated: false });
    expect(() => w.globals.Drive!.Comments.list(other.id, { fields: 'comments(id)' })).toThrow(`File not found: ${other.id}.`);
    const full = createGoogleWorld({ scopes: [SCOPE.drive] });
    const visible = full.driveStore.addDoc('x', ['x'], { appCreated: false });
    expect(full.globals.Drive!.Comments.list(visible.id, { fields: 'comments(id)' })).toEqual({ comments: [] });
  });
});
