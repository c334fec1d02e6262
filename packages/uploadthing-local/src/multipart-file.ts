export class MalformedMultipartError extends Error {}

/**
 * Reads the `file` field of a `multipart/form-data` body as it streams in, so an upload cut off
 * part-way keeps the bytes already received (the SDK resumes with `Range: bytes=<received>-`).
 * Bytes that could be the start of the closing boundary are held back until the next chunk shows
 * they are not; an upload that stops keeps only what is certain.
 */
export class MultipartFileReader {
  private readonly opening: Buffer;
  private readonly closing: Buffer;
  private pending = Buffer.alloc(0);
  private phase: 'preamble' | 'headers' | 'data' | 'done' = 'preamble';

  constructor(boundary: string) {
    this.opening = Buffer.from(`--${boundary}\r\n`);
    this.closing = Buffer.from(`\r\n--${boundary}`);
  }

  static boundaryOf(contentType: string | undefined): string | undefined {
    if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return undefined;
    const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    return match?.[1] ?? match?.[2];
  }

  get finished(): boolean {
    return this.phase === 'done';
  }

  /** The file's bytes this chunk makes certain; throws when the body is not one `file` field. */
  push(chunk: Buffer): Buffer {
    this.pending = Buffer.concat([this.pending, chunk]);
    if (this.phase === 'preamble') {
      const start = this.pending.indexOf(this.opening);
      if (start === -1) return Buffer.alloc(0);
      this.pending = this.pending.subarray(start + this.opening.length);
      this.phase = 'headers';
    }
    if (this.phase === 'headers') {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end === -1) return Buffer.alloc(0);
      const headers = this.pending.subarray(0, end).toString('utf8');
      if (!/content-disposition:\s*form-data;[^\r\n]*\bname="file"/i.test(headers)) {
        throw new MalformedMultipartError('The upload must be a multipart field named "file".');
      }
      this.pending = this.pending.subarray(end + 4);
      this.phase = 'data';
    }
    if (this.phase !== 'data') return Buffer.alloc(0);
    const end = this.pending.indexOf(this.closing);
    if (end !== -1) {
      const data = this.pending.subarray(0, end);
      this.pending = Buffer.alloc(0);
      this.phase = 'done';
      return data;
    }
    const certain = Math.max(0, this.pending.length - (this.closing.length - 1));
    const data = this.pending.subarray(0, certain);
    this.pending = this.pending.subarray(certain);
    return data;
  }
}
