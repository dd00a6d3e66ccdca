import type { Command } from 'commander';
import { listKinds } from './kinds';

/** `bao-cao kinds [--dir <folder>] [--json]`: the kinds of report this CLI can make. */
export function addKindsCommand(program: Command, out: (s: string) => void, err: (s: string) => void): void {
  program
    .command('kinds')
    .description('Liệt kê các loại báo cáo: loại có sẵn và loại trong thư mục kinds/ (mỗi thư mục con một loại).')
    .option('--dir <folder>', 'thư mục chứa các loại báo cáo tự tạo', 'kinds')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (opts: { dir: string; json?: boolean }) => {
      const { kinds, problems } = await listKinds(opts.dir);
      for (const p of problems) err(p);
      const rows = kinds.map((k) => ({
        id: k.id,
        name: k.name,
        description: k.description,
        origin: k.origin,
        tabs: k.tabs.map((t) => t.name),
        indicators: k.indicators.length,
      }));
      if (opts.json) out(JSON.stringify(rows, null, 2));
      else for (const r of rows) out(`${r.id}\t${r.name}\n\t${r.description}\n\t${r.tabs.length} trang, ${r.indicators} chỉ số; nguồn: ${r.origin}`);
      if (problems.length) process.exitCode = 1;
    });
}
