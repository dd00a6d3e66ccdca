/**
 * Shared by the Docs port and generation tests: a fake Google world whose globals are installed as the
 * Apps Script globals the TypeScript sources use, and readers of a fake Google Doc that count no call.
 */
import { vi } from 'vitest';
import type { WorkbookGrid } from '../../src/core/workbook/grid';
import { toSheetValue } from '../../src/apps-script/sheet-io';
import { createGoogleWorld, type GoogleWorld, type WorldOptions } from '../fakes';
import { documentJson } from '../fakes/docs';

export function installWorld(opts: WorldOptions = {}): GoogleWorld {
  const world = createGoogleWorld(opts);
  vi.unstubAllGlobals();
  for (const [name, value] of Object.entries(world.globals)) if (name !== 'console') vi.stubGlobal(name, value);
  return world;
}

/** Sheet values as a clerk's workbook holds them (dates as Date). */
export function sheetsOf(grid: WorkbookGrid): Record<string, unknown[][]> {
  return Object.fromEntries(grid.map((s) => [s.name, s.rows.map((r) => r.map((v) => toSheetValue(v)))]));
}

/** Line breaks inside a paragraph ('\r' from DocumentApp, U+000B from the Docs API) read as '\n'. */
function breaks(s: string): string {
  return s.split('\r').join('\n').split('\u000b').join('\n');
}

/**
 * A Google Doc's body as `documentText` prints a ReportDocument: one line per paragraph, a table row's
 * cells joined by tabs. Trailing empty lines are dropped on both sides of a comparison: Google keeps an
 * empty paragraph after a final table, the in-memory model does not need one.
 */
export function googleBodyText(world: GoogleWorld, id: string): string {
  return trimEnd(breaks(world.docText(id).body));
}

export function trimEnd(s: string): string {
  return s.replace(/\n+$/, '');
}

/** The whole document (content, styles, headers) as the Docs API would return it, without counting a call. */
export function docSnapshot(world: GoogleWorld, id: string): string {
  const f = world.driveStore.file(id)!;
  return JSON.stringify(documentJson(f.doc!, f.name));
}

/** DocumentApp calls that change a document, from a call-count snapshot. */
export function documentAppWrites(counts: Record<string, number>): number {
  const services = /^(Body|HeaderSection|FooterSection|Paragraph|ListItem|Text|Table|TableRow|TableCell|Document)\./;
  const writes = /\.(insert|append|remove|replace|delete|set|merge|clear|saveAndClose|addHeader|addFooter)/;
  return Object.entries(counts)
    .filter(([k]) => services.test(k) && writes.test(k))
    .reduce((n, [, v]) => n + v, 0);
}
