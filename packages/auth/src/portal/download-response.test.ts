import { describe, expect, it } from 'vitest';
import { downloadResponse } from './download-response';

describe('downloadResponse', () => {
  it('sends the decoded bytes as an attachment under a safe name', async () => {
    const pdf = Buffer.from('%PDF-1.7 fake');
    const response = downloadResponse({
      fileName: 'invoice "GT-0001"\r\n.pdf',
      contentType: 'application/pdf',
      base64: pdf.toString('base64'),
    });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="invoice__GT-0001___.pdf"');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('marks text files as UTF-8 and never sends an empty name', () => {
    const response = downloadResponse({ fileName: '', contentType: 'text/csv', base64: Buffer.from('a,b').toString('base64') });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="download"');
  });
});
