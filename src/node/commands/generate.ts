import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { TemplateTextError } from '../../core/document/template-text';
import type { ReportKind } from '../../core/kind/types';
import { renderReportDocument } from '../../core/report/document';
import { issueLine } from '../../core/issues';
import { writeFileAtomic } from '../atomic-write';
import { limitHeapGrowth } from '../heap-growth';
import { isWordTemplate } from '../docx-template/word-file-name';
import { EXIT, onFile, UsageError } from '../errors';
import { refuseInputAsOutput, requireExtension, requireOrdinaryFile, type NamedInput } from '../file-identity';
import { ConversionError, ToolMissingError } from '../libreoffice';
import { writePdf } from '../pdf-step';
import { readTemplateFile } from '../template-file';
import { hasErrors, loadRun, type Io } from './context';

export interface GenerateOptions {
  template?: string;
  pdf?: boolean;
  /** The demo goes on without a PDF where LibreOffice is missing; `generate --pdf` fails then. */
  pdfOptional?: boolean;
}

export interface OutputPaths {
  docx: string;
  pdf?: string;
}

/**
 * Where the report goes. `--out` names the .docx; with --pdf it may name the PDF instead, and the .docx
 * then goes beside it under the same name. Any other extension is refused, so that no other kind of file
 * (another workbook, the template) can be written over.
 */
export function outputPaths(workbook: string, out: string | undefined, pdf: boolean): OutputPaths {
  const chosen = out ?? join(dirname(workbook), `bao-cao-${basename(workbook, extname(workbook))}.docx`);
  const stem = chosen.slice(0, chosen.length - extname(chosen).length);
  if (extname(chosen).toLowerCase() === '.pdf') {
    if (!pdf) throw new UsageError(`Tệp kết quả «${chosen}» là tệp PDF, nhưng lệnh chưa có --pdf: thêm --pdf (báo cáo .docx sẽ ghi cạnh nó), hoặc đặt tên kết thúc bằng .docx.`);
    return { docx: `${stem}.docx`, pdf: chosen };
  }
  requireExtension(chosen, '.docx');
  return { docx: chosen, pdf: pdf ? `${stem}.pdf` : undefined };
}

/** Workbook -> checks -> indicators -> merged template -> .docx (and PDF). Returns the exit code. */
/** Without `given` (--kind), the workbook's recorded kind or the default (see loadRun). */
export async function generateReport(file: string, out: string | undefined, given: ReportKind | undefined, opts: GenerateOptions, io: Io): Promise<number> {
  const paths = outputPaths(file, out, Boolean(opts.pdf));
  const inputs: NamedInput[] = [{ path: file, what: 'bảng tính' }];
  if (opts.template) inputs.push({ path: opts.template, what: 'mẫu báo cáo' });
  for (const output of [paths.docx, paths.pdf]) {
    if (output === undefined) continue;
    requireOrdinaryFile(output);
    refuseInputAsOutput(output, inputs);
  }

  // The merge replaces paragraphs round after round: collect its garbage early (heap-growth.ts says why
  // from the start).
  limitHeapGrowth();
  // Only the issues and the merge data are kept: the typed input and the indicators can go before the
  // merge, the step that needs the most memory.
  const { issues, data, kind } = await loadRun(file, given);
  if (hasErrors(issues)) {
    io.err('Chưa tạo báo cáo: số liệu còn lỗi. Sửa các ô sau rồi chạy lại:');
    for (const issue of issues) io.err(issueLine(issue));
    return EXIT.invalid;
  }
  for (const issue of issues) io.out(issueLine(issue));
  // Only the writer this run needs is loaded: the Word-template merge or the .docx renderer.
  if (opts.template && isWordTemplate(opts.template)) {
    const { mergeWordTemplateFile } = await import('../docx-template/word-template-file');
    const report = await mergeWordTemplateFile(opts.template, data);
    if (!report.ok) {
      for (const line of report.lines) io.err(line);
      return EXIT.invalid;
    }
    return writeReport(paths, report.bytes, opts, io);
  }
  const templateText = opts.template ? await readTemplateFile(opts.template) : kind.template;
  let merged;
  try {
    merged = renderReportDocument(templateText, data);
  } catch (e) {
    if (e instanceof TemplateTextError) {
      io.err(`Mẫu báo cáo có lỗi: ${e.message}`);
      return EXIT.invalid;
    }
    throw e;
  }
  if (merged.problems.length) {
    io.err('Chưa tạo báo cáo: mẫu báo cáo có thẻ không dùng được:');
    for (const p of merged.problems) io.err(`${p.location}: ${p.message}`);
    return EXIT.invalid;
  }
  const { renderDocx } = await import('../docx-writer');
  return writeReport(paths, await renderDocx(merged.document), opts, io);
}

/** The report's .docx, then its PDF when asked. Returns the exit code. */
async function writeReport(paths: OutputPaths, bytes: Buffer, opts: GenerateOptions, io: Io): Promise<number> {
  const folder = dirname(paths.docx);
  await onFile('create-folder', folder, () => mkdir(folder, { recursive: true }));
  await writeFileAtomic(paths.docx, bytes);
  io.out(`Đã ghi báo cáo ${paths.docx}.`);
  if (!paths.pdf) return EXIT.ok;
  try {
    await writePdf(paths.docx, paths.pdf);
    io.out(`Đã ghi bản PDF ${paths.pdf}.`);
  } catch (e) {
    if (!(e instanceof ToolMissingError || e instanceof ConversionError)) throw e;
    io.err(`Báo cáo .docx đã ghi xong (${paths.docx}), nhưng chưa xuất được PDF: ${e.message} Bản PDF cũ (nếu có) vẫn giữ nguyên.`);
    if (!opts.pdfOptional) return EXIT.io;
  }
  return EXIT.ok;
}
