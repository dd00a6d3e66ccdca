/**
 * Checks on the one Docs batchUpdate that fills a report, for the behaviours Google does not document
 * (docs/google-behaviours.md): each throws a ClerkMessage, and the caller trashes the copy.
 *
 * - Two-stage plans (values holding braces; literal-plan.ts): each tag's second request (sentinel to value)
 *   must change as many places as its first (tag to sentinel). Fewer means the sentinels did not survive.
 * - Line breaks: a value with a line break is sent with U+000B, the Docs API's line break in a paragraph;
 *   whether replaceAllText keeps it is not documented (switch e). When such a value was used, one
 *   Documents.get confirms it arrived whole; otherwise generation stops loudly rather than hand over a
 *   report with lines run together.
 */
import type { Replacement } from '../core/template/port';
import { ClerkMessage } from './errors';
import { GENERATE_MSG } from './messages';

export const VERTICAL_TAB = '\u000b';

type Reply = GoogleAppsScript.Docs.Schema.Response;

/** occurrencesChanged of each reply (Google may leave it out when 0). */
export function replyCounts(replies: readonly Reply[] | undefined): number[] {
  return (replies ?? []).map((r) => r?.replaceAllText?.occurrencesChanged ?? 0);
}

/** The count of each pair's final request; throws when a two-stage plan lost places between its stages. */
export function finalCounts(pairs: readonly Replacement[], plan: readonly Replacement[], counts: readonly number[]): number[] {
  if (plan.length !== pairs.length * 2) return counts.slice(0, pairs.length);
  const n = pairs.length;
  for (let i = 0; i < n; i++) {
    if (counts[n + i] !== counts[i]) throw new ClerkMessage(GENERATE_MSG.markersLost(pairs[i].find, counts[i], counts[n + i]));
  }
  return counts.slice(n);
}

/** Every text run of a Docs API document (body, headers, footers), paragraphs separated by their '\n'. */
export function documentText(doc: GoogleAppsScript.Docs.Schema.Document): string {
  const out: string[] = [];
  const visit = (content: GoogleAppsScript.Docs.Schema.StructuralElement[] | undefined) => {
    for (const el of content ?? []) {
      for (const e of el.paragraph?.elements ?? []) out.push(e.textRun?.content ?? '');
      for (const row of el.table?.tableRows ?? []) for (const cell of row.tableCells ?? []) visit(cell.content);
    }
  };
  visit(doc.body?.content);
  for (const h of Object.values(doc.headers ?? {})) visit(h.content);
  for (const f of Object.values(doc.footers ?? {})) visit(f.content);
  return out.join('');
}

/** Pairs whose value holds a line break and that replaced something: the ones to confirm. */
export function multiLinePairs(pairs: readonly Replacement[], finals: readonly number[]): Replacement[] {
  return pairs.filter((p, i) => /\r|\n/.test(p.replace) && (finals[i] ?? 0) > 0);
}

/** Throws when a multi-line value did not arrive with its line breaks. */
export function checkLineBreaks(doc: GoogleAppsScript.Docs.Schema.Document, pairs: readonly Replacement[]): void {
  const text = documentText(doc);
  for (const p of pairs) {
    const sent = p.replace.replace(/\r\n|\r|\n/g, VERTICAL_TAB);
    if (!text.includes(sent)) throw new ClerkMessage(GENERATE_MSG.lineBreakLost(p.find));
  }
}
