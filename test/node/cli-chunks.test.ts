/**
 * Each command loads only what it needs: the CLI ships as one bundle split into chunks, and a command's
 * chunk is imported when it runs. `check` and `indicators` must never pull in the .docx writer or the
 * Word-template door; `generate` must (the control that shows the walk finds them at all).
 */
import { describe, expect, it } from 'vitest';
import { build, type Metafile } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module script without types; it returns esbuild options.
import { cliBuildOptions } from '../../scripts/cli-build-options.mjs';

const WRITER = /^src\/node\/(docx|docx-template)\//;

/** The source files a command loads: cli.js, the command's chunk, and every chunk they import statically. */
function inputsLoadedBy(meta: Metafile, command: string): string[] {
  const outputs = Object.entries(meta.outputs);
  const byPath = new Map(outputs);
  const start = outputs.filter(([, o]) => o.entryPoint === 'src/node/cli.ts' || Object.keys(o.inputs).includes(`src/node/commands/${command}.ts`));
  expect(start, `chunks for ${command}`).toHaveLength(2);
  const seen = new Set<string>();
  const queue = start.map(([path]) => path);
  while (queue.length) {
    const path = queue.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    for (const imp of byPath.get(path)?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) queue.push(imp.path);
  }
  return [...seen].flatMap((path) => Object.keys(byPath.get(path)!.inputs));
}

describe('each command loads only what it needs', () => {
  it('check and indicators never load the .docx writer; generate does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bao-cao-chunks-'));
    try {
      const { metafile } = await build({ ...cliBuildOptions(dir), write: false, metafile: true, sourcemap: false, absWorkingDir: process.cwd() });
      // Metafile paths are relative to the working directory: src/…, node_modules/….
      const meta = metafile as Metafile;
      for (const command of ['check', 'indicators']) {
        const loaded = inputsLoadedBy(meta, command);
        expect(loaded.some((p) => p.includes('node_modules/exceljs/')), `${command} reads the workbook`).toBe(true);
        expect(loaded.filter((p) => WRITER.test(p)), command).toEqual([]);
      }
      const generate = inputsLoadedBy(meta, 'generate');
      expect(generate.filter((p) => WRITER.test(p)).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
