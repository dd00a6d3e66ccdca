/**
 * Several clerks, one Sheet (docs/google-behaviours.md, switch j: drive.file is per account). Clerk A sets up
 * and makes the template; clerk B, another editor of the Sheet, generates and shares on the BUILT bundle.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { Button, createGoogleWorld, MIME, type GoogleWorld } from '../fakes/index';
import { SECOND_CLERK } from '../fakes/behaviours';
import { loadBundle, type LoadedBundle } from '../fakes/load-bundle';
import { docSnapshot, googleBodyText } from './google-harness';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

const liveDocs = (w: GoogleWorld) => [...w.driveStore.files.values()].filter((f) => f.doc && !f.trashed);

/** A's day up to the template and one report of A's own. */
function firstClerkDay(): { world: GoogleWorld; gas: LoadedBundle; templateId: string; reportA: string } {
  const world = createGoogleWorld({ behaviours: { singleAccount: false } });
  const gas = loadBundle(world);
  world.ui.answerNext(Button.YES);
  gas.call('setupWorkbook');
  gas.call('createDefaultTemplate');
  const templateId = liveDocs(world)[0].id;
  world.ui.answerNext(Button.YES);
  gas.call('generateReport');
  const reportA = liveDocs(world).find((f) => f.id !== templateId)!.id;
  return { world, gas, templateId, reportA };
}

describe('a second clerk', () => {
  it('generates into a Doc and folder the app made for their own account, with the same text, the template only read', () => {
    const { world, gas, templateId, reportA } = firstClerkDay();
    const templateBefore = docSnapshot(world, templateId);
    world.runAs(SECOND_CLERK);
    world.ui.answerNext(Button.YES);
    world.clock.advance(60_000);
    gas.call('generateReport');
    const reportB = liveDocs(world).find((f) => f.id !== templateId && f.id !== reportA);
    expect(reportB, JSON.stringify(world.ui.alerts.at(-1))).toBeDefined();
    expect(reportB!.owner).toBe(SECOND_CLERK);
    const folder = world.driveStore.file(reportB!.parents[0])!;
    expect(folder.mimeType).toBe(MIME.folder);
    expect(folder.owner).toBe(SECOND_CLERK);
    expect(googleBodyText(world, reportB!.id)).toBe(googleBodyText(world, reportA));
    expect(docSnapshot(world, templateId)).toBe(templateBefore);
    const log = JSON.stringify(world.spreadsheet.sheets.find((s) => s.getName() === 'Nhật ký')!.dump());
    expect(log).toContain(reportB!.id);

    // B shares B's report; A's report is another account's file, and B is told what to do instead.
    const ok = gas.call('shareSelectedReport', { reportId: reportB!.id, role: 'Xem', message: '' }) as { ok: boolean; results: { outcome: string }[] };
    expect(ok.ok).toBe(true);
    expect(ok.results.some((r) => r.outcome === 'shared')).toBe(true);
    const other = gas.call('shareSelectedReport', { reportId: reportA, role: 'Xem', message: '' }) as { ok: boolean; message: string };
    expect(other.ok).toBe(false);
    expect(other.message).toContain('«Tạo báo cáo»');
  });

  it('who cannot open the template is told exactly whom to ask and what to press, and nothing is left behind', () => {
    const { world, gas, templateId } = firstClerkDay();
    const template = world.driveStore.file(templateId)!;
    template.permissions = template.permissions.filter((p) => p.emailAddress !== SECOND_CLERK); // an editor added after the template
    world.runAs(SECOND_CLERK);
    const docsBefore = liveDocs(world).length;
    world.ui.answerNext(Button.YES);
    gas.call('generateReport');
    const said = world.ui.alerts.at(-1)?.prompt ?? '';
    expect(said).toContain('chia sẻ');
    expect(said).toContain('«Tạo mẫu báo cáo mặc định»');
    expect(liveDocs(world).length).toBe(docsBefore);
  });
});
