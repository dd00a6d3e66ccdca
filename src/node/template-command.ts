import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { resolveKind } from './kinds';
import { UsageError } from './usage-error';

/**
 * `bao-cao template <out.docx> [--kind …] [--force]`: the kind's default template as a Word file, tags
 * as typed, for a clerk to edit in Word and use with `generate --template`. Never overwrites a template
 * the clerk may have edited, unless told to.
 */
export function addTemplateCommand(program: Command, out: (s: string) => void): void {
  program
    .command('template')
    .description('Ghi mẫu báo cáo mặc định thành tệp Word (.docx) để sửa trong Word rồi dùng với «generate --template».')
    .argument('<file.docx>', 'tệp mẫu sẽ tạo')
    .option('--kind <mã hoặc thư mục>', 'loại báo cáo: mã một loại có sẵn (xem «bao-cao kinds») hoặc thư mục chứa kind.json')
    .option('--force', 'ghi đè nếu tệp đã có')
    .action(async (file: string, opts: { kind?: string; force?: boolean }) => {
      if (extname(file).toLowerCase() !== '.docx') throw new UsageError(`Tên tệp mẫu «${file}» cần kết thúc bằng .docx.`);
      const kind = await resolveKind(opts.kind);
      if (existsSync(file) && !opts.force) throw new UsageError(`Tệp «${file}» đã có: không ghi đè mẫu đã sửa. Dùng --force nếu thật sự muốn thay.`);
      await mkdir(dirname(file), { recursive: true });
      const { templateToDocx } = await import('./docx-template/template-docx');
      await writeFileAtomic(file, await templateToDocx(kind.template));
      out(`Đã tạo mẫu báo cáo Word ${file} (loại báo cáo: ${kind.name}). Sửa trong Word, giữ nguyên các thẻ {{…}}, rồi dùng: bao-cao generate <bảng tính.xlsx> --template ${file}`);
    });
}
