/**
 * Certificate EFs (JPKI 0001, 0002, 000A, 000B): one DER `30 82 HH LL ...` object then filler.
 * `certificateLength` reads only the header (to size the chained READ BINARY);
 * `decodeCertificateFile` checks the object and parses it with node:crypto. Both total.
 */
import { X509Certificate } from 'node:crypto';
import { CardError } from '../card-errors';
import { parseTlv, readTlvHeader } from '../tlv/ber-tlv';

/** Total length (header + value) of the certificate starting at byte 0, from its header alone. */
export function certificateLength(head: Uint8Array): number {
  const h = readTlvHeader(head);
  if (h.tag !== 0x30) throw new CardError('malformed-response', 'certificate EF: SEQUENCE expected');
  return h.headerLength + h.valueLength;
}

/** A certificate read from the card. */
export interface CardCertificate {
  /** Exact DER bytes (filler stripped). */
  readonly der: Uint8Array;
  /** The parsed certificate. */
  readonly x509: X509Certificate;
}

/** Checks and parses a certificate file's bytes. */
export function decodeCertificateFile(bytes: Uint8Array): CardCertificate {
  const node = parseTlv(bytes)[0];
  if (!node || node.tag !== 0x30) throw new CardError('malformed-response', 'certificate EF: SEQUENCE expected');
  const der = bytes.slice(node.offset, node.end);
  try {
    return { der, x509: new X509Certificate(der) };
  } catch (e) {
    throw new CardError('malformed-response', 'certificate EF: not an X.509 certificate', { cause: e });
  }
}
