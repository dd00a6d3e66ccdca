/**
 * Whether two paths are the same file on disk, however they are spelled: symbolic links (also in a folder
 * on the way, "../"), hard links and relative paths all resolve to one device and inode. Used so that an
 * output can never be one of the command's inputs.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { UsageError } from './errors';

function identity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** The canonical spelling of a path whose file may not exist yet (its folder resolved through links). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function sameFile(a: string, b: string): boolean {
  const [ia, ib] = [identity(a), identity(b)];
  if (ia !== undefined && ib !== undefined) return ia === ib;
  return canonical(a) === canonical(b);
}

export interface NamedInput {
  path: string;
  /** What the input is, in Vietnamese: "bảng tính", "mẫu báo cáo". */
  what: string;
}

/** Refuses an output that is (or links to) one of the inputs. */
export function refuseInputAsOutput(output: string, inputs: NamedInput[]): void {
  for (const input of inputs) {
    if (sameFile(output, input.path)) {
      throw new UsageError(`Tệp kết quả «${output}» chính là ${input.what} «${input.path}» (có thể qua một liên kết): không ghi đè dữ liệu đầu vào. Chọn tên khác cho --out.`);
    }
  }
}

/** Refuses an output path that exists and is not an ordinary file (a folder, a device such as /dev/full). */
export function requireOrdinaryFile(output: string): void {
  let s;
  try {
    s = statSync(output);
  } catch {
    return;
  }
  if (s.isDirectory()) throw new UsageError(`«${output}» là một thư mục: hãy ghi tên tệp kết quả, ví dụ «${output.replace(/[/\\]+$/, '')}/bao-cao.docx».`);
  if (!s.isFile()) throw new UsageError(`«${output}» không phải một tệp thường (có thể là thiết bị hoặc ống dẫn): chọn tên tệp khác cho kết quả.`);
}

/** Refuses an output whose extension is not the one being written (".docx", ".pdf", ".xlsx"). */
export function requireExtension(output: string, ext: string, hint = ''): void {
  if (extname(output).toLowerCase() !== ext) {
    const found = extname(output) ? `đuôi «${extname(output)}»` : 'không có đuôi';
    throw new UsageError(`Tệp kết quả «${output}» ${found}, nhưng lệnh này ghi tệp ${ext}: đặt tên tệp kết thúc bằng ${ext}.${hint}`);
  }
}
