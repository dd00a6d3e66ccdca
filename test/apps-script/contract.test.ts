/**
 * The contract list (src/apps-script/contract/) against the fakes, the same list «Tự kiểm tra kết nối Google»
 * runs live. For every setting of the switches (all optimistic; all pessimistic; each switch pessimistic
 * alone) the whole list runs on a fresh world, as the self-check does:
 * - a checked case (documented behaviour, or the product's path around a switch) passes under every setting;
 * - an observed case reports exactly the answer the fakes' switch gives, under both settings of its switch;
 * - every scratch file ends in the trash, the scratch tab is gone, the clerk's tab stays active;
 * - the Google calls stay a handful per case, never one per cell.
 * A case added to the list is run here and live without further code.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLEANUP_ID, CONTRACT_CASES, isObserved, runContract, type CaseOutcome } from '../../src/apps-script/contract';
import { BEHAVIOUR_IDS, OPTIMISTIC, type GoogleBehaviours } from '../fakes/behaviours';
import { countByKind, MIME, type GoogleWorld } from '../fakes/index';
import { installWorld } from './google-harness';

type Setting = [name: string, behaviours: Partial<GoogleBehaviours>];

/**
 * Every switch pessimistic but i: with a scope missing the self-check never reaches the cases (the handler asks
 * for consent first, bundle.test.ts), so "all pessimistic" is the rest; i alone is a setting of its own.
 */
const ALL_BUT_SCOPES = Object.fromEntries(BEHAVIOUR_IDS.filter((id) => id !== 'allScopesGranted').map((id) => [id, false]));
const SETTINGS: Setting[] = [
  ['all optimistic', {}],
  ['all pessimistic (but i)', ALL_BUT_SCOPES],
  ...BEHAVIOUR_IDS.map((id): Setting => [`${id} pessimistic`, { [id]: false }]),
];

describe('the contract list', () => {
  it('has unique ids, Vietnamese labels, and prerequisites that come earlier in the list', () => {
    const ids = CONTRACT_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    CONTRACT_CASES.forEach((c, i) => {
      expect(c.label.length, c.id).toBeGreaterThan(10);
      for (const n of c.needs ?? []) expect(ids.slice(0, i), `${c.id} needs ${n}`).toContain(n);
    });
  });

  it('has a case for every switch of docs/google-behaviours.md, observing it wherever the self-check can', () => {
    const covered = new Set(CONTRACT_CASES.map((c) => (isObserved(c) ? c.behaviour : c.covers)).filter(Boolean));
    expect([...covered].sort()).toEqual([...BEHAVIOUR_IDS].sort());
    // Observing switch a would need DocumentApp.create, whose file the app might then be unable to trash.
    const observed = CONTRACT_CASES.filter(isObserved).map((c) => c.behaviour);
    expect(BEHAVIOUR_IDS.filter((id) => !observed.includes(id))).toEqual(['documentAppFilesAreAppFiles']);
  });
});

describe.each(SETTINGS)('the contract list on the fakes, %s', (_name, behaviours) => {
  const answers: GoogleBehaviours = { ...OPTIMISTIC, ...behaviours };
  let world: GoogleWorld;
  let outcomes: CaseOutcome[];
  beforeAll(() => {
    world = installWorld({ sheets: { Chung: [['Mô tả']] }, behaviours });
    outcomes = runContract(CONTRACT_CASES, '2025-01-31 10:00:00');
    vi.unstubAllGlobals();
  });
  afterAll(() => vi.unstubAllGlobals());
  const outcome = (id: string) => outcomes.find((o) => o.id === id)!;

  it.each(CONTRACT_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const o = outcome(c.id);
    if (!answers.allScopesGranted && c.id !== 'script.scopes') {
      // A missing grant stops the list: the later cases would fail for the wrong reason.
      expect(o.status, o.detail).toBe('skip');
      return;
    }
    if (isObserved(c)) {
      expect(o.status, o.detail).toBe('observed');
      expect(o.optimistic).toBe(answers[c.behaviour]);
      expect(o.detail).toContain(answers[c.behaviour] ? c.answers.optimistic : c.answers.pessimistic);
    } else {
      expect(o.status, o.detail).toBe('pass');
    }
  });

  it('cleans up: every scratch file trashed, the scratch tab deleted, the clerk’s tab still active', () => {
    expect(outcome(CLEANUP_ID)).toMatchObject({ status: 'pass' });
    const scratch = [...world.driveStore.files.values()].filter((f) => f.mimeType !== MIME.sheet);
    expect(scratch.filter((f) => !f.trashed).map((f) => f.name)).toEqual([]);
    expect(world.spreadsheet.sheets.map((s) => s.getName())).toEqual(['Chung']);
    expect(world.spreadsheet.getActiveSheet().getName()).toBe('Chung');
    expect(world.locks.holder('document')).toBe('none');
  });

  it('makes a handful of Google calls per case, never one per cell', () => {
    const counts = world.calls.snapshot();
    const byKind = countByKind(counts);
    const sheetWrites = (counts['Range.setValues'] ?? 0) + (counts['Range.setValue'] ?? 0);
    console.log(`contract list, ${_name}: ${byKind.api} API calls, ${byKind.documentApp} DocumentApp calls, ${sheetWrites} sheet writes, ${world.clock.elapsedMs / 1000} s on the fake clock`);
    expect(counts['Range.setValue'] ?? 0).toBe(0);
    expect(sheetWrites).toBeLessThanOrEqual(CONTRACT_CASES.length);
    expect(byKind.api).toBeLessThanOrEqual(6 * CONTRACT_CASES.length);
  });
});
