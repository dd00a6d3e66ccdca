/**
 * "Tạo báo cáo" end to end against the fakes: the default template built with doc-builder, the sample
 * workbook in the Sheet, generation through the Docs port. Parity with the in-memory report, the template
 * untouched, call counts (printed for the README), failures leaving nothing behind, the lock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentText } from '../../src/core/document/model';
import { renderReportDocument } from '../../src/core/report/document';
import { runReport } from '../../src/core/report/pipeline';
import { createDefaultTemplateFlow, generateReportFlow, type GenerateOutcome } from '../../src/apps-script/generate';
import { GENERATE_MSG, MSG, TABS } from '../../src/apps-script/messages';
import { readSettings, writeSettings } from '../../src/apps-script/settings';
import { MAX_TRIES } from '../../src/apps-script/retry';
import { savePdfLater } from '../../src/apps-script/pdf-later';
import { fieldCell, sampleGrid, withCell, DVK } from '../helpers/workbook';
import type { GoogleWorld } from '../fakes';
import { docSnapshot, documentAppWrites, googleBodyText, installWorld, sheetsOf, trimEnd } from './google-harness';

afterEach(() => {
  vi.unstubAllGlobals();
});

const NOW = new Date(Date.UTC(2026, 10, 27, 3, 32)); // 10:32 in Hanoi

function sampleWorld(): GoogleWorld {
  return installWorld({ sheets: sheetsOf(sampleGrid()) });
}

function ss(world: GoogleWorld) {
  return world.globals.SpreadsheetApp.getActiveSpreadsheet();
}

function generate(world: GoogleWorld): GenerateOutcome {
  return generateReportFlow({ ss: ss(world), ui: world.globals.SpreadsheetApp.getUi(), now: () => NOW });
}

function templateReady(world: GoogleWorld): string {
  const t = createDefaultTemplateFlow({ ss: ss(world), now: () => NOW });
  if (t.kind !== 'done') throw new Error(t.message);
  return t.id;
}

function logRows(world: GoogleWorld): unknown[][] {
  return world.spreadsheet.sheet(TABS.log).dump();
}

function liveDocs(world: GoogleWorld, except: string[]): string[] {
  return [...world.driveStore.files.values()].filter((f) => f.doc && !f.trashed && !except.includes(f.id)).map((f) => f.id);
}

describe('Tạo mẫu báo cáo mặc định', () => {
  it('builds the template Doc and stores its id and link in «Cài đặt»', () => {
    const world = sampleWorld();
    const id = templateReady(world);
    const settings = readSettings(ss(world));
    expect(settings.templateId).toBe(id);
    expect(settings.templateUrl).toContain(id);
    expect(world.docText(id).body).toContain('{{ten_xa}}');
    expect(world.driveStore.file(id)!.doc!.useFirstPageHeaderFooter).toBe(true);
    console.log('Default template build, calls:', JSON.stringify({ docsBatchUpdate: world.calls.count('Docs.Documents.batchUpdate'), docsGet: world.calls.count('Docs.Documents.get'), documentAppWrites: documentAppWrites(world.calls.snapshot()) }));
  });
});

describe('Tạo báo cáo', () => {
  it('gives the same text as the in-memory report (PARITY), leaves the template unchanged, and counts its calls', () => {
    const world = sampleWorld();
    const templateId = templateReady(world);
    const before = docSnapshot(world, templateId);
    world.calls.reset();
    const out = generate(world);
    expect(out.kind).toBe('done');
    if (out.kind !== 'done') return;
    expect(out.name).toBe('Báo cáo Dân vận khéo 2020-2023 - Phổ Phong - 2026-11-27 10:32');
    expect(out.url).toContain(out.id);

    const run = runReport(DVK, sampleGrid());
    const memory = renderReportDocument(DVK.template, run.data);
    expect(memory.problems).toEqual([]);
    expect(googleBodyText(world, out.id)).toBe(trimEnd(documentText(memory.document)));
    expect(docSnapshot(world, templateId)).toBe(before);

    const c = world.calls.snapshot();
    const counts = {
      docsBatchUpdate: c['Docs.Documents.batchUpdate'] ?? 0,
      drive: world.calls.count('Drive'),
      driveCopy: c['Drive.Files.copy'] ?? 0,
      documentAppOpen: c['DocumentApp.openById'] ?? 0,
      documentAppWrites: documentAppWrites(c),
      sheetGetValues: c['Range.getValues'] ?? 0,
      sheetSetValues: c['Range.setValues'] ?? 0,
      reportTabs: DVK.tabs.length,
    };
    console.log('Generation of the sample report, calls:', JSON.stringify(counts));
    expect(counts.docsBatchUpdate).toBe(1);
    // One Files.get (this account's app folder is still there and its own), one Files.copy, one Files.create (the PDF).
    expect(counts.drive).toBe(3);
    expect(counts.driveCopy).toBe(1);
    expect(c['Document.getAs'] ?? 0).toBe(1);
    // One getValues per report tab, one for «Cài đặt»; two setValues for the log: the run's row written
    // «Đang tạo» at the start and rewritten with the outcome (the template's own row made the tab).
    expect(counts.sheetGetValues).toBeLessThanOrEqual(DVK.tabs.length + 1);
    expect(counts.sheetSetValues).toBeLessThanOrEqual(2);
    const log = logRows(world);
    expect(log[log.length - 1]).toEqual(expect.arrayContaining([GENERATE_MSG.logAction, out.name, out.url, GENERATE_MSG.logOk]));
  });

  it('saves a PDF of the report beside it by default, its link in the log and the outcome; «Không» in «Cài đặt» saves none', () => {
    const world = sampleWorld();
    const templateId = templateReady(world);
    const out = generate(world);
    if (out.kind !== 'done') throw new Error(out.message);
    const pdfs = [...world.driveStore.files.values()].filter((f) => f.mimeType === 'application/pdf' && !f.trashed);
    expect(pdfs).toHaveLength(1);
    const [pdf] = pdfs;
    expect(pdf.name).toBe(`${out.name}.pdf`);
    expect(pdf.parents).toEqual(world.driveStore.file(out.id)!.parents); // beside the report, in this account's folder
    expect(pdf.appCreated).toBe(true); // a file the app made: drive.file reaches it for sharing
    // The PDF is of the merged report, not of the template.
    expect(pdf.content).toContain(world.docText(out.id).body.split('\n')[0]);
    expect(pdf.content).not.toContain('{{');
    expect(out.pdfUrl).toContain(pdf.id);
    const last = logRows(world).at(-1)!;
    expect(last).toEqual(expect.arrayContaining([GENERATE_MSG.logOk, GENERATE_MSG.logPdf(out.pdfUrl)]));

    writeSettings(ss(world), { savePdf: 'Không' });
    const second = generate(world);
    if (second.kind !== 'done') throw new Error(second.message);
    expect(second.pdfUrl).toBe('');
    expect([...world.driveStore.files.values()].filter((f) => f.mimeType === 'application/pdf')).toHaveLength(1);
    expect(liveDocs(world, [templateId])).toHaveLength(2);
  });

  it('a PDF Drive refuses leaves the report made: the log and the dialog say the PDF is missing and why', () => {
    const world = sampleWorld();
    templateReady(world);
    world.drive.failNext('Files.create', 'Insufficient permissions for the specified parent.', { code: 403 });
    const out = generate(world);
    if (out.kind !== 'done') throw new Error(out.message);
    expect(out.pdfUrl).toBe('');
    const note = GENERATE_MSG.pdfFailed(GENERATE_MSG.noPermission);
    expect(out.warnings).toContain(note);
    expect(logRows(world).at(-1)).toEqual(expect.arrayContaining([GENERATE_MSG.logOk, out.url, note]));
    expect(world.driveStore.file(out.id)!.trashed).toBeFalsy();
    expect([...world.driveStore.files.values()].filter((f) => f.mimeType === 'application/pdf')).toHaveLength(0);
  });

  it('k: when DocumentApp does not yet show the values in the run that wrote them, no PDF of tags is saved; «Lưu bản PDF» saves it in a new run', () => {
    const world = installWorld({ sheets: sheetsOf(sampleGrid()), behaviours: { documentAppSeesDocsApiEdits: false } });
    templateReady(world);
    const out = generate(world);
    if (out.kind !== 'done') throw new Error(out.message);
    const pdfs = () => [...world.driveStore.files.values()].filter((f) => f.mimeType === 'application/pdf' && !f.trashed);
    expect(pdfs()).toHaveLength(0); // a render now would be the tags, not the figures
    expect(out.pdfUrl).toBe('');
    expect(out.warnings).toContain(GENERATE_MSG.pdfNotYetVisible);
    expect(logRows(world).at(-1)).toEqual(expect.arrayContaining([GENERATE_MSG.logOk, out.url, GENERATE_MSG.pdfNotYetVisible]));
    expect(out.pdfLater?.reportId).toBe(out.id);
    const tag = out.pdfLater!.replacedTag;
    expect(tag).toMatch(/^\{\{.+\}\}$/);
    expect(world.docText(out.id).body).not.toContain(tag); // the Doc itself is complete

    // The same press within the run still sees the old view and says so; a new run (the dialog's button) saves it.
    expect(savePdfLater(out.id, tag)).toEqual({ ok: false, message: GENERATE_MSG.pdfStillNotVisible, pdfUrl: '' });
    world.beginExecution();
    const later = savePdfLater(out.id, tag);
    expect(later.ok).toBe(true);
    expect(pdfs()).toHaveLength(1);
    const [pdf] = pdfs();
    expect(pdf.content).not.toContain('{{');
    expect(pdf.content).toContain(world.docText(out.id).body.split('\n')[0]);
    expect(pdf.parents).toEqual(world.driveStore.file(out.id)!.parents);
    expect(later.pdfUrl).toContain(pdf.id);
    // The log row now links the PDF, where sharing finds it; a second press makes no second PDF.
    expect(logRows(world).at(-1)).toEqual(expect.arrayContaining([GENERATE_MSG.logOk, out.url, GENERATE_MSG.logPdf(later.pdfUrl)]));
    expect(savePdfLater(out.id, tag)).toEqual({ ok: true, message: GENERATE_MSG.pdfSaved(later.pdfUrl), pdfUrl: later.pdfUrl });
    expect(pdfs()).toHaveLength(1);
  });

  it('k: the fakes model the stale view: without the check, the PDF of that run would hold the tags', () => {
    const world = installWorld({ sheets: sheetsOf(sampleGrid()), behaviours: { documentAppSeesDocsApiEdits: false } });
    templateReady(world);
    writeSettings(ss(world), { savePdf: 'Không' });
    const out = generate(world);
    if (out.kind !== 'done') throw new Error(out.message);
    const blob = world.globals.DocumentApp.openById(out.id).getAs('application/pdf');
    expect(blob.getDataAsString()).toContain('{{');
    world.beginExecution();
    expect(world.globals.DocumentApp.openById(out.id).getAs('application/pdf').getDataAsString()).not.toContain('{{');
  });

  it('a run Google stops after storing the PDF leaves neither the copy nor the PDF: the next run trashes both', () => {
    const world = sampleWorld();
    templateReady(world);
    world.stopRunAt('Properties.deleteProperty'); // finishing the run: after the PDF is stored and noted
    expect(() => generate(world)).toThrow('Exceeded maximum execution time');
    const made = [...world.driveStore.files.values()].filter((f) => f.name.startsWith('Báo cáo') && !f.trashed && (f.doc || f.mimeType === 'application/pdf'));
    const pdf = made.find((f) => f.mimeType === 'application/pdf');
    expect(pdf).toBeTruthy();
    expect(logRows(world).at(-1)).toEqual(expect.arrayContaining([GENERATE_MSG.logInProgress]));

    world.startNewRun();
    const next = generate(world);
    if (next.kind !== 'done') throw new Error(next.message);
    for (const f of made) expect(world.driveStore.file(f.id)!.trashed, f.name).toBe(true);
    const rows = logRows(world).map((r) => r.map(String));
    expect(rows.flat()).toContain(GENERATE_MSG.logStoppedDetail(made.filter((f) => f.doc).map((f) => f.id).concat(pdf!.id), []));
  });

  it('makes the same DocumentApp writes and one batchUpdate with 50 more value tags in the template', () => {
    const counts: Record<string, number>[] = [];
    for (const extra of [0, 50]) {
      const world = sampleWorld();
      const templateId = templateReady(world);
      const doc = DocumentApp.openById(templateId);
      for (let i = 0; i < extra; i++) doc.getBody().appendParagraph(`Thêm ${i}: {{ten_xa}}, {{giai_doan}}, {{ten_phong_trao}}`);
      doc.saveAndClose();
      world.calls.reset();
      expect(generate(world).kind).toBe('done');
      counts.push(world.calls.snapshot());
    }
    const writes = counts.map(documentAppWrites);
    console.log(`Generation, DocumentApp write calls: ${writes[0]} (default template), ${writes[1]} (+50 value tags); Docs batchUpdate: ${counts.map((c) => c['Docs.Documents.batchUpdate']).join(', ')}; Drive calls: ${counts.map((c) => Object.entries(c).filter(([k]) => k.startsWith('Drive.')).reduce((n, [, v]) => n + v, 0)).join(', ')}`);
    expect(writes[1]).toBe(writes[0]);
    expect(counts.map((c) => c['Docs.Documents.batchUpdate'])).toEqual([1, 1]);
  });

  it('rate limits are waited out: a copy and a batchUpdate each refused twice with 429 still make the report', () => {
    const world = sampleWorld();
    const templateId = templateReady(world);
    world.drive.failNext('Files.copy', 'User rate limit exceeded.', { code: 429, times: 2 });
    world.docs.failNext('Documents.batchUpdate', 'Quota exceeded for quota metric \'Write requests\'.', { code: 429, times: 2 });
    const startMs = world.clock.now();
    const out = generate(world);
    expect(out.kind).toBe('done');
    // 1 s then 2 s before each call's third try, on the fake clock.
    expect(world.clock.sleeps).toEqual([1000, 2000, 1000, 2000]);
    expect(world.clock.now() - startMs).toBeGreaterThanOrEqual(6000);
    expect(liveDocs(world, [templateId])).toHaveLength(1);
    const log = logRows(world);
    expect(log[log.length - 1]).toEqual(expect.arrayContaining([GENERATE_MSG.logOk]));
  });

  it('a Drive copy refused with 429 on every try: no document, the log says so, a later run succeeds', () => {
    const world = sampleWorld();
    const templateId = templateReady(world);
    world.drive.failNext('Files.copy', 'User rate limit exceeded.', { code: 429, times: MAX_TRIES });
    expect(() => generate(world)).toThrow(GENERATE_MSG.failed(GENERATE_MSG.rateLimited));
    expect(world.clock.sleeps).toEqual([1000, 2000, 4000]);
    expect(world.calls.count('Drive.Files.copy')).toBe(MAX_TRIES);
    expect(liveDocs(world, [templateId])).toEqual([]);
    const log = logRows(world);
    expect(log[log.length - 1]).toEqual(expect.arrayContaining([GENERATE_MSG.logFailed, GENERATE_MSG.rateLimited]));
    expect(world.locks.holder()).toBe('none');
    const retry = generate(world);
    expect(retry.kind).toBe('done');
    expect(liveDocs(world, [templateId])).toHaveLength(1);
  });

  it('a Docs batchUpdate failure: the copy is trashed, the log says so, a retry succeeds', () => {
    const world = sampleWorld();
    const templateId = templateReady(world);
    const before = docSnapshot(world, templateId);
    world.docs.failNext('Documents.batchUpdate', 'Internal error encountered.', { code: 500 });
    expect(() => generate(world)).toThrow(/Không tạo được báo cáo: Google báo lỗi: Internal error encountered\./);
    const copies = [...world.driveStore.files.values()].filter((f) => f.doc && f.id !== templateId);
    expect(copies).toHaveLength(1);
    expect(copies[0].trashed).toBe(true);
    const log = logRows(world);
    expect(log[log.length - 1]).toEqual(expect.arrayContaining([GENERATE_MSG.logFailed]));
    expect(String(log[log.length - 1][3])).toBe(''); // no link to a trashed copy
    expect(docSnapshot(world, templateId)).toBe(before);
    expect(generate(world).kind).toBe('done');
    expect(liveDocs(world, [templateId])).toHaveLength(1);
  });

  it('template problems: the copy is trashed and the problems come back with their locations', () => {
    const world = sampleWorld();
    const templateId = templateReady(world);
    const doc = DocumentApp.openById(templateId);
    doc.getBody().appendParagraph('Sai: {{khong_co_truong_nay}}');
    doc.saveAndClose();
    world.calls.reset();
    const out = generate(world);
    expect(out.kind).toBe('templateProblems');
    if (out.kind !== 'templateProblems') return;
    expect(out.problems[0].message).toContain('{{khong_co_truong_nay}}');
    expect(out.problems[0].location).toMatch(/Đoạn|đoạn/);
    expect(liveDocs(world, [templateId])).toEqual([]);
    expect(world.calls.count('Docs.Documents.batchUpdate')).toBe(0);
  });

  it('lock held by another clerk: the busy message, and nothing read or written', () => {
    const world = sampleWorld();
    templateReady(world);
    const files = world.driveStore.files.size;
    world.locks.holdByOther('document');
    const deps = { ss: ss(world), ui: world.globals.SpreadsheetApp.getUi(), now: () => NOW };
    world.calls.reset();
    const out = generateReportFlow(deps);
    expect(out).toEqual({ kind: 'busy', message: MSG.busy });
    const c = world.calls.snapshot();
    console.log('Busy generation, calls:', JSON.stringify(c));
    expect(Object.keys(c).filter((k) => !k.startsWith('Lock'))).toEqual([]);
    expect(world.driveStore.files.size).toBe(files);
  });

  it('warnings ask first: «Không» stops before any copy, «Có» goes on', () => {
    const warned = withCell(sampleGrid(), fieldCell(sampleGrid(), 'ky_den_ngay'), { year: 2024, month: 1, day: 1 });
    const issues = runReport(DVK, warned).issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    const world = installWorld({ sheets: sheetsOf(warned) });
    templateReady(world);
    const files = world.driveStore.files.size;
    world.ui.answerNext(world.ui.Button.NO);
    expect(generate(world).kind).toBe('cancelled');
    expect(world.driveStore.files.size).toBe(files);
    expect(world.ui.alerts[world.ui.alerts.length - 1].prompt).toContain('Kỳ báo cáo kết thúc sau ngày báo cáo');
    world.ui.answerNext(world.ui.Button.YES);
    const out = generate(world);
    expect(out.kind).toBe('done');
    expect(out.kind === 'done' && out.warnings).toHaveLength(issues.length);
  });
});
