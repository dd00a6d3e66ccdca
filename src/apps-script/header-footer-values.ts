/**
 * Value tags in the header and footer, replaced through DocumentApp before the document is saved, because
 * whether the Docs API's replaceAllText reaches headers and footers is not documented
 * (docs/google-behaviours.md, switch f). Done the same way whichever answer Google gives, so the result
 * never depends on it: by the time the one batchUpdate runs, no tag is left outside the body.
 *
 * Literal: each tag is deleted and its value inserted (no replacement pattern, so `$` and `\` in a value are
 * plain text), right to left within a Text so earlier offsets stay valid, and all simultaneously (a value
 * holding `{{x}}` is not expanded again). A line break in a value becomes a space here: how DocumentApp's
 * insertText treats one is not documented, and header and footer values are one-line names and dates.
 */
import type { Replacement } from '../core/template/port';

type GDoc = GoogleAppsScript.Document.Document;

/** Any whole tag; the merge's replacements name whole tags. */
const TAG_PATTERN = '\\{\\{[^{}]*\\}\\}';

interface Searchable {
  findText(pattern: string, from?: GoogleAppsScript.Document.RangeElement): GoogleAppsScript.Document.RangeElement | null;
}

/** Replaces every tag of `pairs` in the header and footer; returns how many were replaced. */
export function replaceHeaderFooterValues(doc: GDoc, pairs: readonly Replacement[]): number {
  if (pairs.length === 0) return 0;
  const values = new Map<string, string>();
  for (const p of pairs) if (!values.has(p.find)) values.set(p.find, p.replace);
  // getHeader()/getFooter() return null when the doc has none.
  const sections = [doc.getHeader() as unknown as Searchable | null, doc.getFooter() as unknown as Searchable | null];
  let replaced = 0;
  for (const section of sections) if (section) replaced += replaceIn(section, values);
  return replaced;
}

function replaceIn(section: Searchable, values: Map<string, string>): number {
  const hits: GoogleAppsScript.Document.RangeElement[] = [];
  for (let found = section.findText(TAG_PATTERN); found; found = section.findText(TAG_PATTERN, found)) hits.push(found);
  let replaced = 0;
  // Last hit first: within one Text, an edit never moves the offsets of the hits before it.
  for (const hit of hits.reverse()) {
    const text = hit.getElement().asText();
    const start = hit.getStartOffset();
    const end = hit.getEndOffsetInclusive();
    const value = values.get(text.getText().slice(start, end + 1));
    if (value === undefined) continue;
    if (value !== '') text.insertText(end + 1, value.replace(/\r\n|\r|\n/g, ' '));
    text.deleteText(start, end);
    replaced++;
  }
  return replaced;
}
