import { describe, expect, it } from 'vitest';
import { onePagePdf, registrationCertificate } from './demo-documents';

describe('the demo verification documents', () => {
  it('are PDFs whose cross-reference table points at each object', () => {
    const pdf = onePagePdf('Title (with parentheses)', ['A line', 'Another \\ line']).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
    expect(pdf).toContain('(Title \\(with parentheses\\)) Tj');
  });

  it('name the company in a PDF file a verification document may be', async () => {
    const file = registrationCertificate('Nova Peripherals');
    expect(file.type).toBe('application/pdf');
    expect(file.name).toBe('Certificate of incorporation.pdf');
    expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).toContain('This certifies that Nova Peripherals');
  });
});
