/**
 * The data a template is merged with, and how a tag's name finds its value (mustache rules).
 * Numbers arrive pre-formatted as Vietnamese strings: this module never formats anything.
 */
import { scopePrefix, type TagParts } from './tags';

export type MergeValue = string | boolean | null | MergeData | MergeValue[];
export interface MergeData {
  [key: string]: MergeValue;
}

export type Lookup = { found: true; value: MergeValue } | { found: false };

const NOT_FOUND: Lookup = { found: false };

function isGroup(v: unknown): v is MergeData {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function child(v: MergeValue, segment: string): Lookup {
  if (Array.isArray(v)) {
    if (!/^\d+$/.test(segment)) return NOT_FOUND;
    const i = Number(segment);
    return i < v.length ? { found: true, value: v[i] } : NOT_FOUND;
  }
  if (isGroup(v) && Object.prototype.hasOwnProperty.call(v, segment)) return { found: true, value: v[segment] };
  return NOT_FOUND;
}

/**
 * Mustache lookup: '.' is the innermost scope; otherwise the first segment is searched from the
 * innermost scope outward, and the remaining segments are read from the value found there only.
 */
export function lookup(stack: readonly MergeValue[], path: string): Lookup {
  if (path === '.') return { found: true, value: stack[stack.length - 1] };
  const [first, ...rest] = path.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    let at = child(stack[i], first);
    if (!at.found) continue;
    for (const seg of rest) {
      if (!at.found) break;
      at = child(at.value, seg);
    }
    return at;
  }
  return NOT_FOUND;
}

/** The scope stack a tag's prefixes describe (outermost applied first), or undefined if one is missing. */
export function scopeStack(data: MergeData, scopes: readonly string[]): MergeValue[] | undefined {
  const stack: MergeValue[] = [data];
  for (let i = scopes.length - 1; i >= 0; i--) {
    const at = lookup(stack, scopes[i]);
    if (!at.found) return undefined;
    stack.push(at.value);
  }
  return stack;
}

export type ValueResult =
  | { kind: 'text'; text: string }
  | { kind: 'unknown' }
  | { kind: 'notText'; what: 'list' | 'group' | 'flag' | 'number' };

/** The text a value tag stands for. null is a known, empty value; lists, groups and flags are not text. */
export function resolveValue(data: MergeData, parts: TagParts): ValueResult {
  const stack = scopeStack(data, parts.scopes);
  if (!stack) return { kind: 'unknown' };
  const at = lookup(stack, parts.name);
  if (!at.found || at.value === undefined) return { kind: 'unknown' };
  const v: unknown = at.value;
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (v === null) return { kind: 'text', text: '' };
  if (typeof v === 'boolean') return { kind: 'notText', what: 'flag' };
  if (typeof v === 'number') return { kind: 'notText', what: 'number' };
  return { kind: 'notText', what: Array.isArray(v) ? 'list' : 'group' };
}

/**
 * How a section expands: one scope prefix per copy of its content ('' = shown without a new scope),
 * an empty list when it is hidden, or unknown when the data lacks the name.
 */
export type SectionPlan = { kind: 'copies'; prefixes: string[] } | { kind: 'unknown' };

export function planSection(data: MergeData, parts: TagParts): SectionPlan {
  const stack = scopeStack(data, parts.scopes);
  if (!stack) return { kind: 'unknown' };
  const at = lookup(stack, parts.name);
  if (!at.found || at.value === undefined) return { kind: 'unknown' };
  const v = at.value;
  const truthy = Array.isArray(v) ? v.length > 0 : v !== false && v !== null && v !== '';
  if (parts.sigil === '^') return { kind: 'copies', prefixes: truthy ? [] : [''] };
  if (!truthy) return { kind: 'copies', prefixes: [] };
  if (Array.isArray(v)) return { kind: 'copies', prefixes: v.map((_, i) => scopePrefix(parts.name, i)) };
  // A group or a string becomes the innermost scope ({{.}} is the string); `true` changes nothing.
  return { kind: 'copies', prefixes: v === true ? [''] : [scopePrefix(parts.name)] };
}

/** "trong mục 2 của cay_trong" style context for messages, from a tag's scopes (outermost first). */
export function scopeTrail(parts: TagParts): { list: string; item: number }[] {
  const out: { list: string; item: number }[] = [];
  for (let i = parts.scopes.length - 1; i >= 0; i--) {
    const m = /^(.*)\.(\d+)$/.exec(parts.scopes[i]);
    if (m) out.push({ list: m[1], item: Number(m[2]) + 1 });
  }
  return out;
}

