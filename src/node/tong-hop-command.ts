/**
 * `bao-cao tong-hop <workbooks or folders…> [--kind …] --out tong-hop.xlsx [--docx bao-cao-tong-hop.docx]`:
 * the command's options. The run itself (tong-hop.ts) and its libraries load only when the command runs.
 */
import type { Command } from 'commander';
import type { RollupOptions } from './tong-hop';

export function addRollupCommand(program: Command, out: (s: string) => void, err: (s: string) => void, kindOption: readonly [string, string]): void {
  program
    .command('tong-hop')
    .description('Tổng hợp của cấp trên: đọc bảng tính của nhiều xã (tệp hoặc thư mục), ghi bảng so sánh .xlsx và, nếu muốn, báo cáo tổng hợp .docx.')
    .argument('<bảng tính hoặc thư mục...>', 'các tệp .xlsx của xã, hoặc thư mục chứa chúng')
    .requiredOption('--out <tong-hop.xlsx>', 'bảng so sánh sẽ ghi')
    .option('--docx <bao-cao-tong-hop.docx>', 'ghi thêm báo cáo tổng hợp từ mẫu tổng hợp của loại báo cáo')
    .option(...kindOption)
    .action(async (paths: string[], opts: RollupOptions) => {
      const { runRollupCommand } = await import('./tong-hop');
      await runRollupCommand(paths, opts, out, err);
    });
}
