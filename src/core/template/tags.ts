/**
 * The tag grammar. A tag is `{{` … `}}` on one paragraph:
 *   {{name}} {{a.b.c}} {{.}}       value tags
 *   {{#name}} {{^name}} {{/name}}  section open, inverse open, close
 * Names are dotted paths of segments made of letters, digits, "_" and "-".
 *
 * During the merge, copies made for a list item get a SCOPE PREFIX inserted right after every `{{`:
 * `{{ten}}` inside item 2 of `cay_trong` becomes `{{cay_trong.2:ten}}`; a nested copy prepends again
 * (`{{thon.0:xa.1:ten}}`), so the leftmost scope is the innermost. ":" is reserved for this and may not
 * appear in a tag an author writes. Prefixes only use characters that are literal both in a regular
 * expression replacement and in a Docs API replaceAllText, so a port can insert them with one call.
 */
import { templateMessages as msg } from './messages';

export type Sigil = '' | '#' | '^' | '/';

export interface TagParts {
  /** Scope prefixes, innermost first, as they appear left to right (`thon.0`, `xa.1`). */
  scopes: string[];
  sigil: Sigil;
  /** A dotted path, or '.' for the current item. */
  name: string;
}

export interface FoundTag {
  /** Offsets in the paragraph text: `raw === text.slice(start, end)`. */
  start: number;
  end: number;
  raw: string;
  parts: TagParts;
}

export interface MalformedTag {
  start: number;
  end: number;
  raw: string;
  reason: string;
}

export interface ScanResult {
  tags: FoundTag[];
  malformed: MalformedTag[];
}

export const TAG_OPEN = '{{';
export const TAG_CLOSE = '}}';
/** Separates scope prefixes from the tag body. */
export const SCOPE_SEPARATOR = ':';

const PATH = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*$/u;
/** The same grammar for ASCII names, the usual case, which a plain pattern checks much faster. */
const ASCII_PATH = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

export function isPath(s: string): boolean {
  return ASCII_PATH.test(s) || PATH.test(s);
}

/** Parses what stands between `{{` and `}}`; returns the parts or a Vietnamese reason. */
export function parseTagInner(inner: string): TagParts | { error: string } {
  const pieces = inner.split(SCOPE_SEPARATOR);
  const body = (pieces.pop() as string).trim();
  const scopes = pieces.map((p) => p.trim());
  for (const s of scopes) if (!isPath(s)) return { error: s === '' ? msg.reservedColon : msg.badName(s) };
  if (body === '') return { error: msg.emptyTag };
  if (body === '.') return { scopes, sigil: '', name: '.' };
  const first = body[0];
  const sigil: Sigil = first === '#' || first === '^' || first === '/' ? first : '';
  const name = (sigil ? body.slice(1) : body).trim();
  if (name === '.' && sigil) return { error: msg.dotSection };
  if (!isPath(name)) return { error: name === '' ? msg.emptyTag : msg.badName(name) };
  return { scopes, sigil, name };
}

/**
 * Finds every tag in a paragraph's text, left to right. A tag ends at the first `}}` after its `{{`;
 * a second `{{` before that `}}`, a missing `}}`, or a bad body makes it malformed (reported, not guessed).
 */
export function scanTags(text: string, onlySections = false): ScanResult {
  const tags: FoundTag[] = [];
  const malformed: MalformedTag[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(TAG_OPEN, from);
    if (start < 0) break;
    const close = text.indexOf(TAG_CLOSE, start + 2);
    if (close < 0) {
      malformed.push({ start, end: text.length, raw: shorten(text.slice(start)), reason: msg.unclosedBrace });
      break;
    }
    const again = text.indexOf(TAG_OPEN, start + 2);
    if (again >= 0 && again < close) {
      malformed.push({ start, end: again, raw: shorten(text.slice(start, again)), reason: msg.nestedOpen });
      from = again;
      continue;
    }
    const end = close + 2;
    // Pairing sections needs only their tags: skip a value tag before making any string of it.
    if (onlySections && !hasSigil(text, start + 2, close)) {
      from = end;
      continue;
    }
    const raw = text.slice(start, end);
    const parts = parseTagInner(text.slice(start + 2, close));
    if ('error' in parts) malformed.push({ start, end, raw, reason: parts.error });
    else tags.push({ start, end, raw, parts });
    from = end;
  }
  return { tags, malformed };
}

/** Whether the tag body between from and to (after its scopes and spaces) starts with a section sigil. */
function hasSigil(text: string, from: number, to: number): boolean {
  const colon = text.lastIndexOf(SCOPE_SEPARATOR, to - 1);
  let i = colon >= from ? colon + 1 : from;
  while (i < to && /\s/.test(text[i])) i++;
  const c = text[i];
  return c === '#' || c === '^' || c === '/';
}

/** The tag as its author wrote it (scopes dropped), for messages: `{{#cay_trong}}`. */
export function displayTag(parts: TagParts): string {
  return `${TAG_OPEN}${parts.sigil}${parts.name}${TAG_CLOSE}`;
}

/** Canonical text of a tag, scopes included. */
export function formatTag(parts: TagParts): string {
  const scopes = parts.scopes.map((s) => s + SCOPE_SEPARATOR).join('');
  return `${TAG_OPEN}${scopes}${parts.sigil}${parts.name}${TAG_CLOSE}`;
}

/** The prefix that scopes a copy to item `index` of list `name` (`cay_trong.2:`), or to a shown group. */
export function scopePrefix(name: string, index?: number): string {
  return (index === undefined ? name : `${name}.${index}`) + SCOPE_SEPARATOR;
}

/** What `prefixTags` does to text: insert `prefix` after every `{{`. Ports may use it on plain strings. */
export function prefixText(text: string, prefix: string): string {
  return text.split(TAG_OPEN).join(TAG_OPEN + prefix);
}

/** Offsets right after each `{{` (where a prefix goes), left to right, non-overlapping. */
export function prefixOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(TAG_OPEN); i >= 0; i = text.indexOf(TAG_OPEN, i + 2)) out.push(i + 2);
  return out;
}

function shorten(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}
