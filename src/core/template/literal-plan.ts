/**
 * Turning simultaneous literal replacements into an ordered list for a backend that applies its
 * replace-all requests one after another (Docs API batchUpdate: replaceAllText requests run in order).
 * Done naively, a value holding `{{other}}` would be expanded by the later request for `{{other}}`.
 * Two stages fix that: every find becomes a unique sentinel first (no tag can match a sentinel), then
 * every sentinel becomes its value (no value can hold a sentinel: the sentinel characters are chosen
 * among ordinary bracket symbols absent from the document and from every value).
 *
 * The sentinel characters are never from the Private Use Area: Google strips those from inserted text,
 * and whether replaceAllText strips them too is not documented (docs/google-behaviours.md, switch b).
 *
 * When no value holds a brace the pairs go as they are, in one stage: in a document that passed the tag
 * check every '{{' belongs to a whole tag, so no find can match across an inserted value.
 */
import type { Replacement } from './port';

export function sequentialReplacements(pairs: readonly Replacement[], documentText: string): Replacement[] {
  if (pairs.length === 0) return [];
  if (pairs.every((p) => !/[{}]/.test(p.replace))) return pairs.map((p) => ({ ...p }));
  const used = documentText + pairs.map((p) => p.find + p.replace).join('');
  const [open, close] = freeChars(used);
  const sentinel = (i: number) => `${open}${i.toString(36)}${close}`;
  return [
    ...pairs.map((p, i) => ({ find: p.find, replace: sentinel(i) })),
    ...pairs.map((p, i) => ({ find: sentinel(i), replace: p.replace })),
  ];
}

/** Where sentinel characters come from: Miscellaneous Mathematical Symbols-B (brackets and such), assigned and outside the Private Use Area. */
const SENTINEL_FIRST = 0x2983;
const SENTINEL_LAST = 0x29ff;

/** Two distinct sentinel characters that `text` does not contain. */
function freeChars(text: string): [string, string] {
  const free: string[] = [];
  for (let code = SENTINEL_FIRST; code <= SENTINEL_LAST && free.length < 2; code++) {
    const ch = String.fromCharCode(code);
    if (!text.includes(ch)) free.push(ch);
  }
  if (free.length < 2) throw new Error('No free character for replacement sentinels');
  return [free[0], free[1]];
}

/** Literal replace-all of one find in a string, left to right, non-overlapping (for tests and fakes). */
export function replaceAllLiteral(text: string, find: string, replace: string): string {
  return find === '' ? text : text.split(find).join(replace);
}
