/**
 * LibreOffice as a Word client for the tests: saving a document (.fodt, .docx) as .docx, the way a clerk
 * who edits in LibreOffice hands over a template. Each run gets its own profile (see libreoffice.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findSoffice } from '../../../src/node/libreoffice';

const run = promisify(execFile);

/** Saves `input` as .docx in `outDir` (which must not be the input's folder when the input is a .docx). */
export async function saveAsDocx(input: string, outDir: string): Promise<string> {
  const soffice = await findSoffice();
  if (!soffice) throw new Error('soffice not found');
  const profile = await mkdtemp(join(tmpdir(), 'bao-cao-lo-test-'));
  try {
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, input], { timeout: 180_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(input, extname(input))}.docx`);
}
