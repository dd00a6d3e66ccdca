import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportKind } from '../../core/kind/types';
import { layoutWorkbook } from '../../core/workbook/layout';
import { onFile } from '../errors';
import { writeXlsx } from '../xlsx-write';
import type { Io } from './context';
import { generateReport } from './generate';

export async function demoCommand(kind: ReportKind, opts: { outDir: string; pdf: boolean }, io: Io): Promise<number> {
  await onFile('create-folder', opts.outDir, () => mkdir(opts.outDir, { recursive: true }));
  const workbook = join(opts.outDir, 'so-lieu-mau.xlsx');
  await writeXlsx(layoutWorkbook(kind, kind.sample), workbook);
  io.out(`Đã tạo bảng tính mẫu ${workbook}.`);
  return generateReport(workbook, join(opts.outDir, 'bao-cao-mau.docx'), kind, { pdf: opts.pdf, pdfOptional: true }, io);
}
