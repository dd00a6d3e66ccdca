/**
 * Finds the kind of report a command works with: a bundled kind by its id, or a kind folder on disk
 * (kind.json, template.txt, sample.json), loaded by the same core loader the Apps Script door uses.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadKind, type KindLoad } from '../core/kind/load';
import type { ReportKind } from '../core/kind/types';
import type { WorkbookGrid } from '../core/workbook/grid';
import { kindRecordedIn } from '../core/workbook/kind-mismatch';
import { bundledKind, bundledKinds, defaultKind } from '../kinds/bundled';
import { UsageError } from './usage-error';

export async function loadKindFolder(dir: string): Promise<KindLoad> {
  const origin = relative(process.cwd(), resolve(dir)) || '.';
  const file = (name: string) => join(dir, name);
  if (!existsSync(file('kind.json'))) return { ok: false, problems: [`${origin}: không có tệp kind.json trong thư mục này.`] };
  const text = (name: string) => (existsSync(file(name)) ? readFile(file(name), 'utf8') : Promise.resolve(undefined));
  const [kindJson, template, sample, rollupTemplate] = await Promise.all([text('kind.json'), text('template.txt'), text('sample.json'), text('rollup-template.txt')]);
  return loadKind({ origin, kindJson, template: template ?? '', sample, rollupTemplate });
}

/** `--kind <id or folder>`; without it, the default kind. */
export async function resolveKind(spec: string | undefined): Promise<ReportKind> {
  if (!spec) return defaultKind();
  const bundled = bundledKind(spec);
  if (bundled) return bundled;
  if (existsSync(spec) && statSync(spec).isDirectory()) {
    const r = await loadKindFolder(spec);
    if (r.ok) return r.kind;
    throw new UsageError(`Loại báo cáo «${spec}» có lỗi:\n${r.problems.map((p) => `  ${p}`).join('\n')}`);
  }
  throw new UsageError(`Không có loại báo cáo «${spec}». Các loại có sẵn: ${bundledKinds().map((k) => k.id).join(', ')}; hoặc chỉ đường dẫn tới một thư mục có kind.json.`);
}

/** The kind to read a workbook as: `given` (--kind), else the bundled kind its «Cài đặt» names, else the default. */
export function kindForWorkbook(workbook: WorkbookGrid, given: ReportKind | undefined): ReportKind {
  return given ?? kindRecordedIn(workbook, bundledKinds()) ?? defaultKind();
}

/** `--kind` when given; otherwise undefined, for a command that reads a workbook to take the kind it records. */
export async function givenKind(spec: string | undefined): Promise<ReportKind | undefined> {
  return spec ? resolveKind(spec) : undefined;
}

/** The bundled kinds, then every sub-folder of `dir` holding a kind.json (a broken one is listed as a problem). */
export async function listKinds(dir: string | undefined): Promise<{ kinds: ReportKind[]; problems: string[] }> {
  const kinds = [...bundledKinds()];
  const problems: string[] = [];
  if (dir && existsSync(dir)) {
    const folders = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => join(dir, d.name)).sort();
    for (const folder of folders) {
      if (!existsSync(join(folder, 'kind.json'))) continue;
      const r = await loadKindFolder(folder);
      if (!r.ok) problems.push(...r.problems);
      else if (!kinds.some((k) => k.id === r.kind.id)) kinds.push(r.kind);
    }
  }
  return { kinds, problems };
}
