/**
 * The DocumentPort over the in-memory ReportDocument, and `mergeDocument`, the merge for the local door.
 * Handles are the model's own objects: a container is the array of its blocks (body, header, a cell's
 * blocks), so edits splice those arrays in place and every handle stays valid.
 */
import { merge } from '../template/merge';
import type { MergeData } from '../template/data';
import type { DocumentPort, PortBlock, PrefixTarget, Replacement, SectionKind, SpanRepeat } from '../template/port';
import type { MergeProblem } from '../template/problems';
import { prefixOffsets, TAG_CLOSE, TAG_OPEN } from '../template/tags';
import type { Block, Paragraph, ReportDocument, Table, TableCell, TableRow } from './model';
import { editRuns, insertAt, portText, replaceTexts, RunReader, type RunEdit, type TextReplacement } from './runs';

export type MemoryContainer = Block[];
export type MemoryPort = DocumentPort<MemoryContainer, Paragraph, Table, TableRow>;

export function cloneDocument(doc: ReportDocument): ReportDocument {
  return JSON.parse(JSON.stringify(doc)) as ReportDocument;
}

/** Merges `data` into a deep copy of `doc`; the template model is never modified. */
export function mergeDocument(doc: ReportDocument, data: MergeData): { document: ReportDocument; problems: MergeProblem[] } {
  const document = cloneDocument(doc);
  const problems = merge(createMemoryPort(document), data);
  return { document, problems };
}

export function createMemoryPort(doc: ReportDocument): MemoryPort {
  const containers = (): MemoryContainer[] => {
    const out: MemoryContainer[] = [doc.body, doc.header, doc.firstPageHeader, doc.footer];
    for (const b of doc.body) if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) out.push(c.blocks);
    return out;
  };
  const allParagraphs = (): Paragraph[] =>
    containers().flatMap((c) => c.filter((b): b is Paragraph => b.type === 'paragraph'));

  const paragraphsOfTarget = (target: PrefixTarget<MemoryContainer, Table>): Paragraph[] => {
    if (target.kind === 'blocks') {
      return target.container.slice(target.first, target.last + 1).flatMap((b) =>
        b.type === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap(cellParagraphs)),
      );
    }
    return target.table.rows.slice(target.first, target.last + 1).flatMap((r) => r.cells.flatMap(cellParagraphs));
  };

  return {
    sections() {
      const out: { kind: SectionKind; container: MemoryContainer }[] = [
        { kind: 'body', container: doc.body },
        { kind: 'header', container: doc.header },
      ];
      if (doc.titlePage) out.push({ kind: 'firstPageHeader', container: doc.firstPageHeader });
      out.push({ kind: 'footer', container: doc.footer });
      return out;
    },
    blocks(container): PortBlock<Paragraph, Table>[] {
      return container.map((b) => (b.type === 'paragraph' ? { kind: 'paragraph', paragraph: b } : { kind: 'table', table: b }));
    },
    paragraphText: portText,
    rows: (table) => table.rows,
    cells: (row) => row.cells.map((c) => c.blocks as MemoryContainer),

    copyBlocks(container, first, last) {
      const copies = container.slice(first, last + 1).map(cloneBlock);
      container.splice(last + 1, 0, ...copies);
    },
    removeBlocks(container, first, last) {
      const removed = container.splice(first, last - first + 1);
      keepValid(container, removed);
    },
    copyRows(table, first, last) {
      table.rows.splice(last + 1, 0, ...table.rows.slice(first, last + 1).map(cloneRow));
    },
    removeRows(table, first, last) {
      table.rows.splice(first, last - first + 1);
      if (table.rows.length > 0) return;
      for (const c of containers()) {
        const i = c.indexOf(table);
        if (i >= 0) {
          keepValid(c, c.splice(i, 1));
          return;
        }
      }
    },
    prefixTags(target, prefix) {
      for (const p of paragraphsOfTarget(target)) p.runs = insertAt(p.runs, prefixOffsets(portText(p)), prefix);
    },
    deleteText(paragraph, start, end) {
      paragraph.runs = editRuns(paragraph.runs, [{ start, end, runs: [] }]);
    },
    repeatSpans(paragraph, spans) {
      paragraph.runs = editRuns(paragraph.runs, spanEdits(paragraph, spans));
    },
    replaceAll(pairs) {
      const finder = literalFinder(pairs);
      for (const p of allParagraphs()) replaceTexts(p, finder(portText(p)));
    },
  };
}

function cellParagraphs(cell: TableCell): Paragraph[] {
  return cell.blocks;
}

/** Deep copies, field by field: the model holds only plain objects, arrays and primitives. */
function cloneBlock(b: Block): Block {
  if (b.type === 'paragraph') return cloneParagraph(b);
  return { ...b, columnWidthsPct: [...b.columnWidthsPct], rows: b.rows.map(cloneRow) };
}

function cloneRow(r: TableRow): TableRow {
  return { ...r, cells: r.cells.map((c) => ({ ...c, blocks: c.blocks.map(cloneParagraph) })) };
}

/** Runs are never changed once made (edits replace them), so a copy shares them. */
function cloneParagraph(p: Paragraph): Paragraph {
  const style = p.style.run ? { ...p.style, run: { ...p.style.run } } : { ...p.style };
  return { ...p, style, runs: p.runs.slice() };
}

/** A container may not be left empty or ending with a table (Google's rule); add an empty paragraph. */
function keepValid(container: MemoryContainer, removed: Block[]): void {
  const tail = container[container.length - 1];
  if (tail && tail.type === 'paragraph') return;
  const lastRemoved = [...removed].reverse().find((b): b is Paragraph => b.type === 'paragraph');
  container.push({ type: 'paragraph', style: lastRemoved ? { ...lastRemoved.style } : {}, runs: [] });
}

/** Each span's copies, read from the paragraph as it stands, in one forward pass. */
function spanEdits(paragraph: Paragraph, spans: readonly SpanRepeat[]): RunEdit[] {
  const reader = new RunReader(paragraph.runs);
  return spans.map(({ outerStart, outerEnd, innerStart, innerEnd, prefixes }) => {
    const inner = reader.take(innerStart, innerEnd);
    const offsets = prefixOffsets(portText({ type: 'paragraph', style: {}, runs: inner }));
    const copies = prefixes.flatMap((prefix) => insertAt(inner, prefix ? offsets : [], prefix));
    return { start: outerStart, end: outerEnd, runs: copies };
  });
}

/**
 * Positional, simultaneous replacement, built once for all paragraphs: scan a text once, longest find
 * first at a position, and only where some find can start (tags all start with '{').
 */
export function literalFinder(pairs: readonly Replacement[]): (text: string) => TextReplacement[] {
  if (pairs.every((p) => isClosedTag(p.find))) return tagFinder(new Map(pairs.map((p) => [p.find, p.replace])));
  return slicingFinder(pairs);
}

/** Any finds: at each position where one can start, a slice per find length, longest first. */
export function slicingFinder(pairs: readonly Replacement[]): (text: string) => TextReplacement[] {
  const table = new Map(pairs.map((p) => [p.find, p.replace]));
  const lengths = [...new Set(pairs.map((x) => x.find.length))].filter((n) => n > 0).sort((a, b) => b - a);
  const firsts = new Set(pairs.map((x) => x.find[0]));
  return (text) => {
    const hits: TextReplacement[] = [];
    for (let i = 0; i < text.length; ) {
      if (!firsts.has(text[i])) {
        i++;
        continue;
      }
      let hit = false;
      for (const len of lengths) {
        // A slice past the end would be cut short and could match a shorter find with the wrong end.
        if (i + len > text.length) continue;
        const replace = table.get(text.slice(i, i + len));
        if (replace === undefined) continue;
        hits.push({ start: i, end: i + len, text: replace });
        i += len;
        hit = true;
        break;
      }
      if (!hit) i++;
    }
    return hits;
  };
}

/** `{{…}}` with no `}}` before its end: the finds the merge makes. */
function isClosedTag(find: string): boolean {
  return find.startsWith(TAG_OPEN) && find.length >= 4 && find.indexOf(TAG_CLOSE, 2) === find.length - 2;
}

/**
 * The same replacement when every find is a closed tag: a find starting at a `{{` can only end at the
 * first `}}` after it, so one look-up per `{{` decides, instead of one text slice per find length.
 */
function tagFinder(table: ReadonlyMap<string, string>): (text: string) => TextReplacement[] {
  return (text) => {
    const hits: TextReplacement[] = [];
    for (let i = text.indexOf(TAG_OPEN); i >= 0; ) {
      const close = text.indexOf(TAG_CLOSE, i + 2);
      if (close < 0) break;
      const end = close + 2;
      const replace = table.get(text.slice(i, end));
      if (replace === undefined) {
        i = text.indexOf(TAG_OPEN, i + 1);
        continue;
      }
      hits.push({ start: i, end, text: replace });
      i = text.indexOf(TAG_OPEN, end);
    }
    return hits;
  };
}
