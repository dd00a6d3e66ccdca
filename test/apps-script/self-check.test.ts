/**
 * "Tự kiểm tra kết nối Google" (src/apps-script/self-check.ts) against the Google fakes: every step passes
 * on a faithful world, an injected failure shows as that step failing (and its dependants skipped), and
 * the scratch files and tab are cleaned up whatever happens.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { runSelfCheck, selfCheck } from '../../src/apps-script/self-check';
import { SELF_CHECK_MSG as M } from '../../src/apps-script/messages';
import { MAX_TRIES } from '../../src/apps-script/retry';
import { createGoogleWorld, MIME, PROJECT_ROOT, type GoogleWorld } from '../fakes/index';
import { installGlobals } from '../fakes/globals';

let restore: (() => void) | null = null;
function world(): GoogleWorld {
  const w = createGoogleWorld({ sheets: { 'Chung': [['Mô tả']] }, htmlDir: join(PROJECT_ROOT, 'src', 'apps-script', 'ui') });
  restore = installGlobals(w);
  return w;
}
afterEach(() => {
  vi.restoreAllMocks();
  restore?.();
  restore = null;
});

/** Files the check created (everything but the bound Sheet) and whether each is in the trash. */
function scratchFiles(w: GoogleWorld) {
  return [...w.driveStore.files.values()].filter((f) => f.mimeType !== MIME.sheet);
}

describe('self-check', () => {
  it('passes every step on a world with the optimistic answers of docs/google-behaviours.md, then cleans up', () => {
    const w = world();
    const data = runSelfCheck();
    const failed = data.steps.filter((s) => s.status !== 'pass');
    expect(failed, JSON.stringify(failed, null, 1)).toEqual([]);
    expect(data.steps.map((s) => s.label)).toEqual([
      M.createDoc,
      M.driveSeesDoc,
      M.copy,
      M.portMerge,
      M.lineBreak,
      M.batchUpdate,
      M.batchUpdateZero,
      M.formulaText,
      M.move,
      M.permissionsList,
      M.lock,
      M.cleanup,
    ]);
    const files = scratchFiles(w);
    expect(files.map((f) => f.mimeType).sort()).toEqual([MIME.doc, MIME.doc, MIME.folder]);
    expect(files.every((f) => f.trashed)).toBe(true);
    expect(w.spreadsheet.sheets.map((s) => s.getName())).toEqual(['Chung']);
    expect(w.spreadsheet.getActiveSheet().getName()).toBe('Chung');
    expect(w.locks.holder('document')).toBe('none');
    // The merge kept $1, \ and {{b}} verbatim (checked against the copy's text).
    const copy = files.find((f) => f.doc && f.name.includes('bản sao'))!;
    expect(w.docText(copy.id).body.split('\n')[0]).toBe('giá $1 \\ {{b}} | B');
    // Unconfirmed behaviours say so in their label.
    for (const label of [M.copy, M.batchUpdateZero, M.formulaText, M.move, M.cleanup]) expect(label).toContain('chưa xác nhận');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('reports an injected failure on its step, skips what depends on it, and still cleans up', () => {
    const w = world();
    w.drive.failNext('Files.copy', 'User rate limit exceeded.', { code: 429, times: MAX_TRIES }); // outlasts the retries
    const data = runSelfCheck();
    const status = Object.fromEntries(data.steps.map((s) => [s.label, s.status]));
    expect(status[M.copy]).toBe('fail');
    expect(data.steps.find((s) => s.label === M.copy)!.detail).toContain('User rate limit exceeded.');
    expect(status[M.portMerge]).toBe('skip');
    expect(status[M.lineBreak]).toBe('skip');
    expect(status[M.move]).toBe('skip');
    expect(status[M.batchUpdate]).toBe('pass');
    expect(status[M.cleanup]).toBe('pass');
    expect(scratchFiles(w).every((f) => f.trashed)).toBe(true);
    expect(scratchFiles(w)).toHaveLength(1);
  });

  it('cleans up when a late step fails with an exception of its own', () => {
    const w = world();
    w.failNext('Docs.Documents.batchUpdate', new Error('Internal error encountered.'), 2);
    const data = runSelfCheck();
    const status = Object.fromEntries(data.steps.map((s) => [s.label, s.status]));
    expect(status[M.portMerge]).toBe('fail');
    expect(status[M.batchUpdate]).toBe('fail');
    expect(status[M.batchUpdateZero]).toBe('skip');
    expect(status[M.cleanup]).toBe('pass');
    expect(scratchFiles(w).every((f) => f.trashed)).toBe(true);
    expect(w.spreadsheet.sheets).toHaveLength(1);
  });

  it('says which scratch file it could not trash, and still trashes the others', () => {
    const w = world();
    const update = w.drive.files.update.bind(w.drive.files);
    let refused = '';
    vi.spyOn(w.drive.files, 'update').mockImplementation((resource, id, ...rest) => {
      if (resource?.trashed && !refused) {
        refused = id;
        throw new Error('API call to drive.files.update failed with error: Internal Error');
      }
      return update(resource, id, ...rest);
    });
    const data = runSelfCheck();
    const cleanup = data.steps[data.steps.length - 1];
    expect(cleanup.label).toBe(M.cleanup);
    expect(cleanup.status).toBe('fail');
    expect(cleanup.detail).toContain(refused);
    expect(cleanup.detail).toContain('Internal Error');
    expect(data.steps.filter((s) => s.status !== 'pass').map((s) => s.label)).toEqual([M.cleanup]);
    expect(scratchFiles(w).filter((f) => !f.trashed).map((f) => f.id)).toEqual([refused]);
    expect(w.spreadsheet.sheets).toHaveLength(1);
  });

  it('reports a held lock as busy, not as a broken connection', () => {
    const w = world();
    w.locks.holdByOther('document');
    const step = runSelfCheck().steps.find((s) => s.label === M.lock)!;
    expect(step.status).toBe('fail');
    expect(step.detail).toBe(M.lockBusy);
    expect(w.locks.holder('document')).toBe('other');
  });

  it('the menu handler shows the result as a dialog', () => {
    const w = world();
    selfCheck();
    expect(w.ui.shown).toHaveLength(1);
    expect(w.ui.shown[0].kind).toBe('modal');
    expect(w.ui.shown[0].title).toBe('Tự kiểm tra kết nối Google');
    expect(w.ui.shown[0].html.getContent()).toContain(JSON.stringify(M.createDoc).slice(1, 20));
  });
});
