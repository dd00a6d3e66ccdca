/** Runs the BUILT CLI (bin/bao-cao.js) in a scratch folder, as a clerk would from a shell. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const root = resolve(__dirname, '../..');
export const bin = join(root, 'bin/bao-cao.js');

export function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'pipe' });
}

export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Neither output stream shows a JavaScript stack trace or an English library message. */
export function noTrace(r: CliResult): void {
  const all = r.stdout + r.stderr;
  if (/\n\s+at .+:\d+:\d+/.test(all) || /node:internal|Error: /.test(all)) throw new Error(`stack trace or raw error in output:\n${all}`);
}

/**
 * A stand-in for LibreOffice on PATH, so the PDF step's failure and interruption can be tested quickly
 * and deterministically. It reads `--outdir DIR INPUT` like soffice; FAKE_SOFFICE selects what it does:
 * "ok" writes a small PDF, "fail" exits 1 without output, "hang" records its pid and sleeps.
 */
export function fakeSoffice(dir: string): { env: (mode: 'ok' | 'fail' | 'hang', extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv } {
  const binDir = join(dir, 'fake-bin');
  mkdirSync(binDir, { recursive: true });
  const script = join(binDir, 'soffice');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      'while [ $# -gt 1 ]; do if [ "$1" = "--outdir" ]; then dir="$2"; fi; shift; done',
      'name=$(basename "$1"); name="${name%.*}"',
      'case "$FAKE_SOFFICE" in',
      '  fail) echo "fake soffice: failed" >&2; exit 1 ;;',
      '  hang) echo $$ > "$FAKE_MARK"; exec sleep 120 ;;',
      'esac',
      'printf "%%PDF-1.4 fake\\n" > "$dir/$name.pdf"',
    ].join('\n') + '\n',
  );
  chmodSync(script, 0o755);
  return { env: (mode, extra = {}) => ({ PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`, FAKE_SOFFICE: mode, ...extra }) };
}
