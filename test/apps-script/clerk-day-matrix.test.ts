/**
 * The clerk's day on the BUILT bundle under every pessimistic answer of docs/google-behaviours.md: each
 * switch alone, then all together. Each menu item either does its job or stops with a Vietnamese message
 * that names what to press, and nothing is left half-made: no Doc but the template and the reports the log
 * links, input tabs unchanged after set-up, the template unchanged by generation. Prints the matrix.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { DVK } from '../helpers/workbook';
import { Button, createGoogleWorld, type GoogleWorld } from '../fakes/index';
import { BEHAVIOUR_IDS, PESSIMISTIC, SECOND_CLERK, type BehaviourId, type GoogleBehaviours } from '../fakes/behaviours';
import { CONSENT_REQUIRED } from '../fakes/script-app';
import { loadBundle } from '../fakes/load-bundle';
import { docSnapshot } from './google-harness';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-apps-script.mjs'], { stdio: 'pipe' });
}, 120_000);

type Item = 'setupWorkbook' | 'checkFigures' | 'computeIndicators' | 'createDefaultTemplate' | 'generateReport' | 'shareSelectedReport' | 'selfCheck';
const ITEMS: Item[] = ['setupWorkbook', 'checkFigures', 'computeIndicators', 'createDefaultTemplate', 'generateReport', 'shareSelectedReport', 'selfCheck'];
/** Items a second clerk runs when singleAccount is pessimistic (the first made the Sheet and the template). */
const SECOND_CLERK_ITEMS: Item[] = ['generateReport', 'shareSelectedReport', 'selfCheck'];

interface Cell {
  outcome: 'ok' | 'stopped';
  /** Consent asked again first (scope unticked), then the item ran. */
  consent: boolean;
  detail: string;
}

const tab = (w: GoogleWorld, name: string) => w.spreadsheet.sheets.find((s) => s.getName() === name);
function inputTabs(w: GoogleWorld): string {
  const names = new Set(DVK.tabs.map((t) => t.name));
  return JSON.stringify(w.spreadsheet.sheets.filter((s) => names.has(s.getName())).map((s) => [s.getName(), s.dump()]));
}
const liveDocs = (w: GoogleWorld) => [...w.driveStore.files.values()].filter((f) => f.doc && !f.trashed);
const lastAlert = (w: GoogleWorld) => w.ui.alerts.at(-1)?.prompt ?? '';
/** A sentence for the clerk: Vietnamese, and naming a menu item or tab to go to («…»). */
const namesWhatToDo = (m: string) => /[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i.test(m) && /«[^»]+»/.test(m);

function runDay(behaviours: Partial<GoogleBehaviours>): { cells: Record<Item, Cell>; world: GoogleWorld } {
  const world = createGoogleWorld({ behaviours });
  const gas = loadBundle(world);
  gas.call('onOpen', {});
  const cells = {} as Record<Item, Cell>;
  let templateId = '';
  let templateBefore = '';
  let inputsAfterSetup = '';
  let reportId = '';
  /** What a job that did its work wants shown beside "ok". */
  let note = '';

  const press = (item: Item, job: (result: unknown) => string | null): void => {
    if (!world.behaviours.singleAccount && SECOND_CLERK_ITEMS.includes(item)) world.runAs(SECOND_CLERK);
    const alertsBefore = world.ui.alerts.length;
    let consent = false;
    const call = () => (item === 'shareSelectedReport' ? gas.call(item, { reportId, role: 'Xem', message: 'Kính gửi' }) : gas.call(item));
    let result: unknown;
    try {
      result = call();
    } catch (e) {
      expect((e as Error).message).toBe(CONSENT_REQUIRED); // nothing else may escape a handler
      consent = true;
      world.scriptApp.grantAll(); // the clerk accepts Google's consent screen and presses again
      result = call();
    }
    note = '';
    const failure = job(result);
    if (failure === null) {
      cells[item] = { outcome: 'ok', consent, detail: note };
      return;
    }
    const said = item === 'shareSelectedReport' ? String((result as { message?: string })?.message ?? '') : world.ui.alerts.length > alertsBefore ? lastAlert(world) : '';
    cells[item] = { outcome: 'stopped', consent, detail: said || failure };
  };

  world.ui.answerNext(Button.YES);
  press('setupWorkbook', () => (DVK.tabs.every((t) => tab(world, t.name)) ? null : 'tabs missing'));
  inputsAfterSetup = inputTabs(world);
  press('checkFigures', () => (world.ui.shown.at(-1)?.kind === 'sidebar' ? null : 'no sidebar'));
  press('computeIndicators', () => {
    // The forest-cover row's «Viết trong báo cáo» cell must stay the text "34,79%", not a number read from it.
    const row = (tab(world, 'Chỉ tiêu')?.dump() ?? []).find((r) => r[0] === 'ty_le_che_phu_rung');
    return row && row[4] === '34,79%' ? null : `indicators not written as text: ${JSON.stringify(row?.[4])}`;
  });
  press('createDefaultTemplate', () => {
    const settings = JSON.stringify(tab(world, 'Cài đặt')?.dump() ?? '');
    const doc = liveDocs(world).find((f) => settings.includes(f.id));
    if (!doc) return 'no template recorded';
    templateId = doc.id;
    templateBefore = docSnapshot(world, templateId);
    return null;
  });
  world.ui.answerNext(Button.YES); // go on despite the sample's warning
  press('generateReport', () => {
    const log = JSON.stringify(tab(world, 'Nhật ký')?.dump() ?? '');
    const report = liveDocs(world).find((f) => f.id !== templateId && log.includes(f.id));
    if (!report || world.ui.shown.at(-1)?.kind !== 'modal') return 'no report';
    reportId = report.id;
    // The dialog offers «Lưu bản PDF» when the run could not render the values (switch k): the clerk presses it.
    const data = JSON.parse(/var DATA = (.*);/.exec(world.ui.shown.at(-1)?.html.getContent() ?? '')?.[1] ?? '{}') as { pdfUrl?: string; pdfLater?: { reportId: string; replacedTag: string } | null };
    if (!data.pdfUrl && data.pdfLater) {
      const later = gas.call('saveReportPdfLater', data.pdfLater.reportId, data.pdfLater.replacedTag) as { ok: boolean; message: string };
      if (!later.ok) return later.message;
      note = 'PDF saved by «Lưu bản PDF»';
    }
    const pdfs = [...world.driveStore.files.values()].filter((f) => f.mimeType === 'application/pdf' && !f.trashed);
    if (pdfs.length !== 1) return `${pdfs.length} PDFs beside the report`;
    if ((pdfs[0].content ?? '').includes('{{')) return 'a PDF of tags, not figures';
    return null;
  });
  press('shareSelectedReport', (result) => {
    const r = result as { ok?: boolean; results?: { outcome: string }[] };
    return r?.ok && (r.results ?? []).some((x) => x.outcome === 'shared') ? null : 'not shared';
  });
  press('selfCheck', () => {
    const html = world.ui.shown.at(-1)?.html.getContent() ?? '';
    if (!html.includes('"status"')) return 'no self-check dialog';
    // A pessimistic answer is reported as observed, never as a failure: the contract list passes under every answer.
    const failed = (html.match(/"status":"fail"/g) ?? []).length;
    if (failed) return `${failed} case(s) failing`;
    note = '';
    return null;
  });

  // Nothing half-made: every live Doc is the template or a report the log links; inputs and template unchanged.
  const log = JSON.stringify(tab(world, 'Nhật ký')?.dump() ?? '');
  for (const f of liveDocs(world)) expect(f.id === templateId || log.includes(f.id), `${f.name} is neither the template nor a logged report`).toBe(true);
  expect(inputTabs(world)).toBe(inputsAfterSetup);
  if (templateId) expect(docSnapshot(world, templateId)).toBe(templateBefore);
  return { cells, world };
}

const SCENARIOS: [string, Partial<GoogleBehaviours>][] = [
  ['all optimistic', {}],
  ...BEHAVIOUR_IDS.map((id): [string, Partial<GoogleBehaviours>] => [id, { [id]: false } as Partial<Record<BehaviourId, boolean>>]),
  ['all pessimistic', PESSIMISTIC],
];

describe('the clerk’s day under every answer Google may give', () => {
  const rows: string[] = [];
  for (const [name, behaviours] of SCENARIOS) {
    it(`${name}: each menu item does its job or stops with a message naming what to do`, () => {
      const { cells } = runDay(behaviours);
      // With Google answering the optimistic way, every item must do its job.
      if (name === 'all optimistic') for (const item of ITEMS) expect(cells[item].outcome, `${item}: ${cells[item].detail}`).toBe('ok');
      for (const item of ITEMS) {
        const c = cells[item];
        if (c.outcome === 'stopped') expect(namesWhatToDo(c.detail), `${item}: ${c.detail}`).toBe(true);
      }
      rows.push(
        `${name.padEnd(28)} ${ITEMS.map((i) => {
          const c = cells[i];
          const text = `${c.consent ? 'consent→' : ''}${c.outcome}${c.detail ? ` (${c.detail.slice(0, 60)})` : ''}`;
          return text;
        }).join(' | ')}`,
      );
    });
  }
  it('prints the matrix', () => {
    console.log(`switch × menu item → outcome\n${''.padEnd(28)} ${ITEMS.join(' | ')}\n${rows.join('\n')}`);
    expect(rows).toHaveLength(SCENARIOS.length);
  });
});
