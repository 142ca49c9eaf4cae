/** PEM of a CRL under the "X509 CRL" label OpenSSL and Node expect (@peculiar/x509 writes "CRL"). */
export function crlToPem(der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN X509 CRL-----\n${b64}\n-----END X509 CRL-----\n`;
}
