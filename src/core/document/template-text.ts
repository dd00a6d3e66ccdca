/**
 * The readable template text format -> ReportDocument. Line based, so templates diff well:
 *
 *   % a comment
 *   @page paper=A4 top=20 bottom=20 left=30 right=15 font="Times New Roman" size=14 first-page-header=none
 *   @default justify indent=12.7 after=6 spacing=1.15      style of the paragraphs that follow
 *   @header / @footer  …paragraphs…  @end                  [[PAGE]] is the page number
 *   @table borders=none widths=45,55  @row  @cell …paragraphs…  @end
 *   [center bold size=13 after=0 rule left=20 right=20] Text with **bold**, *italic*, __underline__
 *   [bold keep] 1. A heading                              `keep`: on the same page as the next paragraph
 *   []                                                     an empty paragraph
 *
 * `~` is a non-breaking space (`\~` a tilde): `{{dien_tich}}~ha`.
 *
 * Every other non-blank line is one paragraph in the current @default style; a leading [ … ] overrides
 * it. Blank lines are ignored. `{{…}}` tags are plain text here (inline marks are not read inside them).
 */
import { NBSP } from '../format/number';
import { templateTextMessages as msg } from '../template/messages';
import type { Alignment, Block, PageSetup, Paragraph, ParagraphStyle, ReportDocument, Run, RunStyle, Table, TableRow } from './model';

export class TemplateTextError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(msg.line(line, detail));
    this.name = 'TemplateTextError';
  }
}

type Attrs = { key: string; value?: string }[];

const ALIGNMENTS: readonly string[] = ['left', 'center', 'right', 'justify'];

export function parseTemplateText(source: string): ReportDocument {
  return new TextParser(source).parse();
}

interface OpenBlock {
  kind: 'header' | 'footer' | 'table';
  line: number;
  table?: Table;
  widths?: number[];
}

class TextParser {
  private readonly lines: string[];
  private lineNo = 0;
  private readonly doc: ReportDocument = {
    page: { size: 'A4', orientation: 'portrait', marginsMm: { top: 20, bottom: 20, left: 30, right: 15 }, font: 'Times New Roman', sizePt: 14 },
    header: [],
    firstPageHeader: [],
    titlePage: false,
    footer: [],
    body: [],
  };
  private pageSeen = false;
  private defaults: ParagraphStyle = {};
  private open: OpenBlock | undefined;

  constructor(source: string) {
    this.lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  }

  parse(): ReportDocument {
    this.lines.forEach((raw, i) => {
      this.lineNo = i + 1;
      const line = raw.trim();
      if (line === '' || line.startsWith('%')) return;
      if (line.startsWith('@')) this.directive(line);
      else this.paragraph(line);
    });
    if (this.open) throw new TemplateTextError(this.open.line, msg.unclosedBlock(this.open.kind, this.open.line));
    return this.doc;
  }

  private fail(detail: string): never {
    throw new TemplateTextError(this.lineNo, detail);
  }

  private directive(line: string): void {
    const m = /^@([A-Za-z-]+)\s*(.*)$/.exec(line);
    const name = m ? m[1] : line.slice(1);
    const attrs = this.attrs(m ? m[2] : '');
    switch (name) {
      case 'page':
        return this.page(attrs);
      case 'default':
        this.defaults = this.style(attrs, {});
        return;
      case 'header':
      case 'footer':
        this.noAttrs(attrs);
        this.begin(name);
        return;
      case 'table':
        return this.table(attrs);
      case 'row':
        this.noAttrs(attrs);
        if (this.open?.kind !== 'table') this.fail(msg.rowOutsideTable);
        this.open.table!.rows.push({ cells: [] });
        return;
      case 'cell': {
        this.noAttrs(attrs);
        const row = this.currentRow();
        if (!row) this.fail(this.open?.kind === 'table' ? msg.cellOutsideRow : msg.rowOutsideTable);
        row.cells.push({ blocks: [] });
        return;
      }
      case 'end':
        this.noAttrs(attrs);
        return this.end();
      default:
        this.fail(msg.unknownDirective(name));
    }
  }

  private begin(kind: OpenBlock['kind'], table?: Table, widths?: number[]): void {
    if (this.open) this.fail(msg.nestedBlock(kind, this.open.kind, this.open.line));
    this.open = { kind, line: this.lineNo, table, widths };
  }

  private end(): void {
    const open = this.open;
    if (!open) this.fail(msg.endWithoutOpen);
    this.open = undefined;
    if (open.kind !== 'table') return;
    const table = open.table!;
    if (table.rows.length === 0) this.fail(msg.emptyTable);
    const want = open.widths ? open.widths.length : table.rows[0].cells.length;
    table.rows.forEach((row, r) => {
      if (row.cells.length !== want) this.fail(msg.cellCount(r + 1, row.cells.length, want));
      for (const cell of row.cells) if (cell.blocks.length === 0) cell.blocks.push(this.makeParagraph(this.defaults, []));
    });
    if (!open.widths) table.columnWidthsPct = Array.from({ length: want }, () => round(100 / want));
  }

  private currentRow(): TableRow | undefined {
    const rows = this.open?.kind === 'table' ? this.open.table!.rows : undefined;
    return rows ? rows[rows.length - 1] : undefined;
  }

  private page(attrs: Attrs): void {
    if (this.pageSeen) this.fail(msg.pageTwice);
    this.pageSeen = true;
    const page: PageSetup = this.doc.page;
    for (const { key, value } of attrs) {
      if (key === 'font') page.font = this.value(key, value);
      else if (key === 'paper' || (key === 'size' && value !== undefined && !/^[\d.]+$/.test(value))) {
        if (this.value(key, value).toUpperCase() !== 'A4') this.fail(msg.badPaper(value!));
      } else if (key === 'size') page.sizePt = this.number(key, value);
      else if (key === 'top' || key === 'bottom' || key === 'left' || key === 'right') page.marginsMm[key] = this.number(key, value);
      else if (key === 'first-page-header') {
        const v = this.value(key, value);
        if (v !== 'none' && v !== 'same') this.fail(msg.badFirstPageHeader(v));
        this.doc.titlePage = v === 'none';
      } else this.fail(msg.unknownAttribute(key));
    }
  }

  private table(attrs: Attrs): void {
    const table: Table = { type: 'table', borders: true, columnWidthsPct: [], rows: [] };
    let widths: number[] | undefined;
    for (const { key, value } of attrs) {
      if (key === 'borders') {
        const v = this.value(key, value);
        if (v !== 'none' && v !== 'all') this.fail(msg.badBorders(v));
        table.borders = v === 'all';
      } else if (key === 'widths') {
        widths = this.value(key, value).split(',').map((w) => (/^\d+(\.\d+)?$/.test(w.trim()) ? Number(w) : NaN));
        const sum = widths.reduce((a, b) => a + b, 0);
        if (widths.some((w) => !(w > 0)) || Math.abs(sum - 100) > 0.5) this.fail(msg.badWidths);
        table.columnWidthsPct = widths;
      } else this.fail(msg.unknownAttribute(key));
    }
    this.begin('table', table, widths);
    this.doc.body.push(table);
  }

  private paragraph(line: string): void {
    let style = this.defaults;
    let text = line;
    if (line.startsWith('[') && !line.startsWith('[[')) {
      const close = line.indexOf(']');
      if (close < 0) this.fail(msg.unclosedBracket);
      style = this.style(this.attrs(line.slice(1, close)), this.defaults);
      text = line.slice(close + 1).trim();
    }
    const p = this.makeParagraph(style, this.inline(text));
    this.target().push(p);
  }

  private makeParagraph(style: ParagraphStyle, runs: Run[]): Paragraph {
    return { type: 'paragraph', style: { ...style, ...(style.run ? { run: { ...style.run } } : {}) }, runs };
  }

  /** Where a paragraph goes now: the open header, footer or table cell, or the body. */
  private target(): Block[] {
    const open = this.open;
    if (!open) return this.doc.body;
    if (open.kind === 'header') return this.doc.header;
    if (open.kind === 'footer') return this.doc.footer;
    const row = this.currentRow();
    const cell = row?.cells[row.cells.length - 1];
    if (!cell) this.fail(msg.textOutsideCell);
    return cell.blocks;
  }

  /** Paragraph attributes: alignment words, bold/italic/underline/rule, and key=number settings. */
  private style(attrs: Attrs, base: ParagraphStyle): ParagraphStyle {
    const style: ParagraphStyle = { ...base, ...(base.run ? { run: { ...base.run } } : {}) };
    const run = (): RunStyle => (style.run ??= {});
    for (const { key, value } of attrs) {
      const flag = () => {
        if (value !== undefined) this.fail(msg.noValue(key));
      };
      if (ALIGNMENTS.includes(key) && value === undefined) style.align = key as Alignment;
      else if (key === 'bold' || key === 'italic' || key === 'underline') {
        flag();
        run()[key] = true;
      } else if (key === 'rule') {
        flag();
        style.borderBelow = true;
      } else if (key === 'keep') {
        flag();
        style.keepWithNext = true;
      } else if (key === 'size') run().sizePt = this.number(key, value);
      else if (key === 'indent') style.firstLineIndentMm = this.number(key, value);
      else if (key === 'left') style.leftIndentMm = this.number(key, value);
      else if (key === 'right') style.rightIndentMm = this.number(key, value);
      else if (key === 'before') style.spaceBeforePt = this.number(key, value);
      else if (key === 'after') style.spaceAfterPt = this.number(key, value);
      else if (key === 'spacing') style.lineSpacing = this.number(key, value);
      else this.fail(msg.unknownAttribute(value === undefined ? key : `${key}=${value}`));
    }
    return style;
  }

  private attrs(text: string): Attrs {
    if ((text.match(/"/g) ?? []).length % 2 !== 0) this.fail(msg.unbalancedQuote);
    const out: Attrs = [];
    for (const m of text.matchAll(/([^\s="]+)(?:=(?:"([^"]*)"|([^\s"]*)))?|(\S)/g)) {
      if (m[4] !== undefined) this.fail(msg.unknownAttribute(m[4]));
      out.push({ key: m[1], value: m[2] ?? m[3] });
    }
    return out;
  }

  private noAttrs(attrs: Attrs): void {
    if (attrs.length > 0) this.fail(msg.unknownAttribute(attrs[0].key));
  }

  private value(key: string, value: string | undefined): string {
    if (value === undefined || value === '') this.fail(msg.needsValue(key));
    return value;
  }

  private number(key: string, value: string | undefined): number {
    const v = this.value(key, value);
    if (!/^\d+(\.\d+)?$/.test(v)) this.fail(msg.badNumber(key, v));
    return Number(v);
  }

  /** Inline marks -> runs. `\` escapes the next character; `{{…}}` is copied as is. */
  private inline(text: string): Run[] {
    const runs: Run[] = [];
    const on = { bold: false, italic: false, underline: false };
    let buf = '';
    const flush = () => {
      if (buf === '') return;
      const run: Run = { type: 'text', text: buf };
      if (on.bold) run.bold = true;
      if (on.italic) run.italic = true;
      if (on.underline) run.underline = true;
      runs.push(run);
      buf = '';
    };
    for (let i = 0; i < text.length; ) {
      const rest = text.slice(i);
      if (rest.startsWith('\\') && i + 1 < text.length) {
        buf += text[i + 1];
        i += 2;
      } else if (rest.startsWith('{{')) {
        const close = text.indexOf('}}', i + 2);
        const end = close < 0 ? text.length : close + 2;
        buf += text.slice(i, end);
        i = end;
      } else if (rest.startsWith('[[PAGE]]')) {
        flush();
        const run: Run = { type: 'pageNumber' };
        if (on.bold) run.bold = true;
        if (on.italic) run.italic = true;
        if (on.underline) run.underline = true;
        runs.push(run);
        i += 8;
      } else if (text[i] === '~') {
        // A tie: the non-breaking space between a number and its unit.
        buf += NBSP;
        i++;
      } else if (rest.startsWith('[[BR]]')) {
        buf += '\n';
        i += 6;
      } else if (rest.startsWith('**') || rest.startsWith('__') || rest[0] === '*') {
        const mark = rest.startsWith('**') ? 'bold' : rest.startsWith('__') ? 'underline' : 'italic';
        flush();
        on[mark] = !on[mark];
        i += mark === 'italic' ? 1 : 2;
      } else {
        buf += text[i];
        i++;
      }
    }
    flush();
    if (on.bold) this.fail(msg.unclosedMarkup('**'));
    if (on.italic) this.fail(msg.unclosedMarkup('*'));
    if (on.underline) this.fail(msg.unclosedMarkup('__'));
    return runs;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
