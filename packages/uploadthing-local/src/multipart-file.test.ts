import { describe, expect, it } from 'vitest';
import { MalformedMultipartError, MultipartFileReader } from './multipart-file';

const boundary = 'b0undary';
const body = (field: string, data: string) =>
  Buffer.from(`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${data}\r\n--${boundary}--\r\n`);

function readInChunks(whole: Buffer, chunkSize: number) {
  const reader = new MultipartFileReader(boundary);
  const parts: Buffer[] = [];
  for (let at = 0; at < whole.length; at += chunkSize) parts.push(reader.push(whole.subarray(at, at + chunkSize)));
  return { data: Buffer.concat(parts).toString('utf8'), finished: reader.finished };
}

describe('MultipartFileReader', () => {
  it('gives the file field whole however the body is cut into chunks, even when the data looks like a boundary', () => {
    const data = `line one\r\n--b0und\r\n--not the end\r\n--b0undar`;
    for (const chunkSize of [1, 2, 7, 64, 4096]) {
      expect(readInChunks(body('file', data), chunkSize)).toEqual({ data, finished: true });
    }
  });

  it('keeps back, while the body is unfinished, only the bytes that could start the closing boundary', () => {
    const reader = new MultipartFileReader(boundary);
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\n`;
    const received = reader.push(Buffer.from(`${head}${'x'.repeat(100)}`));
    expect(received.length).toBe(100 - (`\r\n--${boundary}`.length - 1));
    expect(reader.finished).toBe(false);
  });

  it('refuses a body whose field is not "file", and reads the boundary from the content type', () => {
    expect(() => new MultipartFileReader(boundary).push(body('avatar', 'x'))).toThrow(MalformedMultipartError);
    expect(MultipartFileReader.boundaryOf('multipart/form-data; boundary=----formdata-undici-0123')).toBe('----formdata-undici-0123');
    expect(MultipartFileReader.boundaryOf('multipart/form-data; boundary="quoted b"')).toBe('quoted b');
    expect(MultipartFileReader.boundaryOf('application/json')).toBeUndefined();
  });
});
