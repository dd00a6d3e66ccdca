/**
 * Where the finds of a replace-all stand in one paragraph's text, for replacing them all at once: one
 * scan left to right, the longest find first at each position, so no find is matched inside a value
 * already placed, and finds never overlap.
 */
export interface Hit {
  start: number;
  end: number;
  replace: string;
}

/** A finder for one set of finds (built once, used on every paragraph). */
export function literalFinder(finds: ReadonlyMap<string, string>): (text: string) => Hit[] {
  const keys = [...finds.keys()].filter((f) => f.length > 0);
  if (keys.length === 0) return () => [];
  // Finds grouped by their first `head` characters (as many as the shortest find has), longest first in
  // each group: at a position only the finds sharing the text's next characters are tried, without
  // slicing the text once per find length.
  const head = Math.min(...keys.map((f) => f.length));
  const groups = new Map<string, string[]>();
  for (const find of keys) {
    const key = find.slice(0, head);
    groups.set(key, [...(groups.get(key) ?? []), find]);
  }
  for (const group of groups.values()) group.sort((a, b) => b.length - a.length);
  // Only positions where some find can start are visited (tags all start with '{').
  const firsts = [...new Set(keys.map((f) => f[0]))];
  return (text) => hitsIn(text, finds, groups, head, firsts);
}

function hitsIn(text: string, finds: ReadonlyMap<string, string>, groups: Map<string, string[]>, head: number, firsts: string[]): Hit[] {
  const hits: Hit[] = [];
  for (let i = nextStart(text, 0, firsts); i >= 0; ) {
    const find = groups.get(text.slice(i, i + head))?.find((f) => text.startsWith(f, i));
    if (find === undefined) {
      i = nextStart(text, i + 1, firsts);
      continue;
    }
    hits.push({ start: i, end: i + find.length, replace: finds.get(find)! });
    i = nextStart(text, i + find.length, firsts);
  }
  return hits;
}

/** The first position from `from` where a find can start, or -1. */
function nextStart(text: string, from: number, firsts: string[]): number {
  let next = -1;
  for (const c of firsts) {
    const at = text.indexOf(c, from);
    if (at >= 0 && (next < 0 || at < next)) next = at;
  }
  return next;
}
