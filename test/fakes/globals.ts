/**
 * Runs src/apps-script modules directly (without building dist/Code.js): the world's fakes become the
 * globals those modules call (SpreadsheetApp, Drive, LockService, ...), as they are in Apps Script.
 *
 *   const world = createGoogleWorld();
 *   const restore = installGlobals(world);
 *   try { shareSelectedReport(...) } finally { restore(); }
 *
 * Only the Google services are installed; `console` stays Node's. The end-to-end tests load the built
 * bundle with load-bundle.ts instead, which also takes Node's own globals away.
 */
import type { GoogleWorld } from './index';

export function installGlobals(world: GoogleWorld): () => void {
  const g = globalThis as Record<string, unknown>;
  const names = ['SpreadsheetApp', 'DocumentApp', 'Drive', 'Docs', 'Sheets', 'ScriptApp', 'LockService', 'PropertiesService', 'HtmlService', 'Utilities', 'Session'] as const;
  const before = new Map<string, { had: boolean; value: unknown }>();
  for (const name of names) {
    before.set(name, { had: Object.prototype.hasOwnProperty.call(g, name), value: g[name] });
    const value = (world.globals as unknown as Record<string, unknown>)[name];
    if (value === undefined) delete g[name];
    else g[name] = value;
  }
  return () => {
    for (const [name, { had, value }] of before) {
      if (had) g[name] = value;
      else delete g[name];
    }
  };
}
