/**
 * Editing a paragraph's runs by text offsets, as the in-memory port needs: the port speaks in offsets
 * of the paragraph's text, and a tag may be split over runs of different formatting.
 * A page number run counts as one character (OBJECT_CHAR), as the port contract says.
 */
import { OBJECT_CHAR } from '../template/port';
import type { Paragraph, Run, RunStyle, TextRun } from './model';

export function runLength(run: Run): number {
  return run.type === 'text' ? run.text.length : 1;
}

/** The paragraph's text as the port reports it. */
export function portText(p: Paragraph): string {
  const only = p.runs.length === 1 ? p.runs[0] : undefined;
  if (only?.type === 'text') return only.text; // most paragraphs: no new string
  return p.runs.map((r) => (r.type === 'text' ? r.text : OBJECT_CHAR)).join('');
}

function styleOf(run: Run): RunStyle {
  const { bold, italic, underline, sizePt } = run;
  const style: RunStyle = {};
  if (bold !== undefined) style.bold = bold;
  if (italic !== undefined) style.italic = italic;
  if (underline !== undefined) style.underline = underline;
  if (sizePt !== undefined) style.sizePt = sizePt;
  return style;
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.sizePt === b.sizePt;
}

/** One edit of a paragraph's text: start..end (offsets of the text before any edit) becomes `runs`. */
export interface RunEdit {
  start: number;
  end: number;
  runs: Run[];
}

/**
 * Reads a paragraph's runs forward by text offsets: each `take` gives from..to (cutting runs at both
 * ends) and must start at or after where the previous one ended, so reading a whole paragraph in
 * pieces costs its length once. Runs are never changed once made, so a whole run is given as it is,
 * not copied: an edit allocates only what it changes.
 */
export class RunReader {
  private i = 0; // the first run not wholly behind the reader
  private runStart = 0;
  constructor(private readonly runs: readonly Run[]) {}

  take<Out extends RunSink = Run[]>(from: number, to: number, out: Out = [] as unknown as Out): Out {
    const runs = this.runs;
    while (this.i < runs.length) {
      const run = runs[this.i];
      const runEnd = this.runStart + runLength(run);
      if (runEnd > from) {
        if (this.runStart >= to) break;
        const a = Math.max(from, this.runStart);
        const b = Math.min(to, runEnd);
        if (a === this.runStart && b === runEnd) out.push(run);
        else if (run.type === 'text' && b > a) out.push({ ...run, text: run.text.slice(a - this.runStart, b - this.runStart) });
        if (runEnd > to) break;
      }
      this.i++;
      this.runStart = runEnd;
    }
    return out;
  }

  /** The run holding the character at `offset` (past the end: the last run); moves the reader up to it. */
  runAt(offset: number): Run | undefined {
    const runs = this.runs;
    while (this.i < runs.length - 1 && this.runStart + runLength(runs[this.i]) <= offset) {
      this.runStart += runLength(runs[this.i]);
      this.i++;
    }
    return runs[this.i];
  }
}

/** Where runs are put: an array, or a RunBuilder that joins them as they come. */
export interface RunSink {
  push(run: Run): unknown;
}

/**
 * Makes a paragraph's runs left to right, normalized: empty text runs dropped, neighbours of
 * one style joined, each joined text made in one join (not one concatenation per piece), runs left alone
 * kept as they are. Editing a paragraph this way makes one new array, not one per step.
 */
export class RunBuilder implements RunSink {
  private readonly out: Run[] = [];
  private pieces: string[] = []; // the texts of the same-style text runs ending `out`, when more than one

  finish(): Run[] {
    this.closeGroup();
    return this.out;
  }

  push(run: Run): void {
    if (run.type === 'text' && run.text === '') return;
    const out = this.out;
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text' && run.type === 'text' && sameStyle(prev, run)) {
      if (this.pieces.length === 0) this.pieces.push(prev.text);
      this.pieces.push(run.text);
      return;
    }
    this.closeGroup();
    out.push(run);
  }

  private closeGroup(): void {
    const out = this.out;
    if (this.pieces.length > 1) out[out.length - 1] = { ...(out[out.length - 1] as TextRun), text: this.pieces.join('') };
    this.pieces = [];
  }
}

/**
 * Applies edits, given in text order and not overlapping, in ONE pass over the runs, then joins equal
 * neighbours once: a paragraph with k edits costs its length plus k, not k times its length.
 * With no edit the runs come back as they are.
 */
export function editRuns(runs: Run[], edits: readonly RunEdit[]): Run[] {
  if (edits.length === 0) return runs;
  const reader = new RunReader(runs);
  const out = new RunBuilder();
  let pos = 0;
  for (const edit of edits) {
    reader.take(pos, edit.start, out);
    for (const run of edit.runs) out.push(run);
    pos = edit.end;
  }
  reader.take(pos, Infinity, out);
  return out.finish();
}

/**
 * The style of the character at each offset (given ascending; past the end, of the last character), in
 * one pass.
 */
export function stylesAt(runs: readonly Run[], offsets: readonly number[]): RunStyle[] {
  const out: RunStyle[] = [];
  let i = 0;
  let pos = 0;
  for (const offset of offsets) {
    while (i < runs.length && !(offset < pos + runLength(runs[i]))) {
      pos += runLength(runs[i]);
      i++;
    }
    const at = runs[Math.min(i, runs.length - 1)];
    out.push(at ? styleOf(at) : {});
  }
  return out;
}

/** A text replacement: start..end becomes `text`, formatted like the character at `start`. */
export interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies text replacements (in text order, not overlapping) to a paragraph in one pass, straight into
 * its new runs: no list of edits or styles is made first, which for a paragraph holding a list of
 * thousands of items would be as long as the paragraph.
 */
export function replaceTexts(p: Paragraph, replacements: readonly TextReplacement[]): void {
  if (replacements.length === 0) return;
  const reader = new RunReader(p.runs);
  const out = new RunBuilder();
  let pos = 0;
  for (const r of replacements) {
    reader.take(pos, r.start, out);
    const at = reader.runAt(r.start);
    if (r.text !== '') out.push({ type: 'text', text: r.text, ...(at ? styleOf(at) : {}) });
    pos = r.end;
  }
  reader.take(pos, Infinity, out);
  p.runs = out.finish();
}

/** Inserts `text` at each offset (given ascending), formatted like the character before it. */
export function insertAt(runs: Run[], offsets: readonly number[], text: string): Run[] {
  const styles = stylesAt(runs, offsets.map((at) => at - 1));
  return editRuns(
    runs,
    offsets.map((at, k) => ({ start: at, end: at, runs: [{ type: 'text', text, ...styles[k] }] })),
  );
}
