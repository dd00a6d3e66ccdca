/**
 * THE merge algorithm, over any DocumentPort.
 *
 *   0. Check: every tag well-formed, every section closed where it may be (nothing is written if not).
 *   1. Phase A, structure: expand every outermost section (last first), read again, repeat. A list item's copy is
 *      scoped by one prefixTags call, so the tags inside become unambiguous without a write per tag.
 *   2. Phase B, values: resolve each distinct remaining tag once, then ONE replaceAll for the document.
 *
 * Writes therefore grow with sections and list items, never with value tags.
 */
import { formatNumber } from '../format/number';
import { planSection, resolveValue, scopeTrail, type MergeData } from './data';
import { templateMessages as msg } from './messages';
import type { DocumentPort, Replacement, SpanRepeat } from './port';
import type { MergeProblem } from './problems';
import { collectSectionTags, collectTags, pairSections, type SectionPair, type TagAt } from './structure';
import { displayTag, scanTags, type FoundTag } from './tags';
import { walkDocument, type ParagraphSite } from './walk';

/** A bound on phase A's rounds: far above any real template, it turns a bug into an error, not a hang. */
const MAX_SECTIONS = 100_000;

/**
 * Merges `data` into the document behind `port`, in place. Returns the problems found; when there are
 * any, the document must not be delivered (tags the data does not know are left in it as written).
 */
export function merge<C, P, T, R>(port: DocumentPort<C, P, T, R>, data: MergeData): MergeProblem[] {
  const template = inspectTemplate(port);
  const problems = template.problems;
  if (problems.length > 0) return problems;
  // A document that would grow past its size limit is not merged further: that one problem is the answer.
  if (!expandSections(port, data, problems, template)) return problems;
  insertValues(port, data, problems, template);
  return problems;
}

/** Step 0: malformed tags, scope prefixes written by hand, unbalanced or misplaced sections. */
export function checkTemplate<C, P, T, R>(port: DocumentPort<C, P, T, R>): MergeProblem[] {
  return inspectTemplate(port).problems;
}

/**
 * Where things stand in the TEMPLATE, so problems with tags outside any list point there rather than
 * into the half-expanded document: the first location of each tag text.
 */
interface TemplateMap {
  problems: MergeProblem[];
  firstLocation: Map<string, string>;
}

function inspectTemplate<C, P, T, R>(port: DocumentPort<C, P, T, R>): TemplateMap {
  const { tags, malformed } = collectTags(walkDocument(port));
  const problems: MergeProblem[] = malformed.map(({ site, tag }) => ({
    kind: 'malformed',
    tag: tag.raw,
    location: site.location,
    message: msg.malformed(tag.raw, tag.reason, site.location),
  }));
  for (const { site, tag } of tags) {
    if (tag.parts.scopes.length > 0)
      problems.push({ kind: 'malformed', tag: tag.raw, location: site.location, message: msg.malformed(tag.raw, msg.reservedColon, site.location) });
  }
  const paired = pairSections(tags);
  problems.push(...paired.problems);
  const firstLocation = new Map<string, string>();
  for (const { site, tag } of tags) if (!firstLocation.has(tag.raw)) firstLocation.set(tag.raw, site.location);
  return { problems, firstLocation };
}

/**
 * The most a merged document may hold, in characters (each paragraph counting one more): about three
 * times the sample report with every list at 10 000 rows (10,6 million), the largest the product is
 * measured at. Sections nested inside each other multiply the document by every list's length per
 * level, so the size is checked BEFORE each round of expansion and the merge stops with a problem
 * instead of running out of memory or time.
 */
export const MAX_OUTPUT_SIZE = 30_000_000;

/** Expands every section; false when it stopped at the size limit (the problem says where). */
function expandSections<C, P, T, R>(port: DocumentPort<C, P, T, R>, data: MergeData, problems: MergeProblem[], template: TemplateMap): boolean {
  for (let round = 0; round < MAX_SECTIONS; round++) {
    const sites = walkDocument(port);
    // Only section tags are kept (all that pairing and sizing look at): a round never holds every value
    // tag of a grown document at once.
    const tags = collectSectionTags(sites);
    const { pairs } = pairSections(tags);
    const outermost = pairs.filter((p) => p.depth === 0);
    if (outermost.length === 0) return true;
    const tooLarge = sizeAfterRound(sites, tags, pairs, data);
    if (tooLarge) {
      const shown = displayTag(tooLarge.open.tag.parts);
      const location = templateLocation(template, tooLarge.open);
      problems.push({ kind: 'tooLarge', tag: shown, location, message: msg.tooLarge(shown, location, formatNumber(MAX_OUTPUT_SIZE)) });
      return false;
    }
    // Every outermost section of a round, last first: expanding one only moves what comes after it, so
    // the places read for the earlier ones stay true and the document is read once per nesting level,
    // not once per section (each read is many calls in Google Docs).
    for (const group of paragraphGroups(outermost).reverse()) {
      if (group[0].placement === 'inline') expandInline(port, data, group, problems, template);
      else expandOne(port, data, group[0], problems, templateLocation(template, group[0].open));
    }
  }
  throw new Error(`Template merge did not finish after ${MAX_SECTIONS} sections`);
}

/**
 * The section that would take the document past MAX_OUTPUT_SIZE, if any. Each outermost section of this
 * round counts as the sum of its copies, and a copy as its content with the sections nested inside it
 * counted the same way, each read in the copy it lands in (a list grouped by a value counts each group's
 * own items, not the whole list once per group). A list nested in itself is caught in the first round,
 * before anything multiplies: counting stops as soon as the limit is passed.
 */
function sizeAfterRound<C, P, T>(sites: ParagraphSite<C, P, T>[], tags: TagAt<C, P, T>[], pairs: SectionPair<C, P, T>[], data: MergeData): SectionPair<C, P, T> | undefined {
  // Sizes of whole paragraphs from sums along the document; each paragraph counts one more (its break).
  const before: number[] = [0];
  sites.forEach((site, i) => before.push(before[i] + site.text.length + 1));
  const siteIndex = new Map(sites.map((site, i) => [site, i]));
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const span = (pair: SectionPair<C, P, T>): number =>
    pair.placement === 'inline'
      ? pair.close.tag.start - pair.open.tag.end
      : before[(siteIndex.get(pair.close.site) as number) + 1] - before[siteIndex.get(pair.open.site) as number];

  // The sections directly inside each section, found with one pass in document order.
  const ordered = pairs.slice().sort((a, b) => (tagIndex.get(a.open) as number) - (tagIndex.get(b.open) as number));
  const children = new Map<SectionPair<C, P, T>, SectionPair<C, P, T>[]>();
  const open: SectionPair<C, P, T>[] = [];
  for (const pair of ordered) {
    const at = tagIndex.get(pair.open) as number;
    while (open.length && (tagIndex.get(open[open.length - 1].close) as number) < at) open.pop();
    const parent = open[open.length - 1];
    if (parent) children.set(parent, [...(children.get(parent) ?? []), pair]);
    open.push(pair);
  }

  // The prefixes of a section's copies once the copies around it have put `outer` (innermost first)
  // before its own scopes, as their prefixTags will. An unknown name counts as one copy.
  const copies = (pair: SectionPair<C, P, T>, outer: readonly string[]): string[] => {
    const parts = pair.open.tag.parts;
    const plan = planSection(data, outer.length ? { ...parts, scopes: [...outer, ...parts.scopes] } : parts);
    return plan.kind === 'copies' ? plan.prefixes : [''];
  };
  const within = (outer: readonly string[], prefix: string): readonly string[] => (prefix ? [prefix.slice(0, -1), ...outer] : outer);
  // The size of one copy of a section's content with everything inside it expanded; past `budget` it
  // returns as soon as it knows.
  const grown = (pair: SectionPair<C, P, T>, outer: readonly string[], budget: number): number => {
    let size = span(pair);
    for (const child of children.get(pair) ?? []) {
      size -= span(child);
      for (const prefix of copies(child, outer)) {
        size += grown(child, within(outer, prefix), budget - size);
        if (size > budget) return size;
      }
    }
    return size;
  };

  let size = before[sites.length];
  for (const pair of ordered) {
    if (pair.depth !== 0) continue;
    const prefixes = copies(pair, []);
    if (!children.has(pair)) size += (prefixes.length - 1) * span(pair);
    else {
      size -= span(pair);
      for (const prefix of prefixes) {
        size += grown(pair, within([], prefix), MAX_OUTPUT_SIZE - size);
        if (size > MAX_OUTPUT_SIZE) break;
      }
    }
    if (size > MAX_OUTPUT_SIZE) return pair;
  }
  return undefined;
}

/**
 * The outermost sections in document order, inline ones of one paragraph together (they are expanded in
 * one write), every other section alone.
 */
function paragraphGroups<C, P, T>(pairs: SectionPair<C, P, T>[]): SectionPair<C, P, T>[][] {
  const groups: SectionPair<C, P, T>[][] = [];
  for (const pair of pairs) {
    const last = groups[groups.length - 1]?.[0];
    const site = pair.open.site;
    if (pair.placement === 'inline' && last?.placement === 'inline' && last.open.site.containerKey === site.containerKey && last.open.site.index === site.index)
      groups[groups.length - 1].push(pair);
    else groups.push([pair]);
  }
  return groups;
}

function expandOne<C, P, T, R>(
  port: DocumentPort<C, P, T, R>,
  data: MergeData,
  pair: SectionPair<C, P, T>,
  problems: MergeProblem[],
  location: string,
): void {
  const prefixes = sectionPrefixes(data, pair, problems, location);
  if (pair.placement === 'rows') expandRows(port, pair, prefixes);
  else expandBlocks(port, pair, prefixes);
}

/** One prefix per copy of the section's content; none when hidden or unknown (then a problem is noted). */
function sectionPrefixes<C, P, T>(data: MergeData, pair: SectionPair<C, P, T>, problems: MergeProblem[], location: string): string[] {
  const plan = planSection(data, pair.open.tag.parts);
  if (plan.kind === 'unknown') problems.push(unknownProblem(pair.open.tag, location, 0));
  return plan.kind === 'copies' ? plan.prefixes : [];
}

/** The sections inside one paragraph (in text order), expanded together in one write. */
function expandInline<C, P, T, R>(
  port: DocumentPort<C, P, T, R>,
  data: MergeData,
  pairs: SectionPair<C, P, T>[],
  problems: MergeProblem[],
  template: TemplateMap,
): void {
  const { site } = pairs[0].open;
  // Problems in the order sections are met everywhere else: last first.
  const prefixes = new Map<SectionPair<C, P, T>, string[]>();
  for (const pair of pairs.slice().reverse()) prefixes.set(pair, sectionPrefixes(data, pair, problems, templateLocation(template, pair.open)));
  const spans: SpanRepeat[] = pairs.map((pair) => ({
    outerStart: pair.open.tag.start,
    outerEnd: pair.close.tag.end,
    innerStart: pair.open.tag.end,
    innerEnd: pair.close.tag.start,
    prefixes: prefixes.get(pair)!,
  }));
  port.repeatSpans(site.paragraph, spans);
  // A paragraph the sections emptied disappears (a one-paragraph condition hides the whole paragraph).
  const left = port.paragraphText(site.paragraph);
  if (left.trim() === '' && site.index < site.siblings - 1) port.removeBlocks(site.container, site.index, site.index);
}

/** What removing a section tag did to its paragraph. */
type MarkerOutcome = 'removed' | 'emptied' | 'kept';

/**
 * Removes a section tag. A paragraph that held nothing else disappears, except the last block of its
 * container, which stays as an empty paragraph (Google cannot remove it; it then is not content).
 */
function removeMarker<C, P, T, R>(port: DocumentPort<C, P, T, R>, at: TagAt<C, P, T>): MarkerOutcome {
  const { site, tag } = at;
  const rest = site.text.slice(0, tag.start) + site.text.slice(tag.end);
  const alone = rest.trim() === '';
  if (alone && site.index < site.siblings - 1) {
    port.removeBlocks(site.container, site.index, site.index);
    return 'removed';
  }
  port.deleteText(site.paragraph, tag.start, tag.end);
  return alone ? 'emptied' : 'kept';
}

function expandRows<C, P, T, R>(port: DocumentPort<C, P, T, R>, pair: SectionPair<C, P, T>, prefixes: string[]): void {
  // Close first: removing it cannot move the opening tag, which stands earlier.
  removeMarker(port, pair.close);
  removeMarker(port, pair.open);
  const { table, row: first } = pair.open.site.cell!;
  const last = pair.close.site.cell!.row;
  if (prefixes.length === 0) {
    port.removeRows(table, first, last);
    return;
  }
  const span = last - first + 1;
  // Copies go right after the original, last item first, so they end up in item order.
  for (let i = prefixes.length - 1; i >= 1; i--) {
    port.copyRows(table, first, last);
    if (prefixes[i]) port.prefixTags({ kind: 'rows', table, first: last + 1, last: last + span }, prefixes[i]);
  }
  if (prefixes[0]) port.prefixTags({ kind: 'rows', table, first, last }, prefixes[0]);
}

function expandBlocks<C, P, T, R>(port: DocumentPort<C, P, T, R>, pair: SectionPair<C, P, T>, prefixes: string[]): void {
  const container = pair.open.site.container;
  const closed = removeMarker(port, pair.close);
  const opened = removeMarker(port, pair.open);
  const first = pair.open.site.index;
  let last = pair.close.site.index;
  if (closed !== 'kept') last--; // the closing paragraph is gone, or left empty only to end the container
  if (opened === 'removed') last--;
  if (last < first) return; // nothing between the tags
  if (prefixes.length === 0) {
    port.removeBlocks(container, first, last);
    return;
  }
  const span = last - first + 1;
  for (let i = prefixes.length - 1; i >= 1; i--) {
    port.copyBlocks(container, first, last);
    if (prefixes[i]) port.prefixTags({ kind: 'blocks', container, first: last + 1, last: last + span }, prefixes[i]);
  }
  if (prefixes[0]) port.prefixTags({ kind: 'blocks', container, first, last }, prefixes[0]);
}

/**
 * Phase B. Each paragraph's tags are resolved as they are met, the first time each tag text is seen, so
 * what is kept is one replacement per distinct tag text, never every tag found in the document.
 */
function insertValues<C, P, T, R>(port: DocumentPort<C, P, T, R>, data: MergeData, problems: MergeProblem[], template: TemplateMap): void {
  const pairs: Replacement[] = [];
  const met = new Set<string>();
  // Unknown tags are reported once per tag as written and list path, not once per copy.
  const unknown = new Map<string, { tag: FoundTag; location: string; count: number }>();
  const unknownByRaw = new Map<string, { count: number }>();
  for (const site of walkDocument(port)) {
    for (const tag of scanTags(site.text).tags) {
      if (met.has(tag.raw)) {
        const u = unknownByRaw.get(tag.raw);
        if (u) u.count++;
        continue;
      }
      met.add(tag.raw);
      const value = resolveValue(data, tag.parts);
      if (value.kind === 'text') {
        pairs.push({ find: tag.raw, replace: value.text });
        continue;
      }
      const location = templateLocation(template, { site, tag });
      if (value.kind === 'notText') {
        const what = { list: msg.whatList, group: msg.whatGroup, flag: msg.whatFlag, number: msg.whatNumber }[value.what];
        const shown = displayTag(tag.parts);
        problems.push({ kind: 'notText', tag: shown, location, message: msg.notText(shown, what, withTrail(tag, location)) });
        continue;
      }
      const key = displayTag(tag.parts) + '|' + scopeTrail(tag.parts).map((s) => s.list).join('>');
      let u = unknown.get(key);
      if (!u) unknown.set(key, (u = { tag, location, count: 0 }));
      u.count++;
      unknownByRaw.set(tag.raw, u);
    }
  }
  for (const u of unknown.values()) problems.push(unknownProblem(u.tag, u.location, u.count - 1));
  if (pairs.length > 0) port.replaceAll(pairs);
}

/** A tag outside any list copy stands as written in the template: point to its first place there. */
function templateLocation<C, P, T>(template: TemplateMap, at: TagAt<C, P, T>): string {
  return (at.tag.parts.scopes.length === 0 && template.firstLocation.get(at.tag.raw)) || at.site.location;
}

function unknownProblem(tag: FoundTag, location: string, more: number): MergeProblem {
  const shown = displayTag(tag.parts);
  return { kind: 'unknown', tag: shown, location, message: msg.unknown(shown, withTrail(tag, location), more) };
}

/** "Bảng 2, hàng 4, ô 1, trong mục 3 của cay_trong": the list item a copied tag belongs to. */
function withTrail(tag: FoundTag, location: string): string {
  const trail = scopeTrail(tag.parts).map((s) => msg.inList(s.list, s.item));
  return [location, ...trail].join(', ');
}
