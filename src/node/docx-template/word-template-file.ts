/**
 * `generate --template mau.docx`: a Word template file merged with the report's data. What the CLI
 * prints when it cannot be used is ready here, in the same words as for a text template.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { MergeData } from '../../core/template/data';
import { mergeDocxTemplate } from './merge-docx';
import { docxMessages as msg } from './messages';
import { DocxTemplateError } from './package';

export type WordReport = { ok: true; bytes: Buffer } | { ok: false; lines: string[] };

/** The report's bytes, or the lines saying why there is none (the file is read, never written). */
export async function mergeWordTemplateFile(path: string, data: MergeData): Promise<WordReport> {
  if (!existsSync(path)) return { ok: false, lines: [msg.notFound(path)] };
  let result;
  try {
    result = await mergeDocxTemplate(await readFile(path), data);
  } catch (e) {
    if (e instanceof DocxTemplateError) return { ok: false, lines: [msg.unreadable(path, e.message)] };
    throw e;
  }
  if (result.ok) return result;
  return { ok: false, lines: [msg.problemsHeading, ...result.problems.map((p) => `${p.location}: ${p.message}`)] };
}
