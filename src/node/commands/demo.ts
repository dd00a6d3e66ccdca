import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportKind } from '../../core/kind/types';
import { layoutWorkbook } from '../../core/workbook/layout';
import { keptMessage, recordSampleWorkbook, sampleWorkbookPlace } from '../demo-workbook';
import { onFile } from '../errors';
import { writeXlsx } from '../xlsx-write';
import type { Io } from './context';
import { generateReport } from './generate';

export async function demoCommand(kind: ReportKind, opts: { outDir: string; pdf: boolean }, io: Io): Promise<number> {
  await onFile('create-folder', opts.outDir, () => mkdir(opts.outDir, { recursive: true }));
  // Never over a workbook the user edited in out/: the sample then goes to a free name beside it.
  const { path: workbook, kept } = await sampleWorkbookPlace(opts.outDir);
  if (kept.length) io.out(keptMessage(kept, workbook));
  await writeXlsx(layoutWorkbook(kind, kind.sample), workbook, kind);
  await recordSampleWorkbook(workbook, opts.outDir);
  io.out(`Đã tạo bảng tính mẫu ${workbook}.`);
  return generateReport(workbook, join(opts.outDir, 'bao-cao-mau.docx'), kind, { pdf: opts.pdf, pdfOptional: true }, io);
}
