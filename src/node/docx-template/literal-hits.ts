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
  const lengths = [...new Set([...finds.keys()].map((f) => f.length))].filter((n) => n > 0).sort((a, b) => b - a);
  // Only positions where some find can start are tried (tags all start with '{').
  const firsts = new Set([...finds.keys()].map((f) => f[0]));
  return (text) => hitsIn(text, finds, lengths, firsts);
}

function hitsIn(text: string, finds: ReadonlyMap<string, string>, lengths: number[], firsts: Set<string>): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < text.length; ) {
    let hit = false;
    if (firsts.has(text[i])) {
      for (const len of lengths) {
        const replace = finds.get(text.slice(i, i + len));
        if (replace === undefined) continue;
        hits.push({ start: i, end: i + len, replace });
        i += len;
        hit = true;
        break;
      }
    }
    if (!hit) i++;
  }
  return hits;
}
