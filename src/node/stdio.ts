/**
 * Printing that survives a closed pipe: `bao-cao indicators x.xlsx | head -1` closes stdout early, and an
 * unhandled EPIPE would end the CLI with a stack trace. Instead printing stops, one Vietnamese line goes to
 * stderr, and the exit code says an output could not be written.
 */
import type { Io } from './commands/context';
import { errorCode, EXIT } from './errors';

const line = (s: string) => (s.endsWith('\n') ? s : s + '\n');

export interface GuardedIo extends Io {
  /** True once stdout's reader has gone away. */
  closed: () => boolean;
}

export function guardStdio(): GuardedIo {
  let closed = false;
  process.stdout.on('error', (e) => {
    if (closed) return;
    closed = true;
    process.exitCode = EXIT.io;
    const why = errorCode(e) === 'EPIPE' ? 'chương trình nhận kết quả (ví dụ «head») đã đóng đầu ra' : `đầu ra báo lỗi ${errorCode(e) ?? ''}`.trim();
    try {
      process.stderr.write(`Lỗi: không in tiếp được ra đầu ra chuẩn (stdout): ${why}. Phần kết quả còn lại không được in; chạy lại và ghi kết quả vào tệp nếu cần.\n`);
    } catch {
      // stderr is gone too: nothing left to tell.
    }
  });
  process.stderr.on('error', () => undefined);
  return {
    out: (s) => {
      if (!closed) process.stdout.write(line(s));
    },
    err: (s) => {
      process.stderr.write(line(s));
    },
    closed: () => closed,
  };
}
