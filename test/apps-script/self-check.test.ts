/**
 * "Tự kiểm tra kết nối Google" (src/apps-script/self-check.ts) against the Google fakes: it shows every case of
 * the contract list (contract.test.ts runs that list under every answer of every switch), retries Google's rate
 * limits as every other call of the product does, shows an injected failure on its case (and its dependants as
 * skipped), and cleans up the scratch files and tab whatever happens.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { runSelfCheck, selfCheck } from '../../src/apps-script/self-check';
import { CONTRACT_CASES } from '../../src/apps-script/contract';
import { SELF_CHECK_MSG as M } from '../../src/apps-script/messages';
import { MAX_TRIES } from '../../src/apps-script/retry';
import type { SelfCheckData } from '../../src/apps-script/ui-data';
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

/** Files the check created (everything but the bound Sheet). */
function scratchFiles(w: GoogleWorld) {
  return [...w.driveStore.files.values()].filter((f) => f.mimeType !== MIME.sheet);
}

function statusOf(data: SelfCheckData): Record<string, string> {
  return Object.fromEntries(data.steps.map((s) => [s.label, s.status]));
}

const label = (id: string) => CONTRACT_CASES.find((c) => c.id === id)!.label;

describe('self-check', () => {
  it('shows every case of the contract list, then the clean-up, and leaves nothing behind', () => {
    const w = world();
    const data = runSelfCheck();
    expect(data.steps.map((s) => s.label)).toEqual([...CONTRACT_CASES.map((c) => c.label), M.cleanup]);
    const bad = data.steps.filter((s) => s.status !== 'pass' && s.status !== 'observed');
    expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
    expect(data.steps.filter((s) => s.status === 'observed').every((s) => s.detail.startsWith('Google trả lời: '))).toBe(true);
    const files = scratchFiles(w);
    expect(files.length).toBeGreaterThan(5);
    expect(files.filter((f) => !f.trashed)).toEqual([]);
    expect(w.spreadsheet.sheets.map((s) => s.getName())).toEqual(['Chung']);
    expect(w.spreadsheet.getActiveSheet().getName()).toBe('Chung');
    expect(w.locks.holder('document')).toBe('none');
    // The merge kept $1, \ and {{b}} verbatim in the copy it made.
    expect(files.some((f) => f.doc && w.docText(f.id).body === 'giá $1 \\ {{b}} | B\nCuối')).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('waits out a rate limit on Drive and on Docs (the product’s retry), then passes', () => {
    const w = world();
    w.drive.failNext('Files.copy', 'User rate limit exceeded.', { code: 429 });
    w.docs.failNext('Documents.batchUpdate', 'Quota exceeded for quota metric', { code: 429 });
    const data = runSelfCheck();
    expect(statusOf(data)[label('drive.copy')]).toBe('pass');
    expect(statusOf(data)[label('docs.replaceAll')]).toBe('pass');
    expect(w.clock.sleeps).toEqual([1000, 1000]);
    expect(w.calls.pendingFailures()).toEqual({});
  });

  it('reports a failure that outlasts the retries on its case, skips what depends on it, and still cleans up', () => {
    const w = world();
    w.drive.failNext('Files.copy', 'User rate limit exceeded.', { code: 429, times: MAX_TRIES });
    const data = runSelfCheck();
    const status = statusOf(data);
    expect(status[label('drive.copy')]).toBe('fail');
    expect(data.steps.find((s) => s.label === label('drive.copy'))!.detail).toContain('User rate limit exceeded.');
    expect(status[label('docs.merge')]).toBe('skip');
    expect(data.steps.find((s) => s.label === label('docs.merge'))!.detail).toBe(M.skipped(label('drive.copy')));
    expect(status[label('docs.replaceAll')]).toBe('pass');
    expect(status[M.cleanup]).toBe('pass');
    expect(scratchFiles(w).filter((f) => !f.trashed)).toEqual([]);
  });

  it('a Drive that cannot create the scratch Doc skips every case that needs one', () => {
    const w = world();
    w.drive.failNext('Files.create', 'Insufficient Permission', { code: 403, times: 2 }); // the folder, then the Doc
    const data = runSelfCheck();
    const status = statusOf(data);
    expect(status[label('drive.createDoc')]).toBe('fail');
    for (const c of CONTRACT_CASES.filter((x) => x.needs?.includes('drive.createDoc'))) expect(status[c.label], c.id).toBe('skip');
    expect(status[label('sheet.plainText')]).toBe('pass');
    expect(status[M.cleanup]).toBe('pass');
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
    expect(data.steps.filter((s) => s.status === 'fail').map((s) => s.label)).toEqual([M.cleanup]);
    expect(scratchFiles(w).filter((f) => !f.trashed).map((f) => f.id)).toEqual([refused]);
    expect(w.spreadsheet.sheets).toHaveLength(1);
  });

  it('reports a held lock as busy, not as a broken connection', () => {
    const w = world();
    w.locks.holdByOther('document');
    const step = runSelfCheck().steps.find((s) => s.label === label('lock'))!;
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
