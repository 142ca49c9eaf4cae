/** Maps the citizen's choice and the back end's answers to and from the ward API. */
import type { CertificateChoice } from '../../contract/certificate-journey';
import type { IssueCertificateRequest, RefusalReason } from '../../contract/ward-api';

export function toIssueRequest(choice: CertificateChoice): IssueCertificateRequest {
  const { type, copies } = choice;
  switch (type) {
    case 'juminhyo':
      return {
        type,
        copies,
        options: { scope: choice.scope, householdHeadAndRelationship: choice.householdHead, honsekiAndHittosha: choice.honseki },
      };
    case 'koseki-kojin':
      return { type, copies, options: {} };
    case 'kazei':
      return { type, copies, options: {} };
    default:
      return { type, copies };
  }
}

/** The i18n key telling the citizen why a certificate cannot be issued here. */
export function refusalMessageKey(reason: RefusalReason): string {
  return `certificate.refusal.${reason}`;
}

/** The i18n key for a back-end error code met during authentication. */
export function authFailureKey(code: string): string {
  if (code === 'certificate-expired') return 'certificate.error.certExpired';
  if (code === 'certificate-revoked') return 'certificate.error.certRevoked';
  // The ward cannot check revocation now (no current CRL): not the card's fault, unlike revoked.
  if (code === 'revocation-unavailable') return 'certificate.error.revocationUnavailable';
  if (code.startsWith('certificate-')) return 'certificate.error.certInvalid';
  if (code === 'unreachable' || code.startsWith('http-5') || code === 'internal' || code === 'injected-fault' || code === 'client-revocation-unavailable')
    return 'certificate.error.backendDown';
  return 'certificate.error.goToCounter';
}
