/**
 * `npm start` (bao-cao demo) writes the sample workbook into out/, but never over a workbook someone has
 * edited there. Each workbook the demo writes is recorded by its SHA-256 in `.so-lieu-mau.json` in the same
 * folder; a workbook missing from that record, or whose bytes no longer match it, is the user's and is left
 * alone: the fresh sample goes to the next name that is free or the demo's own (so-lieu-mau-2.xlsx, …).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { UsageError } from './usage-error';

const RECORD = '.so-lieu-mau.json';
const MAX_COPIES = 50;

export interface SampleWorkbookPlace {
  /** Where to write the sample now. */
  path: string;
  /** Workbooks with the sample's name that the user edited, kept as they are. */
  kept: string[];
}

/** Where the demo may write its sample workbook without touching one the user edited. */
export async function sampleWorkbookPlace(outDir: string, base = 'so-lieu-mau'): Promise<SampleWorkbookPlace> {
  const record = await readRecord(outDir);
  const kept: string[] = [];
  for (let n = 1; n <= MAX_COPIES; n++) {
    const path = join(outDir, n === 1 ? `${base}.xlsx` : `${base}-${n}.xlsx`);
    if (!existsSync(path)) return { path, kept };
    const ours = record[basename(path)];
    if (ours && ours === digest(await readFile(path))) return { path, kept };
    kept.push(path);
  }
  throw new UsageError(`Thư mục ${outDir} đã có ${MAX_COPIES} bảng tính mẫu đã sửa (${base}.xlsx, ${base}-2.xlsx, …): hãy chuyển chúng đi nơi khác rồi chạy lại.`);
}

/** Notes the bytes the demo has just written at `path`, so a later run knows the file is still its own. */
export async function recordSampleWorkbook(path: string, outDir: string): Promise<void> {
  const record = await readRecord(outDir);
  record[basename(path)] = digest(await readFile(path));
  await writeFileAtomic(join(outDir, RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

/** The message for the workbooks kept, in the clerk's words. */
export function keptMessage(kept: readonly string[], path: string): string {
  const list = kept.join(', ');
  return `Bảng tính ${list} đã được sửa sau lần chạy thử trước nên được giữ nguyên; bảng tính mẫu mới ghi vào ${path}. Muốn tạo báo cáo từ bảng tính đã sửa: npx bao-cao generate ${kept[0]}`;
}

async function readRecord(outDir: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(outDir, RECORD), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    // No record (first run) or an unreadable one: every existing workbook counts as the user's.
    return {};
  }
}

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
