/**
 * The document port: the only way the merge touches a document. The in-memory model implements it
 * (src/core/document/memory-port.ts) and a Google Docs implementation can too, so both outputs come from
 * one merge algorithm.
 *
 * Cost model, from the product's Google limits: READS are free (call them as often as needed); every
 * WRITE may be a call to Google. The merge makes writes per SECTION and per LIST ITEM only, never per
 * value tag: values go in with one `replaceAll` at the end.
 *
 * Handles (C container, P paragraph, T table, R row) are opaque to the merge. They must stay usable
 * after writes elsewhere in the document, but the merge never compares them with `===` (Apps Script
 * returns a fresh wrapper per call); it identifies places by indexes instead.
 *
 * Text offsets are UTF-16 offsets in the string `paragraphText` returns; an element that is not text
 * (a page number field) counts as one character U+FFFC, so it can never be part of a tag.
 */

/**
 * A top-level part of the document; tags are merged in all of them. The in-memory model and Google Docs
 * have the first four; a Word file may also have a first-page footer and even-page headers and footers.
 */
export type SectionKind = 'body' | 'header' | 'firstPageHeader' | 'footer' | 'firstPageFooter' | 'evenPageHeader' | 'evenPageFooter';

export type PortBlock<P, T> = { kind: 'paragraph'; paragraph: P } | { kind: 'table'; table: T };

/** Where `prefixTags` applies: a run of blocks of one container, or a run of rows of one table. */
export type PrefixTarget<C, T> =
  | { kind: 'blocks'; container: C; first: number; last: number }
  | { kind: 'rows'; table: T; first: number; last: number };

/** One literal replacement: every occurrence of `find` becomes `replace`. */
export interface Replacement {
  find: string;
  replace: string;
}

/** One section inside a paragraph: the outer span (tags included), the inner span, a prefix per copy. */
export interface SpanRepeat {
  outerStart: number;
  outerEnd: number;
  innerStart: number;
  innerEnd: number;
  prefixes: string[];
}

/** The character a port reports for a non-text element inside a paragraph (a page number field). */
export const OBJECT_CHAR = '\uFFFC';

export interface DocumentPort<C = unknown, P = unknown, T = unknown, R = unknown> {
  // ---- Reads (free) ----

  /** The body, headers and footers that exist: the body first, then headers, then footers. */
  sections(): { kind: SectionKind; container: C }[];
  /** The blocks of a container (a section or a table cell), in order. */
  blocks(container: C): PortBlock<P, T>[];
  /** A paragraph's text, with line breaks as '\n' and non-text elements as OBJECT_CHAR. */
  paragraphText(paragraph: P): string;
  rows(table: T): R[];
  /** The cells of a row; each cell is a container. */
  cells(row: R): C[];

  // ---- Phase A writes: structure, a few per section or list item ----

  /** Repeats a block section: inserts a deep copy of blocks first..last right after `last`. */
  copyBlocks(container: C, first: number, last: number): void;
  /**
   * Hides a block section, or drops a paragraph that held only a section tag. The port keeps the
   * container valid: if the container would be left empty, or ending with a table, it keeps or adds
   * one empty paragraph (Google cannot remove the last paragraph of a section or a cell).
   */
  removeBlocks(container: C, first: number, last: number): void;
  /** Repeats a row section: inserts a deep copy of rows first..last right after `last`. */
  copyRows(table: T, first: number, last: number): void;
  /** Hides a row section. Removing every row of a table removes the table. */
  removeRows(table: T, first: number, last: number): void;
  /**
   * Scopes a copy to its list item in ONE call, whatever the number of tags in it: inserts `prefix`
   * right after every `{{` in the target's text (Google: one `replaceText('\\{\\{', '{{' + prefix)` per
   * element). The prefix only holds letters, digits, '_', '-', '.', ':'; the text it lands in keeps the
   * formatting of the `{{` before it.
   */
  prefixTags(target: PrefixTarget<C, T>, prefix: string): void;
  /** Removes a section tag that shares its paragraph with other text. */
  deleteText(paragraph: P, start: number, end: number): void;
  /**
   * Expands the sections inside one paragraph, all at once: for each span (given in text order, not
   * overlapping; offsets of the text before any of them), text outerStart..outerEnd (open tag, content,
   * close tag) becomes one copy of the content innerStart..innerEnd per prefix, each copy keeping its
   * formatting and with `prefix` inserted after each of its `{{` (as prefixTags; '' inserts nothing). No
   * prefixes removes the whole span. One call per paragraph, so a paragraph is edited once per round
   * however many sections it holds.
   */
  repeatSpans(paragraph: P, spans: readonly SpanRepeat[]): void;

  // ---- Phase B write: values, ONE call for the whole document ----

  /**
   * Replaces, in body, headers and footers, every occurrence of each `find` by its `replace`, as if all
   * at once: matching is literal (no pattern, `$` and `\` are plain), text already inserted is never
   * matched again (a value holding `{{other}}` stays as typed), and the inserted text takes the
   * formatting of the first character it replaces. A '\n' in `replace` is a line break inside the
   * paragraph. Finds never overlap each other. A Google port can do it as one Docs API batchUpdate of
   * replaceAllText requests ordered by `sequentialReplacements` (literal-plan.ts), sending '\n' as U+000B.
   */
  replaceAll(pairs: Replacement[]): void;
}
