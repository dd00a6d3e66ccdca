import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import type { ReportKind } from '../../core/kind/types';
import { layoutWorkbook } from '../../core/workbook/layout';
import { onFile, UsageError } from '../errors';
import { writeXlsx } from '../xlsx-write';
import type { Io } from './context';

/** "so-lieu" -> "so-lieu.xlsx"; an extension other than .xlsx is refused. */
export function workbookPath(file: string): string {
  const ext = extname(file);
  if (ext === '') return `${file}.xlsx`;
  if (ext.toLowerCase() !== '.xlsx') throw new UsageError(`«${file}» có đuôi «${ext}», nhưng «init» tạo bảng tính Excel: đặt tên tệp kết thúc bằng .xlsx.`);
  return file;
}

export async function initCommand(name: string, kind: ReportKind, opts: { sample?: boolean; force?: boolean }, io: Io): Promise<number> {
  if ((existsSync(name) && statSync(name).isDirectory()) || /[/\\]$/.test(name) || basename(name) === '') throw new UsageError(`«${name}» là một thư mục: hãy ghi tên tệp bảng tính sẽ tạo, ví dụ «${name.replace(/\/+$/, '')}/so-lieu.xlsx».`);
  const file = workbookPath(name);
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new UsageError(`«${file}» là một thư mục: hãy ghi tên tệp bảng tính sẽ tạo.`);
    if (!opts.force) throw new UsageError(`Tệp «${file}» đã có: không ghi đè số liệu. Dùng --force nếu thật sự muốn thay.`);
  }
  await onFile('create-folder', dirname(file), () => mkdir(dirname(file), { recursive: true }));
  // A blank workbook shows one marked example row per list (the sample's first row); the sample needs none.
  await writeXlsx(layoutWorkbook(kind, opts.sample ? kind.sample : undefined, opts.sample ? {} : { examples: kind.sample }), file, kind);
  io.out(`Đã tạo ${file}${opts.sample ? ' (có số liệu mẫu)' : ''}.`);
  return 0;
}
