/** Certificate PDFs: see render-certificate.ts. */
export { renderCertificatePdf, planCertificate, CertificateRenderError, SEAL_INFO_KEY, type CertificateSeal } from './render-certificate';
