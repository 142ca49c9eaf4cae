/** Builds small real PDFs with pdfkit for the printer tests (fictional content only). */
import PDFDocument from 'pdfkit';

export function makeTestPdf(pages = 2): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', compress: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 0; i < pages; i++) {
      if (i > 0) doc.addPage();
      doc.text(`Madoguchi test page ${i + 1}`);
    }
    doc.end();
  });
}
