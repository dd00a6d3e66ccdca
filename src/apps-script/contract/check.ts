/** Assertions of the contract cases: a mismatch throws "expected X, got Y" in Vietnamese. */
import { SELF_CHECK_MSG as M } from '../messages';

/** Shows a value with its invisible characters visible: JSON quoting ("a\u000bb", "a\rb"). */
export function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Throws M.expected(want, got) unless `ok`. */
export function expectThat(ok: boolean, want: string, got: unknown): void {
  if (!ok) throw new Error(M.expected(want, typeof got === 'string' ? got : shown(got)));
}

/**
 * An observed behaviour's answer: `got` must be the optimistic or the pessimistic result (each followed by
 * `end`, the paragraph end a Docs API read gives), else the case fails; true for the optimistic one.
 */
export function answerOf(got: string, optimistic: string, pessimistic: string, end = ''): boolean {
  expectThat(got === optimistic + end || got === pessimistic + end, M.eitherOf(shown(optimistic), shown(pessimistic)), shown(got));
  return got === optimistic + end;
}

/** The text of a Docs API body or header: every text run, paragraphs ending in '\n', tables cell by cell. */
export function docsText(content: GoogleAppsScript.Docs.Schema.StructuralElement[] | undefined): string {
  let out = '';
  for (const el of content ?? []) {
    for (const e of el.paragraph?.elements ?? []) out += e.textRun?.content ?? '';
    for (const row of el.table?.tableRows ?? []) for (const cell of row.tableCells ?? []) out += docsText(cell.content);
  }
  return out;
}

/** The first header's text of a Docs API document ('' when it has none). */
export function docsHeaderText(doc: GoogleAppsScript.Docs.Schema.Document): string {
  const headers = (doc.headers ?? {}) as Record<string, GoogleAppsScript.Docs.Schema.Header>;
  const id = doc.documentStyle?.defaultHeaderId;
  return id && headers[id] ? docsText(headers[id].content) : '';
}
