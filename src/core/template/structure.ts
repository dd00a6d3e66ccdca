/**
 * Finds tags in the walked paragraphs, pairs section tags, and decides what a section spans
 * (its PLACEMENT): one paragraph's text, table rows, or blocks of one container.
 */
import { templateMessages as msg } from './messages';
import type { MergeProblem } from './problems';
import { displayTag, scanTags, type FoundTag, type MalformedTag } from './tags';
import type { ParagraphSite } from './walk';

export interface TagAt<C, P, T> {
  site: ParagraphSite<C, P, T>;
  tag: FoundTag;
}

/**
 * inline: both tags in one paragraph, the text between them repeats.
 * rows: tags in different cells of one table, the rows from the opening tag's to the closing tag's repeat.
 * blocks: tags in different paragraphs of one container (a section or one cell), the blocks repeat.
 */
export type Placement = 'inline' | 'rows' | 'blocks';

export interface SectionPair<C, P, T> {
  open: TagAt<C, P, T>;
  close: TagAt<C, P, T>;
  placement: Placement;
  /** Number of sections around this one; 0 for an outermost section. */
  depth: number;
}

export interface CollectedTags<C, P, T> {
  tags: TagAt<C, P, T>[];
  malformed: { site: ParagraphSite<C, P, T>; tag: MalformedTag }[];
}

export function collectTags<C, P, T>(sites: ParagraphSite<C, P, T>[]): CollectedTags<C, P, T> {
  const out: CollectedTags<C, P, T> = { tags: [], malformed: [] };
  for (const site of sites) {
    const found = scanTags(site.text);
    for (const tag of found.tags) out.tags.push({ site, tag });
    for (const tag of found.malformed) out.malformed.push({ site, tag });
  }
  return out;
}

/** A section tag has a sigil after its scopes; a paragraph without any sigil character holds none. */
const SIGILS = /[#^/]/;

/** Only the section tags (open, inverse open, close), in document order: all that pairing looks at. */
export function collectSectionTags<C, P, T>(sites: ParagraphSite<C, P, T>[]): TagAt<C, P, T>[] {
  const out: TagAt<C, P, T>[] = [];
  for (const site of sites) {
    if (!SIGILS.test(site.text)) continue;
    for (const tag of scanTags(site.text, true).tags) if (tag.parts.sigil !== '') out.push({ site, tag });
  }
  return out;
}

export function placementOf<C, P, T>(open: TagAt<C, P, T>, close: TagAt<C, P, T>): Placement | undefined {
  const a = open.site;
  const b = close.site;
  if (a.containerKey === b.containerKey) return a.index === b.index ? 'inline' : 'blocks';
  if (a.cell && b.cell && a.cell.tableKey === b.cell.tableKey) return 'rows';
  return undefined;
}

/**
 * Pairs open and close tags with a stack, in document order. Pairs come out in the order they close,
 * so the first pair with depth 0 is the first outermost section.
 */
export function pairSections<C, P, T>(tags: TagAt<C, P, T>[]): { pairs: SectionPair<C, P, T>[]; problems: MergeProblem[] } {
  const pairs: SectionPair<C, P, T>[] = [];
  const problems: MergeProblem[] = [];
  const stack: TagAt<C, P, T>[] = [];
  for (const t of tags) {
    const { sigil } = t.tag.parts;
    if (sigil === '#' || sigil === '^') {
      stack.push(t);
      continue;
    }
    if (sigil !== '/') continue;
    const shown = displayTag(t.tag.parts);
    const open = stack[stack.length - 1];
    if (!open) {
      problems.push({ kind: 'unopened', tag: shown, location: t.site.location, message: msg.unopenedSection(shown, t.site.location) });
      continue;
    }
    if (!sameSection(open.tag, t.tag)) {
      // If the close matches a section further out, the ones in between were never closed.
      const outer = stack.findIndex((s) => sameSection(s.tag, t.tag));
      if (outer < 0) {
        const o = displayTag(open.tag.parts);
        problems.push({ kind: 'mismatched', tag: shown, location: t.site.location, message: msg.mismatchedSection(o, open.site.location, shown, t.site.location) });
        continue;
      }
      for (const lost of stack.splice(outer + 1)) problems.push(unclosed(lost));
    }
    stack.pop();
    const placement = placementOf(open, t);
    if (!placement) {
      const o = displayTag(open.tag.parts);
      problems.push({ kind: 'placement', tag: o, location: open.site.location, message: msg.badPlacement(o, open.site.location, shown, t.site.location) });
      continue;
    }
    pairs.push({ open, close: t, placement, depth: stack.length });
  }
  for (const lost of stack) problems.push(unclosed(lost));
  return { pairs, problems };
}

function sameSection(open: FoundTag, close: FoundTag): boolean {
  const a = open.parts;
  const b = close.parts;
  return a.name === b.name && a.scopes.join(':') === b.scopes.join(':');
}

function unclosed<C, P, T>(t: TagAt<C, P, T>): MergeProblem {
  const shown = displayTag(t.tag.parts);
  return { kind: 'unclosed', tag: shown, location: t.site.location, message: msg.unclosedSection(shown, t.site.location) };
}
