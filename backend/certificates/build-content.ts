/**
 * Builds certificate content (platform/certificate-seal's schema) from the ward records.
 * Call only after `requestRefusal` returned undefined. There is no My Number anywhere in the
 * records this reads, and the content schema is strict, so none can reach a certificate.
 */
import type { IssueCertificateRequest } from '../../contract/ward-api';
import type { CertificateContent, IssuingAuthority } from '../../platform/certificate-seal';
import { toWarekiDate } from './japanese-date';
import type { FamilyRegister, LifeEvent, ResidentRecord, WardRecords } from './ward-records';

/** Fields every certificate shares. */
export interface ContentHeader {
  serialNumber: string;
  /** ISO 8601 with +09:00. */
  issuedAt: string;
  issuingAuthority: IssuingAuthority;
}

const EVENT_LABELS: Record<LifeEvent['kind'], [kind: string, dateLabel: string]> = {
  birth: ['出生', '出生日'],
  marriage: ['婚姻', '婚姻日'],
  divorce: ['離婚', '離婚日'],
  adoption: ['養子縁組', '縁組日'],
  death: ['死亡', '死亡日'],
  transfer: ['転籍', '転籍日'],
  entry: ['戸籍編製', '編製日'],
};

function kosekiEvent(e: LifeEvent): { kind: string; items: { label: string; value: string }[] } {
  const [kind, dateLabel] = EVENT_LABELS[e.kind];
  return {
    kind,
    items: [
      { label: dateLabel, value: toWarekiDate(e.date) },
      { label: '事項', value: e.detail },
    ],
  };
}

function kosekiPersons(reg: FamilyRegister, onlyMemberId?: string) {
  return reg.members
    .filter((m) => onlyMemberId === undefined || m.memberId === onlyMemberId)
    .map((m) => ({
      name: m.name,
      birthDate: m.birthDate,
      sex: m.sex,
      ...(m.father ? { father: m.father } : {}),
      ...(m.mother ? { mother: m.mother } : {}),
      relationship: m.relationship,
      ...(m.events.some((e) => e.kind === 'death') ? { removed: true } : {}),
      events: m.events.map(kosekiEvent),
    }));
}

function juminhyo(
  records: WardRecords,
  self: ResidentRecord,
  req: Extract<IssueCertificateRequest, { type: 'juminhyo' }>,
  h: ContentHeader,
): CertificateContent {
  const household = records.household(self.id);
  const o = req.options;
  const chosen =
    o.scope === 'self'
      ? household.filter((m) => m.resident.id === self.id)
      : o.scope === 'household'
        ? household
        : household.filter((m) => (o.memberIds ?? []).includes(m.resident.id));
  const head = household[0]?.resident;
  return {
    type: 'juminhyo',
    ...h,
    scope: o.scope,
    include: { householdHeadAndRelationship: o.householdHeadAndRelationship, honsekiAndHittosha: o.honsekiAndHittosha },
    address: self.address,
    ...(o.householdHeadAndRelationship && head ? { householdHead: head.name } : {}),
    members: chosen.map(({ resident: r, relationship }) => {
      const reg = o.honsekiAndHittosha ? records.registerOf(r.id) : undefined;
      return {
        name: r.name,
        kana: r.kana,
        birthDate: r.birthDate,
        sex: r.sex,
        ...(o.householdHeadAndRelationship ? { relationship } : {}),
        becameResidentOn: r.becameResidentOn,
        addressSince: r.becameResidentOn,
        ...(r.previousAddress ? { previousAddress: r.previousAddress } : {}),
        ...(reg ? { honseki: reg.honseki, hittosha: reg.headName } : {}),
      };
    }),
  };
}

/** The content for an eligible request. */
export function buildContent(records: WardRecords, self: ResidentRecord, req: IssueCertificateRequest, h: ContentHeader): CertificateContent {
  switch (req.type) {
    case 'juminhyo':
      return juminhyo(records, self, req, h);
    case 'inkan': {
      const seal = records.seal(self.id)!;
      return {
        type: 'inkan',
        ...h,
        registrationNumber: seal.registrationNumber,
        holder: { name: self.name, birthDate: self.birthDate, sex: self.sex, address: self.address },
        impression: seal.impression,
      };
    }
    case 'koseki-zenbu':
    case 'koseki-kojin': {
      const reg = records.registerOf(self.id)!;
      const only = req.type === 'koseki-kojin' ? (req.options.memberId ?? self.id) : undefined;
      return {
        type: req.type,
        ...h,
        honseki: reg.honseki,
        hittosha: reg.headName,
        kosekiEvents: reg.events.map(kosekiEvent),
        persons: kosekiPersons(reg, only),
      } as CertificateContent;
    }
    case 'fuhyo': {
      const reg = records.registerOf(self.id)!;
      const living = reg.members.filter((m) => m.residentId !== null && records.annex(m.residentId).length > 0);
      return {
        type: 'fuhyo',
        ...h,
        honseki: reg.honseki,
        hittosha: reg.headName,
        persons: living.map((m) => ({ name: m.name, birthDate: m.birthDate, addresses: records.annex(m.residentId!) })),
      };
    }
    case 'kazei': {
      const all = records.taxRecords(self.id);
      const t = all.find((x) => x.fiscalYear === (req.options.fiscalYear ?? all[0]?.fiscalYear))!;
      return {
        type: 'kazei',
        ...h,
        fiscalYear: t.fiscalYear,
        taxpayer: { name: self.name, birthDate: self.birthDate, address: t.addressOnJanuaryFirst },
        income: { salary: t.income.salary, business: t.income.business, other: t.income.pension + t.income.other, total: t.income.total },
        deductions: t.deductions,
        taxableIncome: t.taxableIncome,
        tax: { municipal: t.municipalTax, prefectural: t.prefecturalTax, total: t.municipalTax + t.prefecturalTax },
        dependents: t.dependents,
      };
    }
  }
}
