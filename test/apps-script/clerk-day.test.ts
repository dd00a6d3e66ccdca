/**
 * A clerk's day on the BUILT bundle (dist/Code.js) in a vm context holding only the Google fakes:
 * open the Sheet, set it up with the sample, check, compute, create the template, generate, share,
 * generate again. Input tabs stay identical through every menu item, the template is never changed, the
 * Google Doc says exactly what the local .docx says, and Google calls stay within the stated bounds.
 */
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/core/report/pipeline';
import { renderReportDocument } from '../../src/core/report/document';
import { readReportGridsFromDumps } from './clerk-day-helpers';
import { renderDocx } from '../../src/node/docx-writer';
import { googleBodyText, docSnapshot } from './google-harness';
import { Button, createGoogleWorld, type GoogleWorld } from '../fakes/index';
import { loadBundle, type LoadedBundle } from '../fakes/load-bundle';
import { DVK } from '../helpers/workbook';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

function inputTabs(world: GoogleWorld): Record<string, unknown[][]> {
  const names = new Set(DVK.tabs.map((t) => t.name));
  return Object.fromEntries(world.spreadsheet.sheets.filter((s) => names.has(s.getName())).map((s) => [s.getName(), JSON.parse(JSON.stringify(s.dump()))]));
}

describe('a clerk’s day in Google Sheets', () => {
  let world: GoogleWorld;
  let gas: LoadedBundle;

  beforeAll(() => {
    world = createGoogleWorld();
    gas = loadBundle(world);
  });

  it('opens the Sheet: the Báo cáo menu lists every item, each a top-level function of Code.js', () => {
    gas.call('onOpen', {});
    const menu = world.ui.menu('Báo cáo');
    expect(menu).toBeDefined();
    const items = (menu?.entries ?? []).flatMap((e) => ('caption' in e ? [e] : []));
    expect(items.map((i) => i.caption)).toEqual([
      'Thiết lập bảng tính',
      'Kiểm tra số liệu',
      'Tính các chỉ tiêu',
      'Tạo mẫu báo cáo mặc định',
      'Tạo báo cáo',
      'Chia sẻ cho nơi nhận',
      'Xem góp ý',
      'Tự kiểm tra kết nối Google',
    ]);
    for (const item of items) expect(gas.topLevelFunctions()).toContain(item.functionName);
  });

  it('sets up every tab with the sample figures when the clerk says yes', () => {
    world.ui.answerNext(Button.YES);
    gas.call('setupWorkbook');
    const names = world.spreadsheet.sheets.map((s) => s.getName());
    for (const tab of DVK.tabs) expect(names).toContain(tab.name);
    const general = world.spreadsheet.sheets.find((s) => s.getName() === 'Thông tin chung');
    expect(JSON.stringify(general?.dump())).toContain('Phổ Phong');
  });

  it('setting up again adds nothing and changes no figure', () => {
    const before = inputTabs(world);
    gas.call('setupWorkbook');
    expect(inputTabs(world)).toEqual(before);
    expect(world.ui.alerts.at(-1)?.prompt ?? JSON.stringify(world.ui.alerts.at(-1))).toContain('Giữ nguyên');
  });

  it('computes the indicators into their own tab in one write, reading each input tab once', () => {
    const before = inputTabs(world);
    world.calls.reset();
    gas.call('computeIndicators');
    const counts = world.calls.snapshot();
    console.log('computeIndicators calls:', JSON.stringify(counts));
    // One read per input tab, and one of «Cài đặt» for the kind of report.
    expect(world.calls.count('Range.getValues')).toBeLessThanOrEqual(DVK.tabs.length + 1);
    expect(world.calls.count('Range.setValues')).toBe(1);
    expect(inputTabs(world)).toEqual(before);
    const tab = world.spreadsheet.sheets.find((s) => s.getName() === 'Chỉ tiêu');
    const text = JSON.stringify(tab?.dump());
    expect(text).toContain('san_luong_lua');
    expect(text).toContain('6.043,6\u00A0tấn');
    expect(text).toContain('34,79%');
  });

  it('checks the figures: a sidebar lists each issue with its cell', () => {
    const before = inputTabs(world);
    gas.call('checkFigures');
    const shown = world.ui.shown.at(-1);
    expect(shown?.kind).toBe('sidebar');
    const html = shown?.html.getContent() ?? '';
    expect(html).toContain('Lâm nghiệp - Dịch vụ');
    expect(html).toContain('C6');
    expect(inputTabs(world)).toEqual(before);
  });

  let templateId = '';
  let folderId = '';
  let templateBefore = '';
  let firstReportId = '';

  it('creates the default template as a Google Doc and records it in the settings tab', () => {
    const before = inputTabs(world);
    gas.call('createDefaultTemplate');
    const settings = world.spreadsheet.sheets.find((s) => s.getName() === 'Cài đặt');
    const dump = JSON.stringify(settings?.dump());
    const docs = [...world.driveStore.files.values()].filter((f) => f.doc);
    expect(docs).toHaveLength(1);
    templateId = docs[0].id;
    expect(dump).toContain(templateId);
    // The template (and so every report copied from it) sits in a folder the app made: drive.file reaches it.
    const folders = [...world.driveStore.files.values()].filter((f) => f.mimeType === 'application/vnd.google-apps.folder' && f.appCreated);
    expect(folders).toHaveLength(1);
    folderId = folders[0].id;
    expect(dump).toContain(folderId);
    expect(docs[0].parents).toEqual([folderId]);
    templateBefore = docSnapshot(world, templateId);
    expect(world.docText(templateId).body).toContain('{{chi_so.ty_le_che_phu_rung}}');
    expect(inputTabs(world)).toEqual(before);
  });

  it('generates the report: one Docs write, constant Drive calls, one read per tab, the link shown and logged', async () => {
    const before = inputTabs(world);
    world.calls.reset();
    world.ui.answerNext(Button.YES); // go on despite the forest-cover warning
    gas.call('generateReport');
    const counts = world.calls.snapshot();
    console.log('generateReport calls:', JSON.stringify(counts));
    expect(world.calls.count('Docs.Documents.batchUpdate')).toBe(1);
    // The account's folder checked, the template copied, the PDF stored beside the report.
    expect(world.calls.count('Drive.Files')).toBeLessThanOrEqual(3);
    expect(world.calls.count('Range.getValues')).toBeLessThanOrEqual(DVK.tabs.length + 1);
    // The log row: written «Đang tạo» when the run starts, rewritten with the outcome at the end.
    expect(world.calls.count('Range.setValues')).toBeLessThanOrEqual(2);

    const shown = world.ui.shown.at(-1);
    expect(shown?.kind).toBe('modal');
    const reports = [...world.driveStore.files.values()].filter((f) => f.doc && f.id !== templateId && !f.trashed);
    expect(reports).toHaveLength(1);
    firstReportId = reports[0].id;
    expect(reports[0].parents).toEqual([folderId]);
    expect(reports[0].name).toMatch(/^Báo cáo Dân vận khéo 2020-2023 - Phổ Phong - \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(shown?.html.getContent()).toContain(firstReportId);

    const log = JSON.stringify(world.spreadsheet.sheets.find((s) => s.getName() === 'Nhật ký')?.dump());
    expect(log).toContain(firstReportId);
    expect(docSnapshot(world, templateId)).toBe(templateBefore);
    expect(inputTabs(world)).toEqual(before);

    // Parity: the Google Doc says what the local .docx says, from the same workbook.
    const run = runReport(DVK, readReportGridsFromDumps(inputTabs(world), world.spreadsheet.timeZone));
    const local = renderReportDocument(DVK.template, run.data);
    expect(local.problems).toEqual([]);
    const docxText = await docxBodyText(await renderDocx(local.document));
    expect(googleBodyText(world, firstReportId)).toBe(docxText);
    expect(docxText).toContain('sản lượng đạt 6.043,6\u00A0tấn');
  });

  it('shares with the reviewers: an invalid address stops everything, a failing one does not stop the others', () => {
    const recipients = world.spreadsheet.sheets.find((s) => s.getName() === 'Nơi nhận')!;
    const rows = recipients.dump();
    const emailCol = (rows.find((r) => r.includes('E-mail')) ?? []).indexOf('E-mail');
    const firstRow = rows.findIndex((r) => r.includes('E-mail')) + 1;
    const badRow = firstRow + 2; // "TT Đảng ủy xã", which had no address
    recipients.getRange(badRow + 1, emailCol + 1).setValue('tt-dang-uy@@xa');
    const refused = gas.call('shareSelectedReport', { reportId: firstReportId, role: 'Nhận xét', message: 'Kính gửi báo cáo' }) as { ok: boolean; message: string };
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('tt-dang-uy@@xa');
    expect(world.calls.count('Drive.Permissions.create')).toBe(0);

    recipients.getRange(badRow + 1, emailCol + 1).setValue('dangUy.PhoPhong@Example.vn');
    world.drive.failNext('Permissions.create', 'The user does not have permission to share this file.', { code: 403 });
    world.calls.reset();
    // The report's own shares; the PDF beside it is covered in share.test.ts.
    const shared = gas.call('shareSelectedReport', { reportId: firstReportId, role: 'Nhận xét', message: 'Kính gửi báo cáo', withPdf: false }) as {
      ok: boolean;
      results: { email: string; outcome: string; detail: string }[];
    };
    console.log('shareSelectedReport results:', JSON.stringify(shared.results));
    expect(shared.results).toHaveLength(3);
    expect(shared.results.filter((r) => r.outcome === 'failed')).toHaveLength(1);
    expect(shared.results.filter((r) => r.outcome === 'shared')).toHaveLength(2);
    expect(shared.results.map((r) => r.email)).toContain('danguy.phophong@example.vn');
    const perms = world.driveStore.file(firstReportId)!.permissions;
    expect(perms.every((p) => p.type === 'user')).toBe(true);
    const log = JSON.stringify(world.spreadsheet.sheets.find((s) => s.getName() === 'Nhật ký')?.dump());
    for (const r of shared.results) expect(log).toContain(r.email);

    // The share handler itself only reads the input tabs (the test edited «Nơi nhận» above, as a clerk would).
    const beforeShareAgain = inputTabs(world);
    // Sharing again is harmless: the two already shared are skipped, the failed one is retried.
    const again = gas.call('shareSelectedReport', { reportId: firstReportId, role: 'Nhận xét', message: '', withPdf: false }) as { results: { outcome: string }[] };
    expect(again.results.filter((r) => r.outcome === 'already')).toHaveLength(2);
    expect(again.results.filter((r) => r.outcome === 'shared')).toHaveLength(1);
    expect(world.driveStore.file(firstReportId)!.permissions.filter((p) => p.role === 'commenter')).toHaveLength(3);
    expect(inputTabs(world)).toEqual(beforeShareAgain);
  });

  it('generates again: a second report, the first one and the template untouched', () => {
    const firstText = world.docText(firstReportId).body;
    const before = inputTabs(world);
    world.ui.answerNext(Button.YES);
    world.clock.advance(60_000);
    gas.call('generateReport');
    const reports = [...world.driveStore.files.values()].filter((f) => f.doc && f.id !== templateId && !f.trashed);
    expect(reports).toHaveLength(2);
    expect(world.docText(firstReportId).body).toBe(firstText);
    expect(docSnapshot(world, templateId)).toBe(templateBefore);
    expect(inputTabs(world)).toEqual(before);
  });

  it('runs the self-check on scratch files and leaves nothing behind', () => {
    const before = inputTabs(world);
    const liveBefore = [...world.driveStore.files.values()].filter((f) => !f.trashed).length;
    const tabsBefore = world.spreadsheet.sheets.map((s) => s.getName());
    gas.call('selfCheck');
    const html = world.ui.shown.at(-1)?.html.getContent() ?? '';
    expect(html).toContain('"status":"pass"');
    expect(html).not.toContain('"status":"fail"');
    expect([...world.driveStore.files.values()].filter((f) => !f.trashed).length).toBe(liveBefore);
    expect(world.spreadsheet.sheets.map((s) => s.getName())).toEqual(tabsBefore);
    expect(inputTabs(world)).toEqual(before);
  });
});

/** The body text of a .docx as documentText writes it: a line per paragraph, a table row's cells by tabs. */
async function docxBodyText(docx: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  const body = xml.slice(xml.indexOf('<w:body>'), xml.lastIndexOf('<w:sectPr'));
  const paraText = (p: string) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : decode(m[1])))
      .join('');
  const lines: string[] = [];
  for (const block of body.match(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    if (block.startsWith('<w:tbl>')) {
      for (const row of block.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) {
        const cells = (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => (c.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []).map(paraText).join('\n'));
        lines.push(cells.join('\t'));
      }
    } else lines.push(paraText(block));
  }
  return lines.join('\n').replace(/\n+$/, '');
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
