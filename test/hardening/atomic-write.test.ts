/**
 * Faults injected into the one write helper every CLI output goes through: a disk that fills up midway,
 * a folder without write permission, a failing rename. The previous file stays byte for byte, no
 * temporary file is left, and the failure is a Vietnamese sentence naming the file.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { reliabilitySection } from './readme-figures';

const faults = vi.hoisted(() => ({ mode: 'none' as 'none' | 'ENOSPC' | 'EACCES' | 'rename' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      if (faults.mode === 'EACCES') throw fail('EACCES');
      const handle = await real.open(...args);
      if (faults.mode !== 'ENOSPC') return handle;
      // Half the bytes reach the disk, then the disk is full.
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async (data: Uint8Array | string) => {
          const bytes = typeof data === 'string' ? Buffer.from(data) : data;
          await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw fail('ENOSPC');
        },
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    },
    rename: async (...args: Parameters<typeof real.rename>) => {
      if (faults.mode === 'rename') throw fail('EXDEV');
      return real.rename(...args);
    },
  };
});

const { writeFileAtomic } = await import('../../src/node/atomic-write');
const { FileError } = await import('../../src/node/errors');

const dir = mkdtempSync(join(tmpdir(), 'bao-cao-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  faults.mode = 'none';
});

const CASES = [
  { mode: 'ENOSPC', says: 'Đĩa đã đầy khi ghi' },
  { mode: 'EACCES', says: 'Không có quyền ghi' },
  { mode: 'rename', says: 'Không ghi được' },
] as const;

describe('the atomic write under faults', () => {
  console.log(`atomic write: ${CASES.length} faults injected (${CASES.map((c) => c.mode).join(', ')})`);
  it('counts its cases', () => {
    expect(reliabilitySection(), 'the README states the count').toContain(`${CASES.length} faults injected into the write`);
  });

  it('writes a new file whole', async () => {
    const path = join(dir, 'moi.docx');
    await writeFileAtomic(path, 'nội dung mới');
    expect(readFileSync(path, 'utf8')).toBe('nội dung mới');
    expect(readdirSync(dir)).toEqual(['moi.docx']);
    rmSync(path);
  });

  it.each(CASES)('$mode midway: the previous report is intact, no temporary file, a Vietnamese sentence naming it', async ({ mode, says }) => {
    const path = join(dir, 'bao-cao.docx');
    writeFileSync(path, 'báo cáo tuần trước');
    faults.mode = mode;
    const error = await writeFileAtomic(path, Buffer.alloc(100_000, 7)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect((error as Error).message).toContain(says);
    expect((error as Error).message).toContain(`«${path}»`);
    expect(readFileSync(path, 'utf8')).toBe('báo cáo tuần trước');
    expect(readdirSync(dir)).toEqual(['bao-cao.docx']);
    rmSync(path);
  });
});
