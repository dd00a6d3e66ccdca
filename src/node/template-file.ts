/**
 * Reading a template file given with --template: it must exist, hold something, and be UTF-8 text.
 * A template saved as UTF-16 ("Unicode" in Notepad) or in a legacy 8-bit code page would otherwise be
 * merged as mojibake or NUL characters; it is named and refused instead.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { onFile, TemplateError, UsageError } from './errors';

const RESAVE = 'Mở mẫu bằng một trình soạn thảo văn bản và lưu lại với bảng mã UTF-8.';

/** The template's text, or a Vietnamese reason why it cannot be one. */
export function decodeTemplate(bytes: Uint8Array, path: string): string {
  const b = Buffer.from(bytes);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) throw new TemplateError(`Mẫu báo cáo «${path}» được lưu theo bảng mã UTF-16, không phải UTF-8. ${RESAVE}`);
  if (b.includes(0)) throw new TemplateError(`Mẫu báo cáo «${path}» có ký tự NUL: có vẻ là tệp nhị phân hoặc bảng mã UTF-16, không phải văn bản UTF-8. ${RESAVE}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    throw new TemplateError(`Mẫu báo cáo «${path}» không phải văn bản UTF-8 (có thể là bảng mã cũ như Windows-1258 hoặc Latin-1). ${RESAVE}`);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new TemplateError(`Mẫu báo cáo «${path}» trống: không có gì để tạo báo cáo. Chọn đúng tệp mẫu, hoặc bỏ --template để dùng mẫu có sẵn.`);
  return text;
}

export async function readTemplateFile(path: string): Promise<string> {
  if (!existsSync(path)) throw new UsageError(`Không tìm thấy mẫu báo cáo «${path}».`);
  return decodeTemplate(await onFile('read', path, () => readFile(path)), path);
}
