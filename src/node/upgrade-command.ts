import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { givenKind } from './kinds';
import { UsageError } from './usage-error';

/** `bao-cao upgrade <file.xlsx> [--kind …]`: adds what a newer definition of the kind has, in place. */
export function addUpgradeCommand(program: Command, out: (s: string) => void, kindOption: readonly [string, string]): void {
  program
    .command('upgrade')
    .description('Nâng cấp bảng tính theo định nghĩa mới của loại báo cáo: thêm trang, bảng, dòng, cột còn thiếu; không di chuyển hay sửa số đã nhập.')
    .argument('<file.xlsx>')
    .option(...kindOption)
    .action(async (file: string, opts: { kind?: string }) => {
      if (!existsSync(file)) throw new UsageError(`Không tìm thấy tệp «${file}».`);
      // exceljs loads only when a workbook is upgraded, as in the other commands.
      const { upgradeXlsx } = await import('./upgrade');
      const { added } = await upgradeXlsx(file, await givenKind(opts.kind));
      if (added.length === 0) out(`${file} đã đủ mọi trang, bảng, dòng và cột: không cần thêm gì.`);
      else {
        out(`Đã nâng cấp ${file}, thêm:`);
        for (const a of added) out(`- ${a}`);
      }
    });
}
