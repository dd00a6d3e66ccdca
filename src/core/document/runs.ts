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

/** Makes a run boundary at `offset`; returns the index of the run starting there (runs.length at the end). */
function splitAt(runs: Run[], offset: number): number {
  let pos = 0;
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (pos === offset) return i;
    const len = runLength(run);
    if (offset < pos + len && run.type === 'text') {
      const cut = offset - pos;
      runs.splice(i, 1, { ...run, text: run.text.slice(0, cut) }, { ...run, text: run.text.slice(cut) });
      return i + 1;
    }
    pos += len;
  }
  return runs.length;
}

/** The style of the character at `offset` (or of the last character before it at the very end). */
export function styleAt(runs: readonly Run[], offset: number): RunStyle {
  let pos = 0;
  for (const run of runs) {
    const len = runLength(run);
    if (offset < pos + len) return styleOf(run);
    pos += len;
  }
  const last = runs[runs.length - 1];
  return last ? styleOf(last) : {};
}

/** Deep copies of the runs covering start..end. */
export function sliceRuns(runs: readonly Run[], start: number, end: number): Run[] {
  const copy = runs.map(cloneRun);
  const i = splitAt(copy, start);
  const j = splitAt(copy, end);
  return copy.slice(i, j);
}

/** Replaces text start..end by `replacement` runs; then joins equal neighbours and drops empty runs. */
export function replaceRuns(p: Paragraph, start: number, end: number, replacement: Run[]): void {
  const i = splitAt(p.runs, start);
  const j = splitAt(p.runs, end);
  p.runs.splice(i, j - i, ...replacement);
  p.runs = normalizeRuns(p.runs);
}

/** Replaces text start..end by plain text formatted like the character at `start`. */
export function replaceText(p: Paragraph, start: number, end: number, text: string): void {
  const run: TextRun = { type: 'text', text, ...styleAt(p.runs, start) };
  replaceRuns(p, start, end, text === '' ? [] : [run]);
}

/** Inserts `text` at each offset (given ascending), formatted like the character before it. */
export function insertAt(runs: Run[], offsets: readonly number[], text: string): Run[] {
  const p: Paragraph = { type: 'paragraph', style: {}, runs };
  for (let k = offsets.length - 1; k >= 0; k--) {
    const at = offsets[k];
    replaceRuns(p, at, at, [{ type: 'text', text, ...styleAt(p.runs, at - 1) }]);
  }
  return p.runs;
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
