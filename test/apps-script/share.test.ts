/**
 * Sharing a report with the «Nơi nhận» tab's people (src/apps-script/share.ts) against the Google fakes:
 * validation before any share, one failure not stopping the others, rate-limit backoff, idempotence, only
 * 'user' permissions, the document lock, one log row per person.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GENERATE_MSG, MSG, SHARE_MSG } from '../../src/apps-script/messages';
import { shareDialogData, shareSelectedReport } from '../../src/apps-script/share';
import { readRecipients } from '../../src/apps-script/share-recipients';
import { recentReportsFromLog } from '../../src/apps-script/share-log';
import { appendLog } from '../../src/apps-script/settings';
import { createGoogleWorld, type GoogleWorld } from '../fakes/index';
import { installGlobals } from '../fakes/globals';

const HEADER = ['Nơi nhận', 'E-mail', 'Quyền khi chia sẻ'];

function recipientsTab(rows: unknown[][]): unknown[][] {
  return [['Nơi nhận báo cáo; người có e-mail sẽ được chia sẻ bản báo cáo.'], [], ['NƠI NHẬN'], HEADER, ...rows];
}

const PEOPLE = [
  ['UBND thị xã Đức Phổ', 'ubnd.ducpho@example.com', ''],
  ['Ban Dân vận Thị ủy', 'BanDanVan@Example.com', 'Nhận xét'],
  ['Lưu: VT', '', ''],
  ['Thường trực Đảng ủy', 'dangUy@example.com', 'Chỉnh sửa'],
];

interface Setup {
  world: GoogleWorld;
  reportId: string;
  restore: () => void;
}

function setUp(people: unknown[][] = PEOPLE, opts: { withReport?: boolean; withPdf?: boolean } = {}): Setup {
  const world = createGoogleWorld({ sheets: { 'Nơi nhận': recipientsTab(people), 'Nhật ký': [] } });
  const report = world.driveStore.addDoc('Báo cáo Dân vận khéo 2025', ['Nội dung']);
  const older = world.driveStore.addDoc('Báo cáo cũ', ['Nội dung']);
  const log = world.spreadsheet.sheet('Nhật ký');
  const rows: unknown[][] = [['Thời gian', 'Việc', 'Báo cáo', 'Liên kết', 'Người nhận', 'Kết quả', 'Chi tiết']];
  rows.push([new Date(Date.UTC(2025, 0, 10, 2)), 'Tạo báo cáo', 'Báo cáo cũ', `https://docs.google.com/document/d/${older.id}/edit`, '', 'Xong', '']);
  if (opts.withReport !== false) {
    // «Tạo báo cáo» writes the PDF's link in the detail column when it saved one (GENERATE_MSG.logPdf).
    const pdf = opts.withPdf ? world.driveStore.add({ name: 'Báo cáo Dân vận khéo 2025.pdf', mimeType: 'application/pdf', content: '%PDF' }) : null;
    const detail = pdf ? GENERATE_MSG.logPdf(`https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk`) : '';
    rows.push([new Date(Date.UTC(2025, 0, 14, 2)), 'Tạo báo cáo', 'Báo cáo Dân vận khéo 2025', `https://docs.google.com/document/d/${report.id}/edit`, '', 'Xong', detail]);
  }
  log.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  world.calls.reset();
  const restore = installGlobals(world);
  return { world, reportId: report.id, restore };
}

let current: Setup | null = null;
function start(people?: unknown[][], opts?: { withReport?: boolean; withPdf?: boolean }): Setup {
  current = setUp(people, opts);
  return current;
}
afterEach(() => {
  current?.restore();
  current = null;
  vi.restoreAllMocks();
});

function permissionsOf(world: GoogleWorld, id: string) {
  return world.driveStore.file(id)!.permissions.filter((p) => p.role !== 'owner');
}

function logRows(world: GoogleWorld): unknown[][] {
  return world.spreadsheet.sheet('Nhật ký').dump().filter((r) => r[1] === 'Chia sẻ');
}

describe('reading the «Nơi nhận» tab and the log', () => {
  it('lists recipients with an e-mail, each with where it is typed; refused rows name their cell (the core reader’s rules)', () => {
    const read = readRecipients('Nơi nhận', recipientsTab([...PEOPLE, ['Xã bên', 'khong-phai-email', ''], ['Trùng', 'UBND.DucPho@example.com', ''], ['Sai quyền', 'x@example.com', 'Sở hữu']]));
    expect(read.notices).toEqual([]);
    expect(read.recipients.filter((r) => r.problem === '').map((r) => [r.email, r.role, r.where])).toEqual([
      ['ubnd.ducpho@example.com', '', 'Nơi nhận!B5'],
      ['bandanvan@example.com', 'Nhận xét', 'Nơi nhận!B6'],
      ['danguy@example.com', 'Chỉnh sửa', 'Nơi nhận!B8'],
    ]);
    const problems = read.recipients.filter((r) => r.problem !== '');
    expect(problems.map((r) => r.where)).toEqual(['Nơi nhận!B9', 'Nơi nhận!B10', 'Nơi nhận!C11']);
    expect(problems[0].problem).toContain('«khong-phai-email»');
    expect(problems[1].problem).toMatch(/trùng với dòng 5/);
    expect(problems[2].problem).toContain('Sở hữu');
  });

  it('finds the reports in the log, newest first, skipping its own share rows', () => {
    const rows = [
      ['Thời gian', 'Việc', 'Báo cáo', 'Liên kết'],
      [new Date(Date.UTC(2025, 0, 1)), 'Tạo báo cáo', 'Một', 'https://docs.google.com/document/d/AAAAAAAAAAAAAAAAAAAA/edit'],
      [new Date(Date.UTC(2025, 0, 3)), 'Tạo báo cáo', 'Hai', 'https://docs.google.com/document/d/BBBBBBBBBBBBBBBBBBBB/edit'],
      [new Date(Date.UTC(2025, 0, 4)), 'Chia sẻ', 'Một', 'https://docs.google.com/document/d/AAAAAAAAAAAAAAAAAAAA/edit'],
    ];
    const reports = recentReportsFromLog(rows, (d) => d.toISOString().slice(0, 10));
    expect(reports).toEqual([
      { id: 'BBBBBBBBBBBBBBBBBBBB', name: 'Hai', url: 'https://docs.google.com/document/d/BBBBBBBBBBBBBBBBBBBB/edit', when: '2025-01-03' },
      { id: 'AAAAAAAAAAAAAAAAAAAA', name: 'Một', url: 'https://docs.google.com/document/d/AAAAAAAAAAAAAAAAAAAA/edit', when: '2025-01-01' },
    ]);
  });

  it('shareDialogData reads each tab with one getValues and returns plain data only', () => {
    const { world, reportId } = start();
    const data = shareDialogData();
    expect(world.calls.count('Range.getValues')).toBe(2);
    expect(data.reports.map((r) => r.id)[0]).toBe(reportId);
    expect(data.reports[0].when).toBe('14/01/2025 09:00');
    expect(data.recipients).toHaveLength(3);
    expect(data.recipients.every((r) => r.valid)).toBe(true);
    expect(data.defaultRole).toBe('Xem');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('lists a report logged by the generate flow (settings.appendLog), and not its own share rows', () => {
    const world = createGoogleWorld({ sheets: { 'Nơi nhận': recipientsTab(PEOPLE) } });
    const doc = world.driveStore.addDoc('Báo cáo mới', ['x']);
    current = { world, reportId: doc.id, restore: installGlobals(world) };
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const url = `https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`;
    appendLog(ss, { when: new Date(Date.UTC(2025, 0, 15, 1)), action: 'Tạo báo cáo', name: 'Báo cáo mới', url, result: 'Xong', detail: '' });
    expect(shareDialogData().reports).toEqual([{ id: doc.id, name: 'Báo cáo mới', url, when: '15/01/2025 08:00' }]);
    expect(shareSelectedReport({ reportId: doc.id, role: 'Xem', message: '' }).ok).toBe(true);
    expect(logRows(world)).toHaveLength(3);
    expect(shareDialogData().reports.map((r) => [r.name, r.when])).toEqual([['Báo cáo mới', '15/01/2025 08:00']]);
  });

  it('tells the clerk when there is no report yet', () => {
    start(PEOPLE, { withReport: false });
    current!.world.spreadsheet.sheet('Nhật ký').clear();
    expect(shareDialogData().notices.join(' ')).toContain('Chưa có báo cáo nào');
  });
});

describe('shareSelectedReport', () => {
  it('shares with every recipient as a user, with the notification e-mail and the message; the tab’s role wins', () => {
    const { world, reportId } = start();
    const create = vi.spyOn(world.drive.permissions, 'create');
    const res = shareSelectedReport({ reportId, role: 'Xem', message: 'Kính gửi báo cáo.' });
    expect(res.ok).toBe(true);
    expect(res.results.map((r) => [r.email, r.role, r.outcome])).toEqual([
      ['ubnd.ducpho@example.com', 'Xem', 'shared'],
      ['bandanvan@example.com', 'Nhận xét', 'shared'],
      ['danguy@example.com', 'Chỉnh sửa', 'shared'],
    ]);
    expect(create.mock.calls.map(([resource, id, opts]) => [resource, id, opts])).toEqual([
      [{ role: 'reader', type: 'user', emailAddress: 'ubnd.ducpho@example.com' }, reportId, expect.objectContaining({ sendNotificationEmail: true, emailMessage: 'Kính gửi báo cáo.' })],
      [{ role: 'commenter', type: 'user', emailAddress: 'bandanvan@example.com' }, reportId, expect.objectContaining({ sendNotificationEmail: true })],
      [{ role: 'writer', type: 'user', emailAddress: 'danguy@example.com' }, reportId, expect.objectContaining({ sendNotificationEmail: true })],
    ]);
    expect(world.driveStore.notifications.map((n) => n.emailAddress)).toEqual(['ubnd.ducpho@example.com', 'bandanvan@example.com', 'danguy@example.com']);
    expect(world.calls.count('Drive.Permissions.list')).toBe(1);
    expect(world.locks.holder('document')).toBe('none');
    // One log row per person, each naming the report and the result.
    const rows = logRows(world);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[5])).toEqual(['Đã chia sẻ', 'Đã chia sẻ', 'Đã chia sẻ']);
    expect(String(rows[1][4])).toContain('bandanvan@example.com');
  });

  it('uses the dialog’s role where the tab leaves it blank', () => {
    const { world, reportId } = start();
    shareSelectedReport({ reportId, role: 'Chỉnh sửa', message: '' });
    const byEmail = Object.fromEntries(permissionsOf(world, reportId).map((p) => [p.emailAddress, p.role]));
    expect(byEmail).toEqual({ 'ubnd.ducpho@example.com': 'writer', 'bandanvan@example.com': 'commenter', 'danguy@example.com': 'writer' });
    expect(world.driveStore.notifications[0].emailMessage).toBeUndefined();
  });

  it('refuses an invalid address before sharing anything, naming the tab, the cell and the address', () => {
    const { world, reportId } = start([...PEOPLE, ['Xã bên', 'xa.ben@@example', '']]);
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.ok).toBe(false);
    expect(res.message).toContain('Nơi nhận!B9');
    expect(res.message).toContain('«xa.ben@@example»');
    expect(res.results).toEqual([]);
    expect(world.calls.count('Drive.Permissions.create')).toBe(0);
    expect(world.calls.count('Drive.Permissions.list')).toBe(0);
    expect(permissionsOf(world, reportId)).toEqual([]);
    expect(logRows(world)).toEqual([]);
  });

  it('refuses a duplicated address (case-insensitive) before sharing anything', () => {
    const { world, reportId } = start([...PEOPLE, ['Ban Dân vận (bản 2)', 'bandanvan@EXAMPLE.com', '']]);
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.ok).toBe(false);
    expect(res.message).toContain('Nơi nhận!B9');
    expect(res.message).toContain('trùng với dòng 6');
    expect(world.calls.count('Drive.Permissions.create')).toBe(0);
  });

  it('one failing address does not stop the others; the failure is reported with Google’s reason', () => {
    const { world, reportId } = start();
    world.drive.failNext('Permissions.create', 'Invalid email address: ubnd.ducpho@example.com.', { code: 400 });
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.ok).toBe(true);
    expect(res.results.map((r) => r.outcome)).toEqual(['failed', 'shared', 'shared']);
    expect(res.results[0].detail).toBe('Lỗi: Invalid email address: ubnd.ducpho@example.com.');
    expect(res.message).toContain('1 người bị lỗi');
    expect(world.calls.count('Drive.Permissions.create')).toBe(3);
    expect(world.clock.sleeps).toEqual([]); // not a rate limit: no retry
    expect(logRows(world).map((r) => r[5])).toEqual(['Lỗi', 'Đã chia sẻ', 'Đã chia sẻ']);
  });

  it('retries a 429 with exponential backoff, then succeeds', () => {
    const { world, reportId } = start();
    world.drive.failNext('Permissions.create', 'User rate limit exceeded.', { code: 429, times: 2 });
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.results.map((r) => r.outcome)).toEqual(['shared', 'shared', 'shared']);
    expect(world.clock.sleeps).toEqual([1000, 2000]);
    expect(world.calls.count('Drive.Permissions.create')).toBe(5);
  });

  it('gives up on one person after a few rate-limited tries, and goes on with the others', () => {
    const { world, reportId } = start();
    world.drive.failNext('Permissions.create', '403 userRateLimitExceeded', { code: 403, times: 4 });
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.results.map((r) => r.outcome)).toEqual(['failed', 'shared', 'shared']);
    expect(world.clock.sleeps).toEqual([1000, 2000, 4000]);
  });

  it('sharing twice is harmless: the second run finds everyone already there and creates nothing', () => {
    const { world, reportId } = start();
    shareSelectedReport({ reportId, role: 'Xem', message: '' });
    const before = world.calls.count('Drive.Permissions.create');
    const again = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(again.results.map((r) => r.outcome)).toEqual(['already', 'already', 'already']);
    expect(again.results[1].detail).toBe('Đã có quyền Nhận xét.');
    expect(world.calls.count('Drive.Permissions.create')).toBe(before);
    const perms = permissionsOf(world, reportId);
    expect(perms).toHaveLength(3);
    expect(new Set(perms.map((p) => p.emailAddress)).size).toBe(3);
  });

  it('leaves a higher role alone and raises a lower one', () => {
    const { world, reportId } = start();
    const file = world.driveStore.file(reportId)!;
    file.permissions.push({ id: 'p1', type: 'user', role: 'writer', emailAddress: 'ubnd.ducpho@example.com' });
    file.permissions.push({ id: 'p2', type: 'user', role: 'reader', emailAddress: 'BanDanVan@example.com' });
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.results.map((r) => r.outcome)).toEqual(['already', 'shared', 'shared']);
    expect(permissionsOf(world, reportId).find((p) => p.id === 'p2')?.role).toBe('commenter');
  });

  it('never creates an "anyone" or "domain" permission', () => {
    const { world, reportId } = start();
    const create = vi.spyOn(world.drive.permissions, 'create');
    world.drive.failNext('Permissions.create', 'User rate limit exceeded.', { code: 429 });
    shareSelectedReport({ reportId, role: 'Chỉnh sửa', message: 'x' });
    shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(create.mock.calls.length).toBeGreaterThan(0);
    expect(create.mock.calls.every(([resource]) => resource.type === 'user')).toBe(true);
    expect(world.driveStore.file(reportId)!.permissions.every((p) => p.type === 'user')).toBe(true);
  });

  it('answers "busy" while another clerk holds the document lock, touching nothing', () => {
    const { world, reportId } = start();
    world.locks.holdByOther('document');
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res).toEqual({ ok: false, message: MSG.busy, reportName: '', results: [] });
    expect(world.calls.count('Drive')).toBe(0);
    expect(world.calls.count('Range.getValues')).toBe(0);
    expect(world.locks.holder('document')).toBe('other');
  });

  it('waits for a lock released soon', () => {
    const { world, reportId } = start();
    world.locks.holdByOther('document', { releaseAfterMs: 1000 });
    expect(shareSelectedReport({ reportId, role: 'Xem', message: '' }).ok).toBe(true);
    expect(world.locks.holder('document')).toBe('none');
  });

  it('refuses a report the log does not know and a role outside the three', () => {
    const { world, reportId } = start();
    expect(shareSelectedReport({ reportId: 'not-in-the-log', role: 'Xem', message: '' }).ok).toBe(false);
    expect(shareSelectedReport({ reportId, role: 'Chủ sở hữu' as never, message: '' }).ok).toBe(false);
    expect(world.calls.count('Drive.Permissions.create')).toBe(0);
    expect(world.locks.holder('document')).toBe('none');
  });

  it('says so, with Google\'s reason, when the permissions of the report cannot be read', () => {
    const { world, reportId } = start();
    world.drive.failNext('Permissions.list', 'Internal Error', { code: 500 });
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.ok).toBe(false);
    expect(res.message).toContain('Internal Error');
    expect(world.calls.count('Drive.Permissions.create')).toBe(0);
  });

  it('shares the PDF saved beside the report with the same people and roles, one log row each, unless unticked', () => {
    const { world, reportId } = start(PEOPLE, { withPdf: true });
    const option = shareDialogData().reports.find((r) => r.id === reportId)!;
    expect(option.pdfId).toBeTruthy();
    const res = shareSelectedReport({ reportId, role: 'Xem', message: 'Kính gửi' });
    expect(res.ok).toBe(true);
    const pdfRoles = permissionsOf(world, option.pdfId!).map((p) => [p.emailAddress, p.role]);
    const docRoles = permissionsOf(world, reportId).map((p) => [p.emailAddress, p.role]);
    expect(pdfRoles).toEqual(docRoles);
    expect(pdfRoles).toHaveLength(3);
    expect(res.results.filter((r) => r.file === 'pdf').map((r) => r.outcome)).toEqual(['shared', 'shared', 'shared']);
    expect(res.message).toContain(SHARE_MSG.pdfSummary(3, 0, 0));
    const pdfLog = logRows(world).filter((r) => r[2] === SHARE_MSG.pdfName('Báo cáo Dân vận khéo 2025'));
    expect(pdfLog).toHaveLength(3);
    expect(String(pdfLog[0][3])).toContain(option.pdfId!);

    current!.restore(); // a fresh world for the unticked case
    const again = start(PEOPLE, { withPdf: true });
    const pdfId = shareDialogData().reports.find((r) => r.id === again.reportId)!.pdfId!;
    const unticked = shareSelectedReport({ reportId: again.reportId, role: 'Xem', message: '', withPdf: false });
    expect(unticked.results.some((r) => r.file === 'pdf')).toBe(false);
    expect(permissionsOf(again.world, pdfId)).toEqual([]);
  });

  it('tells an account the report is not its own to share when Drive answers 404 (drive.file is per account)', () => {
    const { world, reportId } = start();
    world.drive.failNext('Permissions.list', `File not found: ${reportId}.`, { code: 404 });
    const res = shareSelectedReport({ reportId, role: 'Xem', message: '' });
    expect(res.ok).toBe(false);
    expect(res.message).toContain(SHARE_MSG.otherAccount);
    expect(world.calls.count('Drive.Permissions.create')).toBe(0);
  });
});
