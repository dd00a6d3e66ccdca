/** A Word template merged with the report's data by the one merge algorithm, in memory. */
import type { MergeData } from '../../core/template/data';
import { merge } from '../../core/template/merge';
import type { MergeProblem } from '../../core/template/problems';
import { createDocxPort } from './docx-port';
import { readDocx, writeDocx } from './package';

export type DocxMergeResult = { ok: true; bytes: Buffer } | { ok: false; problems: MergeProblem[] };

/**
 * Merges `data` into the .docx `template` (its bytes; the file is never touched). With any problem,
 * no document comes out. Throws DocxTemplateError when the bytes are not a usable .docx.
 */
export async function mergeDocxTemplate(template: Uint8Array, data: MergeData): Promise<DocxMergeResult> {
  const pkg = await readDocx(template);
  const problems = merge(createDocxPort(pkg), data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, bytes: await writeDocx(pkg) };
}
