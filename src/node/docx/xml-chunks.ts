/**
 * Collects a part's XML as UTF-8 bytes while it is written: text is gathered in short strings and
 * turned into bytes every few kilobytes, so a large report never exists as one huge string, nor as a
 * list of hundreds of thousands of small ones.
 */
const CHUNK_CHARS = 1 << 16;

export class XmlChunks {
  private pending = '';
  private readonly chunks: Buffer[] = [];

  push(...parts: string[]): void {
    for (const part of parts) this.pending += part;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.pending === '') return;
    this.chunks.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}
