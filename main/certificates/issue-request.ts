/** Maps the citizen's choice and the back end's answers to and from the ward API. */
import type { CertificateChoice, CertificateOptionsView } from '../../contract/certificate-journey';
import type { CertificateOptionsResponse, IssueCertificateRequest, RefusalReason } from '../../contract/ward-api';

export function toIssueRequest(choice: CertificateChoice): IssueCertificateRequest {
  const { type, copies } = choice;
  switch (type) {
    case 'juminhyo':
      return {
        type,
        copies,
        options: {
          scope: choice.scope,
          ...(choice.scope === 'partial' && choice.memberIds ? { memberIds: choice.memberIds } : {}),
          householdHeadAndRelationship: choice.householdHead,
          honsekiAndHittosha: choice.honseki,
        },
      };
    case 'koseki-kojin':
      return { type, copies, options: choice.personId ? { memberId: choice.personId } : {} };
    case 'kazei':
      return { type, copies, options: choice.fiscalYear !== undefined ? { fiscalYear: choice.fiscalYear } : {} };
    default:
      return { type, copies };
  }
}

/** The back end's options as the choose screen needs them (ids, names, years; nothing else). */
export function toOptionsView(options: CertificateOptionsResponse): CertificateOptionsView {
  return {
    juminhyoScopes: options.juminhyoScopes,
    household: options.householdMembers.map((m) => ({ id: m.residentId, name: m.name, relationship: m.relationship, self: m.self, honseki: m.honseki })),
    register: options.registerMembers.map((m) => ({ id: m.memberId, name: m.name, self: m.self })),
    taxYears: options.taxYears,
  };
}

const NOT_OFFERED = 'certificate.error.notOffered';

/**
 * Why the back end would refuse these options (an i18n key), or null when it would accept them:
 * the kiosk asks it nothing it would refuse. Checked against what its options endpoint said.
 */
export function choiceProblem(choice: CertificateChoice, options: CertificateOptionsView): string | null {
  const juminhyoOnly = choice.scope !== 'self' || choice.memberIds !== undefined || choice.householdHead || choice.honseki;
  switch (choice.type) {
    case 'juminhyo':
      if (choice.personId !== undefined || choice.fiscalYear !== undefined) return NOT_OFFERED;
      return juminhyoProblem(choice, options);
    case 'koseki-kojin':
      if (juminhyoOnly || choice.fiscalYear !== undefined) return NOT_OFFERED;
      return choice.personId === undefined || options.register.some((m) => m.id === choice.personId) ? null : 'certificate.refusal.member-not-in-register';
    case 'kazei':
      if (juminhyoOnly || choice.personId !== undefined) return NOT_OFFERED;
      if (options.taxYears.length === 0) return 'certificate.refusal.no-tax-record';
      return choice.fiscalYear === undefined || options.taxYears.includes(choice.fiscalYear) ? null : 'certificate.refusal.no-tax-record';
    default:
      return juminhyoOnly || choice.personId !== undefined || choice.fiscalYear !== undefined ? NOT_OFFERED : null;
  }
}

function juminhyoProblem(choice: CertificateChoice, options: CertificateOptionsView): string | null {
  if (!options.juminhyoScopes.includes(choice.scope)) return NOT_OFFERED;
  if ((choice.scope === 'partial') !== (choice.memberIds !== undefined)) return 'certificate.choose.pickMembers';
  const chosen = new Set(choice.memberIds ?? []);
  if (chosen.size !== (choice.memberIds?.length ?? 0)) return 'certificate.choose.pickMembers';
  if (choice.memberIds?.some((id) => !options.household.some((m) => m.id === id))) return 'certificate.refusal.member-not-in-household';
  if (!choice.honseki) return null;
  const people = options.household.filter((m) => (choice.scope === 'self' ? m.self : choice.scope === 'household' || chosen.has(m.id)));
  // Nobody found (no self in the list) is not proof of a 本籍: the back end might refuse.
  return people.length > 0 && people.every((m) => m.honseki) ? null : 'certificate.refusal.no-family-register';
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
