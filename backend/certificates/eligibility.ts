/**
 * The refusal rules: what the real kiosk service (コンビニ交付) refuses, checked before anything
 * is issued. Person-level rules come first (they apply to every certificate), then type rules.
 */
import type { CertificateType, IssueCertificateRequest, RefusalReason } from '../../contract/ward-api';
import { CITY_PREFIX, type ResidentRecord, type WardRecords } from './ward-records';

/** A refusal with the reason code the kiosk maps to a citizen-facing message. */
export interface Refusal {
  reason: RefusalReason;
  message: string;
}

const refuse = (reason: RefusalReason, message: string): Refusal => ({ reason, message });

/** Rules that bar a person from every kiosk certificate. */
export function personRefusal(resident: ResidentRecord): Refusal | undefined {
  if (resident.deceasedOn !== null) return refuse('deceased', 'the resident is recorded as deceased');
  // 支援措置: issuance is handled at the counter only, so an abuser cannot obtain the address.
  if (resident.dvSupport) return refuse('dv-support-measure', 'DV support measure: issue at the counter only');
  if (resident.movingOutPlannedOn !== null) return refuse('moved-out-scheduled', 'a moving-out notification is on file');
  return undefined;
}

function registerRefusal(records: WardRecords, resident: ResidentRecord): Refusal | undefined {
  const reg = records.registerOf(resident.id);
  if (!reg) return refuse('no-family-register', 'no family register on record');
  if (!reg.honseki.startsWith(CITY_PREFIX) && !resident.honsekiUseRegistered) {
    return refuse('honseki-outside-city-unregistered', 'honseki outside the city needs a prior kiosk-use registration');
  }
  return undefined;
}

/** Refusal for one request (undefined = may issue). Options are checked against the records too. */
export function requestRefusal(records: WardRecords, resident: ResidentRecord, req: IssueCertificateRequest): Refusal | undefined {
  const person = personRefusal(resident);
  if (person) return person;
  switch (req.type) {
    case 'juminhyo': {
      const household = records.household(resident.id);
      const inHousehold = new Set(household.map((m) => m.resident.id));
      if (req.options.scope === 'partial' && !(req.options.memberIds ?? []).every((id) => inHousehold.has(id))) {
        return refuse('member-not-in-household', 'a requested member is not in the household');
      }
      if (req.options.honsekiAndHittosha) {
        const ids = req.options.scope === 'self' ? [resident.id] : req.options.scope === 'household' ? [...inHousehold] : (req.options.memberIds ?? []);
        if (ids.some((id) => !records.registerOf(id))) return refuse('no-family-register', 'a member has no honseki to print');
      }
      return undefined;
    }
    case 'inkan':
      return records.seal(resident.id) ? undefined : refuse('no-seal-registration', 'no seal registration');
    case 'koseki-zenbu':
    case 'fuhyo':
      return registerRefusal(records, resident);
    case 'koseki-kojin': {
      const r = registerRefusal(records, resident);
      if (r) return r;
      const memberId = req.options.memberId ?? resident.id;
      return records.registerOf(resident.id)!.members.some((m) => m.memberId === memberId)
        ? undefined
        : refuse('member-not-in-register', 'the requested person is not in this family register');
    }
    case 'kazei': {
      const years = records.taxRecords(resident.id).map((t) => t.fiscalYear);
      const wanted = req.options.fiscalYear ?? years[0];
      return wanted !== undefined && years.includes(wanted) ? undefined : refuse('no-tax-record', 'no tax record for that fiscal year');
    }
  }
}

/** Availability of a type with its default options (for the options endpoint). */
export function typeRefusal(records: WardRecords, resident: ResidentRecord, type: CertificateType): Refusal | undefined {
  const defaults: Record<CertificateType, IssueCertificateRequest> = {
    juminhyo: { type: 'juminhyo', copies: 1, options: { scope: 'self', householdHeadAndRelationship: false, honsekiAndHittosha: false } },
    inkan: { type: 'inkan', copies: 1 },
    'koseki-zenbu': { type: 'koseki-zenbu', copies: 1 },
    'koseki-kojin': { type: 'koseki-kojin', copies: 1, options: {} },
    fuhyo: { type: 'fuhyo', copies: 1 },
    kazei: { type: 'kazei', copies: 1, options: {} },
  };
  return requestRefusal(records, resident, defaults[type]);
}
