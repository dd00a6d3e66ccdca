/**
 * Local conversions with external programs: LibreOffice (.docx -> PDF / plain text) and poppler-utils
 * (PDF -> PNG / text). Programs run directly (an argument list, never a shell). Each LibreOffice run gets
 * its own throwaway profile, because two soffice processes sharing a profile make the second one hand its
 * work to the first (or fail on the profile lock), so parallel runs would collide.
 */
import { spawn } from 'node:child_process';
import { constants, rmSync } from 'node:fs';
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { onExit } from './on-exit';

/** The programs this module runs, with the Debian package that provides each. */
const TOOLS = {
  soffice: { label: 'LibreOffice (soffice)', names: ['soffice', 'libreoffice'], apt: 'libreoffice-writer-nogui', purpose: 'xuất PDF' },
  pdftoppm: { label: 'pdftoppm', names: ['pdftoppm'], apt: 'poppler-utils', purpose: 'chuyển PDF thành ảnh PNG' },
  pdftotext: { label: 'pdftotext', names: ['pdftotext'], apt: 'poppler-utils', purpose: 'đọc chữ trong PDF' },
} as const;

export type ToolName = keyof typeof TOOLS;

/** Where soffice lives when it is not on PATH (Debian, LibreOffice's own .deb packages). */
const EXTRA_DIRS: Record<ToolName, string[]> = {
  soffice: ['/usr/bin', '/usr/lib/libreoffice/program', '/opt/libreoffice/program'],
  pdftoppm: ['/usr/bin'],
  pdftotext: ['/usr/bin'],
};

export const DEFAULT_TIMEOUT_MS = 120_000;

/** A program the conversion needs is not installed. `message` is Vietnamese, ready for the CLI to print. */
export class ToolMissingError extends Error {
  override readonly name = 'ToolMissingError';
  constructor(readonly tool: ToolName) {
    const t = TOOLS[tool];
    super(`Không tìm thấy ${t.label} trên máy này: không thể ${t.purpose}. Cài đặt: apt-get install ${t.apt}`);
  }
}

/** A program ran but did not produce its output (error, crash, timeout). `message` is Vietnamese. */
export class ConversionError extends Error {
  override readonly name = 'ConversionError';
  constructor(
    message: string,
    /** What the program printed, for logs. */
    readonly detail = '',
  ) {
    super(message);
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Full path of the first matching program on PATH or in the usual directories, or null. */
export async function findTool(tool: ToolName, envPath = process.env.PATH ?? ''): Promise<string | null> {
  const dirs = [...envPath.split(delimiter).filter(Boolean), ...EXTRA_DIRS[tool]];
  for (const name of TOOLS[tool].names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

async function requireTool(tool: ToolName): Promise<string> {
  const path = await findTool(tool);
  if (path === null) throw new ToolMissingError(tool);
  return path;
}

export async function findSoffice(): Promise<string | null> {
  return findTool('soffice');
}

interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a program (no shell) with a hard timeout. soffice is a shell script that execs oosplash, which starts
 * soffice.bin: killing the direct child alone would leave the real office process running. So the child gets
 * its own process group (`detached`) and the whole group is killed on timeout. This is why `spawn` is used:
 * `execFile` does not pass `detached` through to spawn.
 */
function run(file: string, args: string[], timeoutMs: number, what: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // Stopped with the parent: Ctrl-C or a kill must not leave it running (it would write its output later).
    const forget = onExit(() => killGroup(child.pid));
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
    child.on('error', (e) => {
      clearTimeout(timer);
      forget();
      reject(new ConversionError(`${what}: không chạy được ${basename(file)}.`, e.message));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      forget();
      const result = { stdout: text(out), stderr: text(err) };
      if (timedOut) reject(new ConversionError(`${what}: quá thời gian ${seconds(timeoutMs)} giây, đã dừng.`, result.stderr));
      else if (code !== 0) reject(new ConversionError(`${what}: ${basename(file)} báo lỗi (mã ${code ?? signal}).`, result.stderr));
      else resolve(result);
    });
  });
}

/** Seconds the Vietnamese way: decimal comma, at most one decimal. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10).replace('.', ',');
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function ensureOutput(path: string, what: string, detail: string): Promise<string> {
  try {
    if ((await stat(path)).size > 0) return path;
  } catch {
    // Reported below.
  }
  // soffice exits 0 even when it could not load the input, so the output file is the only proof.
  throw new ConversionError(`${what}: không tạo ra được tệp ${basename(path)}.`, detail);
}

export type OfficeTarget = 'pdf' | 'txt';

const FILTERS: Record<OfficeTarget, string> = {
  pdf: 'pdf',
  txt: 'txt:Text (encoded):UTF8',
};

export interface ConvertOptions {
  /** Where the output goes; defaults to the input's directory. The output keeps the input's base name. */
  outDir?: string;
  timeoutMs?: number;
}

/** Converts a .docx (or anything Writer opens) with LibreOffice; returns the output file's path. */
export async function convertWithOffice(input: string, target: OfficeTarget, options: ConvertOptions = {}): Promise<string> {
  const soffice = await requireTool('soffice');
  const outDir = options.outDir ?? dirname(input);
  const profile = await mkdtemp(join(tmpdir(), 'bao-cao-lo-'));
  const forgetProfile = onExit(() => rmSync(profile, { recursive: true, force: true }));
  const what = `Chuyển ${basename(input)} sang ${target.toUpperCase()}`;
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--norestore',
      '--convert-to',
      FILTERS[target],
      '--outdir',
      outDir,
      input,
    ];
    const output = join(outDir, `${basename(input, extname(input))}.${target}`);
    // A stale output from an earlier run must not pass for this run's result.
    await rm(output, { force: true });
    const result = await run(soffice, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, what);
    return await ensureOutput(output, what, result.stdout + result.stderr);
  } finally {
    await rm(profile, { recursive: true, force: true });
    forgetProfile();
  }
}

export async function docxToPdf(docx: string, options: ConvertOptions = {}): Promise<string> {
  return convertWithOffice(docx, 'pdf', options);
}

/** The document's text as LibreOffice exports it (UTF-8, BOM removed, '\n' line ends). */
export async function docxToText(docx: string, options: ConvertOptions = {}): Promise<string> {
  const path = await convertWithOffice(docx, 'txt', options);
  return normaliseText(await readFile(path, 'utf8'));
}

function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export interface PdfTextOptions {
  firstPage?: number;
  lastPage?: number;
  /** Keep the physical layout (columns side by side), as `pdftotext -layout`. */
  layout?: boolean;
  timeoutMs?: number;
}

/** Text of a PDF (or of some of its pages) with pdftotext; pages are separated by form feeds. */
export async function pdfToText(pdf: string, options: PdfTextOptions = {}): Promise<string> {
  const pdftotext = await requireTool('pdftotext');
  const args = ['-enc', 'UTF-8'];
  if (options.layout) args.push('-layout');
  if (options.firstPage !== undefined) args.push('-f', String(options.firstPage));
  if (options.lastPage !== undefined) args.push('-l', String(options.lastPage));
  args.push(pdf, '-');
  const { stdout } = await run(pdftotext, args, options.timeoutMs ?? 30_000, `Đọc chữ trong ${basename(pdf)}`);
  return stdout;
}

/** Renders one page of a PDF to a PNG file with pdftoppm; returns the PNG's path. */
export async function pdfToPng(pdf: string, page: number, outPng: string, dpi = 100): Promise<string> {
  const pdftoppm = await requireTool('pdftoppm');
  // pdftoppm takes an output prefix and appends ".png" itself with -singlefile.
  const prefix = outPng.replace(/\.png$/i, '');
  await rm(`${prefix}.png`, { force: true });
  const what = `Chuyển trang ${page} của ${basename(pdf)} thành ảnh`;
  const args = ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix];
  const result = await run(pdftoppm, args, 60_000, what);
  return ensureOutput(`${prefix}.png`, what, result.stderr);
}
