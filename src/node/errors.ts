/**
 * How the CLI fails: each failure is one Vietnamese sentence and an exit code, never a stack trace.
 * Exit codes: 0 done, 1 the figures (or the template) have errors, 2 the command was used wrongly,
 * 3 a file could not be read or written (missing, no permission, disk full, a folder, a closed pipe).
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, io: 3 } as const;

import { UsageError } from './usage-error';

/** The command was used wrongly (a bad argument, a refused output path): exit 2. */
export { UsageError };

/** The template (not the figures) cannot be used: exit 1, like figures with errors. */
export class TemplateError extends Error {}

/** A file could not be read or written; the message names the path and what to do. */
export class FileError extends Error {}

export type FileAction = 'read' | 'write' | 'create-folder';

const VERB: Record<FileAction, string> = { read: 'đọc', write: 'ghi', 'create-folder': 'tạo thư mục' };

/** Node's error code (ENOENT, EACCES, ...) when `e` is a system error. */
export function errorCode(e: unknown): string | undefined {
  return e !== null && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

/** A Node filesystem error as a Vietnamese sentence naming the path and what to do. */
export function fileErrorMessage(code: string | undefined, action: FileAction, path: string): string {
  const verb = VERB[action];
  switch (code) {
    case 'ENOENT':
      return action === 'read'
        ? `Không tìm thấy tệp «${path}»: kiểm tra lại tên tệp và thư mục.`
        : `Không ${verb} được «${path}»: thư mục chứa nó không tồn tại.`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền ${verb} «${path}»: kiểm tra quyền của tệp và thư mục, hoặc chọn nơi khác.`;
    case 'EISDIR':
      return `«${path}» là một thư mục, không phải tệp: hãy ghi tên một tệp.`;
    case 'ENOTDIR':
      return `Đường dẫn «${path}» có một phần không phải là thư mục: kiểm tra lại đường dẫn.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Đĩa đã đầy khi ${verb} «${path}»: giải phóng chỗ trống rồi chạy lại. Tệp cũ (nếu có) vẫn còn nguyên.`;
    case 'EROFS':
      return `Không ${verb} được «${path}»: ổ đĩa chỉ cho đọc. Chọn nơi khác để ghi.`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `Tệp «${path}» đang được một chương trình khác dùng: đóng chương trình đó rồi chạy lại.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Máy đang mở quá nhiều tệp nên không ${verb} được «${path}»: đóng bớt chương trình rồi chạy lại.`;
    default:
      return `Không ${verb} được «${path}»${code ? ` (${code})` : ''}: kiểm tra tệp và thư mục rồi chạy lại.`;
  }
}

/** Wraps a filesystem failure as a FileError; anything else is passed through unchanged. */
export function asFileError(e: unknown, action: FileAction, path: string): unknown {
  if (e instanceof FileError || e instanceof UsageError || e instanceof TemplateError) return e;
  const code = errorCode(e);
  return code ? new FileError(fileErrorMessage(code, action, path)) : e;
}

/** Runs `fn`, turning a filesystem error into a FileError about `path`. */
export async function onFile<T>(action: FileAction, path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw asFileError(e, action, path);
  }
}

/** The line printed for an error that reached the top, and its exit code. */
export function reportFailure(e: unknown): { line: string; code: number } {
  if (e instanceof UsageError) return { line: `Lỗi: ${e.message}`, code: EXIT.usage };
  if (e instanceof TemplateError) return { line: `Lỗi: ${e.message}`, code: EXIT.invalid };
  if (e instanceof FileError) return { line: `Lỗi: ${e.message}`, code: EXIT.io };
  const code = errorCode(e);
  if (code) return { line: `Lỗi: ${fileErrorMessage(code, 'read', (e as { path?: string }).path ?? 'tệp')}`, code: EXIT.io };
  const message = e instanceof Error ? e.message : String(e);
  return {
    line: `Lỗi không mong đợi: ${message}. Xin chụp lại dòng này và lệnh đã chạy rồi gửi cho người hỗ trợ.`,
    code: EXIT.invalid,
  };
}
