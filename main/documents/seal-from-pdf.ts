/**
 * Reads the verification QR text back out of a certificate PDF, without decoding the QR image:
 * the renderer stores the same text in the PDF Info dictionary under `MadoguchiSeal`.
 *
 * pdfkit writes Info values as plain indirect objects (`18 0 obj (MDG1...) endobj`) outside
 * any compressed stream, so a byte scan finds them. As PDF readers do, the LAST definition wins
 * (an incremental update appends new objects). Total: any bytes give a string or undefined.
 */
const SEAL_KEY = 'MadoguchiSeal';
const MAX_PDF_BYTES = 50 * 1024 * 1024;

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let m: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  re.lastIndex = 0;
  while ((m = re.exec(text)) !== null) last = m;
  return last;
}

/** The QR text stored in `pdf`, or undefined when there is none (or it is not a PDF). */
export function extractSealFromPdf(pdf: Buffer): string | undefined {
  return extractInfoFromPdf(pdf, SEAL_KEY);
}

/**
 * A printable-ASCII Info entry `key` (letters and digits) of `pdf` (e.g. `MadoguchiForm`, the
 * QR text of an application form), or undefined. Same scan and last-wins rule as the seal.
 */
export function extractInfoFromPdf(pdf: Buffer, key: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(key)) return undefined;
  if (pdf.length < 8 || pdf.length > MAX_PDF_BYTES || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return undefined;
  const text = pdf.toString('latin1');
  // direct value: /<key> (MDG1...)
  const direct = lastMatch(new RegExp(`/${key}\\s*\\(([\\x20-\\x27\\x2a-\\x5b\\x5d-\\x7e]{1,4096})\\)`, 'g'), text);
  // indirect value: /<key> 18 0 R ... 18 0 obj (MDG1...) endobj
  const ref = lastMatch(new RegExp(`/${key}\\s+(\\d{1,9})\\s+(\\d{1,5})\\s+R`, 'g'), text);
  if (ref && (!direct || ref.index > direct.index)) {
    const obj = lastMatch(
      new RegExp(`(?:^|[\\r\\n\\s])${ref[1]}\\s+${ref[2]}\\s+obj\\s*\\(([\\x20-\\x27\\x2a-\\x5b\\x5d-\\x7e]{1,4096})\\)\\s*endobj`, 'g'),
      text,
    );
    return obj?.[1];
  }
  return direct?.[1];
}
