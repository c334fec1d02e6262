import PDFDocument from 'pdfkit';

/**
 * Renders a PDF with pdfkit's built-in Helvetica and a fixed creation date: the same input gives the
 * same bytes (pdfkit derives the file id from the document info).
 */
export function renderPdf(createdAt: Date, title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      compress: true,
      info: { Title: title, Producer: 'Gametriggers', Creator: 'Gametriggers', CreationDate: createdAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}
