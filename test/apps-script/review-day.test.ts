/**
 * The reviewers' comments come back, on the BUILT bundle (dist/Code.js) in a vm context holding only the
 * Google fakes: the clerk generates two reports, reviewers comment and reply on them in Drive, one report is
 * later deleted, and «Xem góp ý» lists every comment and reply with author, time, quoted text and state in
 * the «Góp ý» tab (one write) and the sidebar, logging the reports that still have open comments. Input
 * tabs stay identical; Drive calls are one Comments.list per report.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { Button, createGoogleWorld, type GoogleWorld } from '../fakes/index';
import { loadBundle, type LoadedBundle } from '../fakes/load-bundle';
import { DVK } from '../helpers/workbook';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

function inputTabs(world: GoogleWorld): string {
  const names = new Set(DVK.tabs.map((t) => t.name));
  return JSON.stringify(world.spreadsheet.sheets.filter((s) => names.has(s.getName())).map((s) => [s.getName(), s.dump()]));
}

function tab(world: GoogleWorld, name: string): unknown[][] {
  return world.spreadsheet.sheets.find((s) => s.getName() === name)?.dump() ?? [];
}

/** The JSON the sidebar page was given (DATA = …;), as the browser would parse it. */
function sidebarData(world: GoogleWorld): { reports: { report: { name: string }; open: number; error: string; comments: { author: string; when: string; quoted: string; content: string; resolved: boolean; replies: { author: string; content: string; action: string }[] }[] }[]; notices: string[] } {
  const shown = world.ui.shown.at(-1);
  expect(shown?.kind).toBe('sidebar');
  const html = shown!.html.getContent();
  const json = /var DATA = (.*);\n/.exec(html)![1];
  return JSON.parse(json);
}

describe('«Xem góp ý»: reviewers’ comments back in the commune’s Sheet', () => {
  let world: GoogleWorld;
  let gas: LoadedBundle;
  const reportIds: string[] = [];

  beforeAll(() => {
    world = createGoogleWorld();
    gas = loadBundle(world);
    gas.call('onOpen', {});
    world.ui.answerNext(Button.YES);
    gas.call('setupWorkbook');
    gas.call('createDefaultTemplate');
    for (let i = 0; i < 2; i++) {
      world.ui.answerNext(Button.YES); // the sample's forest-cover warning
      world.clock.advance(60_000);
      gas.call('generateReport');
      const log = tab(world, 'Nhật ký');
      const id = /document\/d\/([\w-]+)/.exec(String(log.at(-1)?.[3]))![1];
      reportIds.push(id);
    }
  });

  it('is a menu item whose handler is a top-level function of Code.js', () => {
    const items = (world.ui.menu('Báo cáo')?.entries ?? []).flatMap((e) => ('caption' in e ? [e] : []));
    const item = items.find((i) => i.caption === 'Xem góp ý');
    expect(item?.functionName).toBe('showComments');
    expect(gas.topLevelFunctions()).toContain('showComments');
  });

  it('with no comment yet: one row per report saying so, nothing logged as open', () => {
    const logRows = tab(world, 'Nhật ký').length;
    gas.call('showComments');
    const rows = tab(world, 'Góp ý');
    expect(rows[0]).toEqual(['Báo cáo', 'Liên kết', 'Loại', 'Người viết', 'Thời gian', 'Đoạn được góp ý', 'Nội dung', 'Trạng thái']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['Chưa có góp ý', 'Chưa có góp ý']);
    expect(tab(world, 'Nhật ký').length).toBe(logRows);
    expect(sidebarData(world).reports.map((r) => r.open)).toEqual([0, 0]);
  });

  it('lists each comment and reply with author, time, quoted text and state; one read per report, one tab write, one log append', () => {
    const [first, second] = reportIds;
    world.drive.comments.add(first, {
      author: 'Ban Dân vận Thị ủy',
      content: 'Sản lượng lúa: đề nghị ghi rõ bình quân năm.',
      quoted: 'sản lượng đạt 6.043,6 tấn',
      at: '2025-01-16T02:30:00.000Z',
      replies: [{ author: 'Văn phòng UBND xã', content: 'Đã bổ sung.', at: '2025-01-16T03:00:00.000Z' }],
    });
    world.drive.comments.add(first, {
      author: 'Phòng Nội vụ',
      content: 'Thiếu số văn bản.',
      at: '2025-01-16T04:00:00.000Z',
      replies: [{ author: 'Phòng Nội vụ', content: '', action: 'resolve', at: '2025-01-16T05:00:00.000Z' }],
    });
    world.drive.comments.add(first, { author: 'Phòng Nội vụ', content: 'Bình luận đã xóa', deleted: true });
    world.drive.comments.add(second, { author: 'Ban Dân vận Thị ủy', content: '=SUM(A1:A9) không phải công thức', quoted: 'tỷ lệ che phủ rừng', at: '2025-01-17T01:00:00.000Z' });

    const before = inputTabs(world);
    const logBefore = tab(world, 'Nhật ký').length;
    world.calls.reset();
    gas.call('showComments');
    const counts = world.calls.snapshot();
    console.log('showComments calls:', JSON.stringify(counts));
    expect(world.calls.count('Drive.Comments.list')).toBe(2);
    expect(world.calls.count('Drive.Files')).toBe(0);
    expect(world.calls.count('Range.setValues')).toBe(2); // the «Góp ý» tab, then the log append
    expect(world.calls.count('Range.getValues')).toBe(1); // the log, to know the reports

    const rows = tab(world, 'Góp ý');
    const [name1] = [String(rows[1][0])];
    const body = rows.slice(1).filter((r) => r[0] !== '');
    // Newest report first (the log's order), then its comments oldest first, each followed by its replies.
    expect(body.map((r) => [r[2], r[3], r[5], r[6], r[7]])).toEqual([
      ['Góp ý', 'Ban Dân vận Thị ủy', 'tỷ lệ che phủ rừng', "=SUM(A1:A9) không phải công thức", 'Chưa giải quyết'],
      ['Góp ý', 'Ban Dân vận Thị ủy', 'sản lượng đạt 6.043,6 tấn', 'Sản lượng lúa: đề nghị ghi rõ bình quân năm.', 'Chưa giải quyết'],
      ['Trả lời', 'Văn phòng UBND xã', '', 'Đã bổ sung.', ''],
      ['Góp ý', 'Phòng Nội vụ', '', 'Thiếu số văn bản.', 'Đã giải quyết'],
      ['Trả lời', 'Phòng Nội vụ', '', 'Đánh dấu đã giải quyết', 'Đánh dấu đã giải quyết'],
    ]);
    expect(String(body[1][1])).toContain(first);
    expect(name1).toMatch(/^Báo cáo Dân vận khéo 2020-2023 - Phổ Phong - /);
    // The time is a real date in the Sheet (16/01/2025 09:30 in Hà Nội).
    expect(new Date(String(body[1][4])).toISOString()).toBe('2025-01-16T02:30:00.000Z');

    const log = tab(world, 'Nhật ký');
    const added = log.slice(logBefore);
    expect(added.map((r) => [r[1], r[5]])).toEqual([
      ['Xem góp ý', 'Còn 1 góp ý chưa giải quyết'],
      ['Xem góp ý', 'Còn 1 góp ý chưa giải quyết'],
    ]);
    expect(String(added[1][3])).toContain(first);

    const data = sidebarData(world);
    expect(data.reports.map((r) => r.open)).toEqual([1, 1]);
    const c = data.reports[1].comments[0];
    expect(c).toMatchObject({ author: 'Ban Dân vận Thị ủy', when: '16/01/2025 09:30', quoted: 'sản lượng đạt 6.043,6 tấn', resolved: false });
    expect(c.replies).toEqual([expect.objectContaining({ author: 'Văn phòng UBND xã', content: 'Đã bổ sung.' })]);
    // Stored as text, not run as a formula.
    const sheet = world.spreadsheet.sheets.find((s) => s.getName() === 'Góp ý')!;
    expect(sheet.getRange(1, 1, rows.length, 8).getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(inputTabs(world)).toEqual(before);
  });

  it('a deleted report is listed with the reason; the other is still read; a shorter list leaves no stale rows', () => {
    const [first, second] = reportIds;
    const longBefore = tab(world, 'Góp ý').length;
    world.driveStore.files.delete(first);
    world.drive.comments.add(second, { author: 'Phòng Nội vụ', content: 'Đồng ý', at: '2025-01-18T01:00:00.000Z', replies: [{ author: 'Phòng Nội vụ', content: '', action: 'resolve' }] });
    gas.call('showComments');
    const rows = tab(world, 'Góp ý');
    expect(rows.length).toBeLessThan(longBefore); // the earlier, longer list left nothing behind
    const body = rows.slice(1).filter((r) => r.some((v) => v !== ''));
    expect(body.map((r) => [r[2], r[6]])).toEqual([
      ['Góp ý', "=SUM(A1:A9) không phải công thức"],
      ['Góp ý', 'Đồng ý'],
      ['Trả lời', 'Đánh dấu đã giải quyết'],
      ['Lỗi', `Không đọc được góp ý của báo cáo này: File not found: ${first}.`],
    ]);
    const data = sidebarData(world);
    expect(data.reports[1].error).toContain('File not found');
    const last = tab(world, 'Nhật ký').slice(-2);
    expect(last.map((r) => r[5])).toEqual(['Còn 1 góp ý chưa giải quyết', 'Lỗi']);
  });

  it('without any report in the log the sidebar says to generate first, and no tab is made', () => {
    const w = createGoogleWorld();
    const g = loadBundle(w);
    g.call('showComments');
    const html = w.ui.shown.at(-1)?.html.getContent() ?? '';
    expect(html).toContain('Chưa có báo cáo nào trong trang «Nhật ký»');
    expect(w.spreadsheet.sheets.map((s) => s.getName())).not.toContain('Góp ý');
  });

  it('without the Drive service the clerk gets a sentence, not a stack', () => {
    const w = createGoogleWorld({ advancedServices: ['Docs'] });
    const g = loadBundle(w);
    w.spreadsheet.addSheet('Nhật ký', [
      ['Thời gian', 'Việc', 'Báo cáo', 'Liên kết', 'Người nhận', 'Kết quả', 'Chi tiết'],
      [new Date(), 'Tạo báo cáo', 'Báo cáo 1', 'https://docs.google.com/document/d/1docxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx000001/edit', '', 'Thành công', ''],
    ]);
    g.call('showComments');
    const data = sidebarData(w);
    expect(data.reports[0].error).toMatch(/^Không đọc được góp ý của báo cáo này: /);
  });
});
