import { Command, CommanderError } from 'commander';
import type { Io } from './commands/context';
import { commanderMessageVi } from './commander-vi';
import { EXIT, reportFailure } from './errors';
import { addKindsCommand } from './kinds-command';
import { givenKind, resolveKind } from './kinds';
import { guardStdio } from './stdio';
import { addTemplateCommand } from './template-command';
import { addUpgradeCommand } from './upgrade-command';
import { addRollupCommand } from './tong-hop-command';

export { EXIT } from './errors';

/** Set by scripts/build-cli.mjs from package.json; a bundle built without it reports "dev". */
declare const PACKAGE_VERSION: string | undefined;

const KIND_OPTION = ['--kind <mã hoặc thư mục>', 'loại báo cáo: mã một loại có sẵn (xem «bao-cao kinds») hoặc thư mục chứa kind.json; mặc định: loại ghi ở trang «Cài đặt» của bảng tính, không có thì dan-van-kheo'] as const;

/**
 * The program and the exit code its last action chose. Each command's module is imported only when that
 * command runs, so that the libraries it needs load with it: check and indicators never load the .docx
 * writer, init never loads the reader.
 */
export function buildProgram(io: Io): { program: Command; exitCode: () => number } {
  let code: number = EXIT.ok;
  const done = (c: number) => {
    code = c;
  };
  const program = new Command('bao-cao')
    .description('Báo cáo xã: kiểm tra số liệu, tính chỉ tiêu và tạo báo cáo từ bảng tính (.xlsx), không cần mạng.')
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(commanderMessageVi(text)) })
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError('(dùng --help để xem hướng dẫn)')
    .version(typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev', '-V, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'hiển thị hướng dẫn')
    .helpCommand('help [lệnh]', 'hướng dẫn cho một lệnh');

  program
    .command('init')
    .description('Tạo bảng tính mới với đủ các trang, tiêu đề và nhãn (trống, hoặc có số liệu mẫu).')
    .argument('<file.xlsx>', 'tệp sẽ tạo (thêm .xlsx nếu tên chưa có đuôi)')
    .option('--sample', 'điền số liệu mẫu của loại báo cáo')
    .option('--force', 'ghi đè nếu tệp đã có')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { sample?: boolean; force?: boolean; kind?: string }) => {
      const { initCommand } = await import('./commands/init');
      done(await initCommand(file, await resolveKind(opts.kind), opts, io));
    });

  program
    .command('check')
    .description('Kiểm tra số liệu: mỗi dòng một lỗi hoặc cảnh báo, ghi rõ trang và ô.')
    .argument('<file.xlsx>')
    .option('--json', 'in kết quả dạng JSON')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { json?: boolean; kind?: string }) => {
      const { checkCommand } = await import('./commands/check');
      done(await checkCommand(file, await givenKind(opts.kind), opts, io));
    });

  program
    .command('indicators')
    .description('Tính các chỉ tiêu dẫn xuất (sản lượng, tỷ lệ, tổng, thay đổi, so với chỉ tiêu Nghị quyết).')
    .argument('<file.xlsx>')
    .option('--json', 'in kết quả dạng JSON')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { json?: boolean; kind?: string }) => {
      const { indicatorsCommand } = await import('./commands/indicators');
      done(await indicatorsCommand(file, await givenKind(opts.kind), opts, io));
    });

  program
    .command('generate')
    .description('Tạo báo cáo .docx (và PDF nếu có LibreOffice) từ bảng tính; từ chối khi số liệu còn lỗi.')
    .argument('<file.xlsx>')
    .option('--template <file>', 'mẫu báo cáo: tệp Word (.docx, xem «bao-cao template») hoặc dạng văn bản (mặc định: mẫu có sẵn của loại báo cáo)')
    .option('--out <file.docx>', 'tệp báo cáo sẽ ghi (mặc định: bao-cao-<tên bảng tính>.docx cạnh bảng tính); với --pdf có thể là tệp .pdf')
    .option('--pdf', 'xuất thêm PDF bằng LibreOffice')
    .option(...KIND_OPTION)
    .action(async (file: string, opts: { template?: string; out?: string; pdf?: boolean; kind?: string }) => {
      const { generateReport } = await import('./commands/generate');
      done(await generateReport(file, opts.out, await givenKind(opts.kind), { template: opts.template, pdf: opts.pdf }, io));
    });

  program
    .command('demo')
    .description('Chạy thử trên số liệu mẫu: tạo bảng tính mẫu, kiểm tra, tính chỉ tiêu và ghi báo cáo vào thư mục out/.')
    .option('--out-dir <dir>', 'thư mục kết quả', 'out')
    .option('--no-pdf', 'không xuất PDF')
    .option(...KIND_OPTION)
    .action(async (opts: { outDir: string; pdf: boolean; kind?: string }) => {
      const { demoCommand } = await import('./commands/demo');
      done(await demoCommand(await resolveKind(opts.kind), opts, io));
    });

  addKindsCommand(program, io.out, io.err);
  addTemplateCommand(program, io.out);
  addUpgradeCommand(program, io.out, KIND_OPTION);
  addRollupCommand(program, io.out, io.err, KIND_OPTION);

  return { program, exitCode: () => code };
}

/** Runs the CLI on `argv` (without node and script); returns the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  const { program, exitCode } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    // `kinds` reports its problems through process.exitCode.
    return Math.max(exitCode(), typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const failure = reportFailure(e);
    io.err(failure.line);
    return failure.code;
  }
}

const stdio = guardStdio();
const code = await main(process.argv.slice(2), stdio);
process.exitCode = stdio.closed() ? EXIT.io : code;
