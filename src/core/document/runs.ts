/**
 * Editing a paragraph's runs by text offsets, as the in-memory port needs: the port speaks in offsets
 * of the paragraph's text, and a tag may be split over runs of different formatting.
 * A page number run counts as one character (OBJECT_CHAR), as the port contract says.
 */
import { OBJECT_CHAR } from '../template/port';
import type { Paragraph, Run, RunStyle } from './model';

export function runLength(run: Run): number {
  return run.type === 'text' ? run.text.length : 1;
}

/** The paragraph's text as the port reports it. */
export function portText(p: Paragraph): string {
  return p.runs.map((r) => (r.type === 'text' ? r.text : OBJECT_CHAR)).join('');
}

export function cloneRun(run: Run): Run {
  return { ...run };
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
 * Reads a paragraph's runs forward by text offsets: each `take` copies from..to (cutting runs at both
 * ends) and must start at or after where the previous one ended, so reading a whole paragraph in
 * pieces costs its length once.
 */
export class RunReader {
  private i = 0; // the first run not wholly behind the reader
  private runStart = 0;
  constructor(private readonly runs: readonly Run[]) {}

  take(from: number, to: number, out: Run[] = []): Run[] {
    const runs = this.runs;
    while (this.i < runs.length) {
      const run = runs[this.i];
      const runEnd = this.runStart + runLength(run);
      if (runEnd > from) {
        if (this.runStart >= to) break;
        const a = Math.max(from, this.runStart);
        const b = Math.min(to, runEnd);
        if (a === this.runStart && b === runEnd) out.push(cloneRun(run));
        else if (run.type === 'text' && b > a) out.push({ ...run, text: run.text.slice(a - this.runStart, b - this.runStart) });
        if (runEnd > to) break;
      }
      this.i++;
      this.runStart = runEnd;
    }
    return out;
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
  const out: Run[] = [];
  let pos = 0;
  for (const edit of edits) {
    reader.take(pos, edit.start, out);
    out.push(...edit.runs);
    pos = edit.end;
  }
  reader.take(pos, Infinity, out);
  return normalizeRuns(out);
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

/** Applies text replacements (in text order, not overlapping) to a paragraph in one pass. */
export function replaceTexts(p: Paragraph, replacements: readonly TextReplacement[]): void {
  const styles = stylesAt(p.runs, replacements.map((r) => r.start));
  p.runs = editRuns(
    p.runs,
    replacements.map((r, k) => ({ start: r.start, end: r.end, runs: r.text === '' ? [] : [{ type: 'text', text: r.text, ...styles[k] }] })),
  );
}

/** Inserts `text` at each offset (given ascending), formatted like the character before it. */
export function insertAt(runs: Run[], offsets: readonly number[], text: string): Run[] {
  const styles = stylesAt(runs, offsets.map((at) => at - 1));
  return editRuns(
    runs,
    offsets.map((at, k) => ({ start: at, end: at, runs: [{ type: 'text', text, ...styles[k] }] })),
  );
}

export function normalizeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.type === 'text' && run.text === '') continue;
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text' && run.type === 'text' && sameStyle(prev, run)) {
      out[out.length - 1] = { ...prev, text: prev.text + run.text };
    } else out.push(cloneRun(run));
  }
  return out;
}
