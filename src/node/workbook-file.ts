/**
 * Opening the clerk's workbook: the file must exist and be an .xlsx. Other spreadsheet files (.csv, .xls,
 * .ods) and other Office files renamed to .xlsx are recognised by their first bytes and answered with
 * "save it as .xlsx" advice instead of a zip library's message.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { WorkbookGrid } from '../core/workbook/grid';
import { onFile, UsageError } from './errors';
import { readXlsxBuffer } from './xlsx-read';

const SAVE_AS = 'Mở tệp bằng Excel hoặc LibreOffice Calc, chọn «Lưu thành» (Save As) kiểu «Excel 2007-365 (.xlsx)», rồi chạy lại với tệp .xlsx đó.';

/** What a file looks like from its first bytes, when it is not an .xlsx; undefined when it may be one. */
export function sniffNotXlsx(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (bytes.length === 0) return 'một tệp rỗng';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'một tệp Excel cũ (.xls) hoặc tài liệu Office cũ';
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    // An OpenDocument file stores its type uncompressed right at the start ("mimetype" entry).
    const start = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    if (start.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'một bảng tính OpenDocument (.ods)';
    if (start.includes('application/vnd.oasis.opendocument')) return 'một tài liệu OpenDocument';
    return undefined;
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'một tệp PDF';
  return 'một tệp chữ (ví dụ .csv)';
}

/** Whether a zip holds a Word document rather than a workbook (its part names are stored as plain text). */
function looksLikeWordZip(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes('word/document.xml') && !Buffer.from(bytes).includes('xl/workbook.xml');
}

export async function readWorkbookFile(file: string): Promise<WorkbookGrid> {
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp «${file}». Kiểm tra lại tên tệp và thư mục.`);
  const bytes = await onFile('read', file, () => readFile(file));
  const kind = sniffNotXlsx(bytes) ?? (looksLikeWordZip(bytes) ? 'một tài liệu Word (.docx)' : undefined);
  if (kind) throw new UsageError(`«${file}» không phải tệp Excel (.xlsx): có vẻ là ${kind}. ${SAVE_AS}`);
  try {
    return await readXlsxBuffer(bytes);
  } catch {
    throw new UsageError(`Không đọc được «${file}» như một tệp Excel (.xlsx): tệp bị hỏng hoặc không phải .xlsx. ${SAVE_AS}`);
  }
}
