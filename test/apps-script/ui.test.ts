/**
 * The dialogs and the sidebar in a real browser: each page is rendered on the server side exactly as the
 * product does it (ui-data.ts through the fake HtmlService, which evaluates the <? ?> scriptlets), then
 * loaded into headless Chromium with page.setContent and a stub google.script.run / google.script.host that
 * records calls and answers with canned results. One screenshot per page goes to a temp directory.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issues';
import {
  scriptSafeJson,
  showIssuesSidebar,
  showReportLink,
  showSelfCheck,
  showShareDialog,
  type SelfCheckData,
  type ShareDialogData,
  type ShareResponse,
} from '../../src/apps-script/ui-data';
import { showCommentsSidebar, type CommentsPageData } from '../../src/apps-script/comments';
import { createGoogleWorld, PROJECT_ROOT, type GoogleWorld } from '../fakes/index';
import { installGlobals } from '../fakes/globals';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const UI_DIR = join(PROJECT_ROOT, 'src', 'apps-script', 'ui');
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`ui.test.ts: skipped, ${CHROMIUM} is missing (install Debian's "chromium"; .ci/run does)`);

interface Recorded {
  name: string;
  args: unknown[];
}
/**
 * The stub google.script, as plain browser JavaScript (a transpiled function would carry the test runner's
 * helpers along): records every call in window.__calls; answers[name] = {ok: value} | {fail: message},
 * delivered asynchronously, as Google does. Arguments go through JSON, the only data google.script.run
 * carries (the Apps Script reference).
 */
function stubGoogleScript(answers: Record<string, { ok?: unknown; fail?: string }>): string {
  return `(function () {
  var answers = ${JSON.stringify(answers)};
  window.__calls = [];
  function run(success, failure) {
    return new Proxy({}, {
      get: function (_t, prop) {
        if (prop === 'withSuccessHandler') return function (f) { return run(f, failure); };
        if (prop === 'withFailureHandler') return function (f) { return run(success, f); };
        if (prop === 'withUserObject') return function () { return run(success, failure); };
        return function () {
          var args = JSON.parse(JSON.stringify(Array.prototype.slice.call(arguments)));
          window.__calls.push({ name: prop, args: args });
          var answer = answers[prop];
          setTimeout(function () {
            if (answer && answer.fail !== undefined) { if (failure) failure({ name: 'ScriptError', message: answer.fail }); }
            else if (success) success(answer ? answer.ok : undefined);
          }, 30);
        };
      }
    });
  }
  window.google = { script: { run: run(null, null), host: { close: function () { window.__calls.push({ name: 'host.close', args: [] }); } } } };
})();`;
}

describe.skipIf(!HAVE_CHROMIUM)('dialogs and sidebar in headless Chromium', () => {
  let browser: Browser;
  let world: GoogleWorld;
  let restore: () => void;
  const shots = mkdtempSync(join(tmpdir(), 'bao-cao-ui-'));
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    console.info(`ui.test.ts: screenshots in ${shots}`);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => restore?.());

  /** Renders a page through ui-data.ts and the fake HtmlService; returns the HTML and how it was shown. */
  function render(show: () => void) {
    world = createGoogleWorld({ htmlDir: UI_DIR });
    restore = installGlobals(world);
    show();
    const shown = world.ui.shown[world.ui.shown.length - 1];
    const out = shown.html as unknown as { content: string; width: number | null; height: number | null };
    return { html: out.content, kind: shown.kind, title: shown.title, width: out.width ?? 300, height: out.height ?? 640 };
  }

  async function open(rendered: ReturnType<typeof render>, answers: Record<string, { ok?: unknown; fail?: string }> = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: rendered.width, height: rendered.height } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('about:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.addInitScript({ content: stubGoogleScript(answers) });
    // Init scripts run on navigation: load a fresh document so the stub is there before setContent's.
    await page.goto('about:blank');
    await page.setContent(rendered.html, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    return page;
  }

  const calls = (page: Page) => page.evaluate('window.__calls') as Promise<Recorded[]>;

  it('escapes data for a <script> block: no "</script>", "<!--" or line separator survives', () => {
    const text = scriptSafeJson({ s: '</script><!-- & \u2028\u2029 >' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ s: '</script><!-- & \u2028\u2029 >' });
  });

  it('Issues sidebar: a badge, a Tab!A1 link and the message per issue; the link selects the cell', async () => {
    const issues: Issue[] = [
      { severity: 'error', sheet: 'Nông nghiệp', cell: 'C5', message: 'Chưa nhập «Diện tích lúa»: cần một số (ha).' },
      { severity: 'error', sheet: 'Dân số & lao động', cell: 'D12', message: 'Tỷ lệ «hộ nghèo» cuối kỳ 120 vượt quá 100 %. </script><b>không phải HTML</b>' },
      { severity: 'warning', sheet: 'Chung', cell: 'C9', message: 'Ngày văn bản hướng dẫn sau ngày báo cáo.' },
    ];
    const rendered = render(() => showIssuesSidebar(issues));
    expect(rendered.kind).toBe('sidebar');
    expect(rendered.html).not.toContain('<?');
    const page = await open(rendered);
    await expect.poll(() => page.locator('li.issue').count()).toBe(3);
    expect(await page.locator('#summary').innerText()).toContain('2 lỗi, 1 cảnh báo');
    expect(await page.locator('li.issue .badge').allInnerTexts()).toEqual(['Lỗi', 'Lỗi', 'Cảnh báo']);
    expect(await page.locator('a.cell').allInnerTexts()).toEqual(['Nông nghiệp!C5', 'Dân số & lao động!D12', 'Chung!C9']);
    // Text stays text: the message's markup is shown, not run.
    expect(await page.locator('li.issue b').count()).toBe(0);
    expect(await page.locator('li.issue').nth(1).innerText()).toContain('</script><b>không phải HTML</b>');
    await page.screenshot({ path: join(shots, 'issues.png'), fullPage: true });
    await page.getByRole('link', { name: 'Dân số & lao động!D12' }).click();
    await expect.poll(() => calls(page)).toEqual([{ name: 'selectCell', args: ['Dân số & lao động', 'D12'] }]);
    await page.close();
  });

  it('Issues sidebar with no issue says "Số liệu hợp lệ"', async () => {
    const page = await open(render(() => showIssuesSidebar([])));
    await expect.poll(() => page.locator('#empty').isVisible()).toBe(true);
    expect(await page.locator('#empty').innerText()).toContain('Số liệu hợp lệ');
    expect(await page.locator('li.issue').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'issues-empty.png') });
    await page.close();
  });

  it('ReportLink dialog: the file name, a link opening in a new tab, the warnings, a close button', async () => {
    const url = 'https://docs.google.com/document/d/1docxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx000007/edit?usp=drivesdk';
    const pdfUrl = 'https://drive.google.com/file/d/1filexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx000008/view?usp=drivesdk';
    const rendered = render(() => showReportLink({ name: 'Báo cáo Dân vận khéo 2020-2023 (2025-01-15 09:00)', url, warnings: ['Chung!C9: Ngày văn bản hướng dẫn sau ngày báo cáo.'], pdfUrl }));
    expect(rendered.kind).toBe('modal');
    expect(rendered.title).toBe('Đã tạo báo cáo');
    const page = await open(rendered);
    expect(await page.locator('#name').innerText()).toBe('Báo cáo Dân vận khéo 2020-2023 (2025-01-15 09:00)');
    const link = page.getByRole('link', { name: 'Mở báo cáo trong thẻ mới' });
    expect(await link.getAttribute('href')).toBe(url);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await page.locator('#warning-list li').allInnerTexts()).toEqual(['Chung!C9: Ngày văn bản hướng dẫn sau ngày báo cáo.']);
    const pdf = page.getByRole('link', { name: 'Mở bản PDF' });
    expect(await pdf.getAttribute('href')).toBe(pdfUrl);
    expect(await pdf.getAttribute('target')).toBe('_blank');
    await page.screenshot({ path: join(shots, 'report-link.png') });
    await page.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => calls(page)).toEqual([{ name: 'host.close', args: [] }]);
    await page.close();
  });

  it('ReportLink dialog: «Lưu bản PDF» when the run could not render the values; a press saves it in a new run and shows the link', async () => {
    const url = 'https://docs.google.com/document/d/1docxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx000007/edit?usp=drivesdk';
    const pdfUrl = 'https://drive.google.com/file/d/1filexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx000009/view?usp=drivesdk';
    const rendered = render(() => showReportLink({ name: 'Báo cáo 2025', url, warnings: [], pdfUrl: '', pdfLater: { reportId: 'doc-1', replacedTag: '{{ten_xa}}' } }));
    const page = await open(rendered, {
      saveReportPdfLater: { ok: { ok: true, message: `Đã lưu bản PDF cùng thư mục với báo cáo: ${pdfUrl}`, pdfUrl } },
    });
    expect(await page.locator('#pdf').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Lưu bản PDF' }).click();
    await expect.poll(() => calls(page)).toEqual([{ name: 'saveReportPdfLater', args: ['doc-1', '{{ten_xa}}'] }]);
    const pdf = page.getByRole('link', { name: 'Mở bản PDF' });
    await expect.poll(() => pdf.getAttribute('href')).toBe(pdfUrl);
    expect(await page.locator('#pdf-later').isHidden()).toBe(true);
    await page.screenshot({ path: join(shots, 'report-link-pdf-later.png') });
    await page.close();

    // Still not visible: the message, and the button can be pressed again.
    const again = await open(rendered, { saveReportPdfLater: { ok: { ok: false, message: 'Google vẫn chưa cho thấy các số liệu mới', pdfUrl: '' } } });
    await again.getByRole('button', { name: 'Lưu bản PDF' }).click();
    await expect.poll(() => again.locator('#pdf-later-status').innerText()).toBe('Google vẫn chưa cho thấy các số liệu mới');
    expect(await again.getByRole('button', { name: 'Lưu bản PDF' }).isEnabled()).toBe(true);
    expect(await again.locator('#pdf').isHidden()).toBe(true);
    await again.close();
  });

  it('Share dialog: submits the chosen report, role and message, then shows each person’s result, a failure included', async () => {
    const data: ShareDialogData = {
      reports: [
        { id: 'doc-new', name: 'Báo cáo 2025', url: 'https://docs.google.com/document/d/doc-new/edit', when: '15/01/2025 09:00' },
        { id: 'doc-old', name: 'Báo cáo 2024', url: 'https://docs.google.com/document/d/doc-old/edit', when: '10/01/2024 08:00', pdfId: 'pdf-old', pdfUrl: 'https://drive.google.com/file/d/pdf-old/view' },
      ],
      recipients: [
        { name: 'UBND thị xã Đức Phổ', email: 'ubnd.ducpho@example.com', role: '', where: 'Nơi nhận!B5', valid: true, problem: '' },
        { name: 'Ban Dân vận Thị ủy', email: 'bandanvan@example.com', role: 'Nhận xét', where: 'Nơi nhận!B6', valid: true, problem: '' },
        { name: 'Thường trực Đảng ủy', email: 'danguy@example.com', role: 'Chỉnh sửa', where: 'Nơi nhận!B8', valid: true, problem: '' },
      ],
      defaultRole: 'Xem',
      notices: [],
    };
    const answer: ShareResponse = {
      ok: true,
      message: 'Đã chia sẻ cho 1 người, 1 người đã có quyền, 1 người bị lỗi.',
      reportName: 'Báo cáo 2024',
      results: [
        { name: 'UBND thị xã Đức Phổ', email: 'ubnd.ducpho@example.com', role: 'Chỉnh sửa', outcome: 'shared', detail: 'Đã chia sẻ với quyền Chỉnh sửa.' },
        { name: 'Ban Dân vận Thị ủy', email: 'bandanvan@example.com', role: 'Nhận xét', outcome: 'already', detail: 'Đã có quyền Nhận xét.' },
        { name: 'Thường trực Đảng ủy', email: 'danguy@example.com', role: 'Chỉnh sửa', outcome: 'failed', detail: 'Lỗi: Invalid email address: danguy@example.com.' },
      ],
    };
    const rendered = render(() => showShareDialog(data));
    expect(rendered.title).toBe('Chia sẻ cho nơi nhận');
    const page = await open(rendered, { shareSelectedReport: { ok: answer } });
    expect(await page.locator('#people tr').count()).toBe(3);
    expect(await page.locator('#people .badge').allInnerTexts()).toEqual(['Hợp lệ', 'Hợp lệ', 'Hợp lệ']);
    await page.screenshot({ path: join(shots, 'share-before.png') });

    // The PDF box shows only for a report with a PDF beside it, ticked.
    expect(await page.getByLabel('Chia sẻ cả bản PDF').isVisible()).toBe(false);
    await page.getByLabel('Báo cáo').selectOption('doc-old');
    expect(await page.getByLabel('Chia sẻ cả bản PDF').isChecked()).toBe(true);
    await page.getByLabel('Chỉnh sửa').check();
    await page.getByLabel('Lời nhắn trong e-mail (không bắt buộc)').fill('Kính gửi báo cáo năm 2024.');
    expect(await page.locator('#people tr').first().locator('td').nth(2).innerText()).toBe('Chỉnh sửa');
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    await expect.poll(() => calls(page)).toEqual([
      { name: 'shareSelectedReport', args: [{ reportId: 'doc-old', role: 'Chỉnh sửa', message: 'Kính gửi báo cáo năm 2024.', withPdf: true }] },
    ]);
    await expect.poll(() => page.locator('#outcome').innerText()).toContain('1 người bị lỗi');
    expect(await page.locator('#people .badge').allInnerTexts()).toEqual(['Đã chia sẻ', 'Đã có quyền', 'Lỗi']);
    expect(await page.locator('#people tr').nth(2).innerText()).toContain('Invalid email address: danguy@example.com.');
    await page.screenshot({ path: join(shots, 'share-after.png') });
    await page.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(async () => (await calls(page)).map((c) => c.name)).toEqual(['shareSelectedReport', 'host.close']);
    await page.close();
  });

  it('Share dialog: an invalid address is shown with its cell and the button stays off; a server refusal is shown', async () => {
    const data: ShareDialogData = {
      reports: [{ id: 'doc-new', name: 'Báo cáo 2025', url: 'https://docs.google.com/document/d/doc-new/edit', when: '' }],
      recipients: [
        { name: 'Xã bên', email: 'xa.ben@@example', role: '', where: 'Nơi nhận!B9', valid: false, problem: 'Nơi nhận!B9: «xa.ben@@example» không phải là một địa chỉ e-mail hợp lệ.' },
      ],
      defaultRole: 'Xem',
      notices: [],
    };
    const page = await open(render(() => showShareDialog(data)));
    expect(await page.getByRole('button', { name: 'Chia sẻ' }).isDisabled()).toBe(true);
    expect(await page.locator('#people').innerText()).toContain('Nơi nhận!B9');
    await page.screenshot({ path: join(shots, 'share-invalid.png') });
    await page.close();

    const valid = { ...data, recipients: [{ ...data.recipients[0], email: 'xa.ben@example.com', valid: true, problem: '' }] };
    const busy = await open(render(() => showShareDialog(valid)), { shareSelectedReport: { ok: { ok: false, message: 'Một người khác đang tạo hoặc chia sẻ báo cáo.', reportName: '', results: [] } } });
    await busy.getByRole('button', { name: 'Chia sẻ' }).click();
    await expect.poll(() => busy.locator('#outcome').innerText()).toContain('Một người khác đang');
    expect(await busy.getByRole('button', { name: 'Chia sẻ' }).isDisabled()).toBe(false);
    await busy.close();

    const failing = await open(render(() => showShareDialog(valid)), { shareSelectedReport: { fail: 'Exceeded maximum execution time' } });
    await failing.getByRole('button', { name: 'Chia sẻ' }).click();
    await expect.poll(() => failing.locator('#outcome').innerText()).toContain('Exceeded maximum execution time');
    await failing.close();
  });

  it('SelfCheck dialog: each step with pass, fail, skip or the answer Google gave, and its detail', async () => {
    const data: SelfCheckData = {
      when: '15/01/2025 09:00',
      steps: [
        { label: 'DocumentApp.create: tạo tài liệu nháp', status: 'pass', detail: 'Mã tệp 1docxxxx000001.' },
        { label: 'Drive.Files.copy: sao chép tài liệu nháp (phạm vi drive.file: chưa xác nhận)', status: 'fail', detail: 'API call to drive.files.copy failed with error: User rate limit exceeded.' },
        { label: 'DocumentApp.openById + trộn mẫu qua cổng Google Docs', status: 'skip', detail: 'Bỏ qua vì bước «Drive.Files.copy» không đạt.' },
        { label: 'LockService: getDocumentLock, tryLock rồi releaseLock', status: 'pass', detail: 'Lấy được khóa, hasLock() đúng, nhả khóa xong.' },
        { label: 'Docs replaceAllText với U+000B (xuống dòng trong một đoạn)', status: 'observed', detail: 'Google trả lời: U+000B bị bỏ. Sản phẩm chạy đúng với cả hai câu trả lời.' },
      ],
    };
    const rendered = render(() => showSelfCheck(data));
    expect(rendered.title).toBe('Tự kiểm tra kết nối Google');
    const page = await open(rendered);
    expect(await page.locator('#steps li .badge').allInnerTexts()).toEqual(['Đạt', 'Lỗi', 'Bỏ qua', 'Đạt', 'Ghi nhận']);
    expect(await page.locator('#summary').innerText()).toContain('1 bước lỗi, 2 bước đạt, 1 bước bỏ qua. 1 câu trả lời của Google được ghi nhận');
    expect(await page.locator('#steps li.observed').innerText()).toContain('U+000B bị bỏ');
    expect(await page.locator('#steps li.fail').innerText()).toContain('User rate limit exceeded.');
    await page.screenshot({ path: join(shots, 'self-check.png'), fullPage: true });
    await page.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => calls(page)).toEqual([{ name: 'host.close', args: [] }]);
    await page.close();
  });

  it('Comments sidebar: each report with its open count, each comment with author, time, quote, state and replies', async () => {
    const report = (n: number) => ({ id: `1docid${n}`, name: `Báo cáo ${n}`, url: `https://docs.google.com/document/d/1docid${n}/edit`, when: '15/01/2025 09:00' });
    const data: CommentsPageData = {
      tab: 'Góp ý',
      notices: [],
      reports: [
        {
          report: report(1),
          open: 1,
          error: '',
          comments: [
            { author: 'Ban Dân vận', time: '', when: '16/01/2025 09:30', content: 'Ghi rõ bình quân năm. <b>không phải HTML</b>', action: '', quoted: 'sản lượng đạt 6.043,6 tấn', resolved: false, replies: [{ author: 'Văn phòng', time: '', when: '16/01/2025 10:00', content: 'Đã bổ sung.', action: '' }] },
            { author: 'Phòng Nội vụ', time: '', when: '16/01/2025 11:00', content: 'Thiếu số văn bản.', action: '', quoted: '', resolved: true, replies: [{ author: 'Phòng Nội vụ', time: '', when: '', content: '', action: 'resolve' }] },
          ],
        },
        { report: report(2), open: 0, error: 'Không đọc được góp ý của báo cáo này: File not found: 1docid2.', comments: [] },
      ],
    };
    const rendered = render(() => showCommentsSidebar(data));
    expect(rendered.kind).toBe('sidebar');
    expect(rendered.title).toBe('Góp ý của nơi nhận');
    const page = await open(rendered);
    expect(await page.locator('#summary').innerText()).toContain('2 báo cáo, 2 góp ý, 1 chưa giải quyết');
    expect(await page.locator('section.report h2 a').allInnerTexts()).toEqual(['Báo cáo 1', 'Báo cáo 2']);
    expect(await page.locator('section.report h2 a').first().getAttribute('target')).toBe('_blank');
    expect(await page.locator('li.comment > p > .badge').allInnerTexts()).toEqual(['Chưa giải quyết', 'Đã giải quyết']);
    expect(await page.locator('blockquote').allInnerTexts()).toEqual(['sản lượng đạt 6.043,6 tấn']);
    expect(await page.locator('ul.replies li').allInnerTexts()).toEqual([expect.stringContaining('Đã bổ sung.'), expect.stringContaining('Đánh dấu đã giải quyết')]);
    expect(await page.locator('li.comment b').count()).toBe(0);
    expect(await page.locator('section.report').nth(1).innerText()).toContain('File not found');
    await page.screenshot({ path: join(shots, 'comments.png'), fullPage: true });
    await page.close();
  });

  it('no page asked the network for anything (self-contained, as the closed sandbox needs)', () => {
    expect(requests).toEqual([]);
  });
});
