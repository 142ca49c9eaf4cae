/**
 * The details a citizen is choosing for one certificate, before 「次へ」: starts on what most
 * people want (本人, the citizen in the 戸籍, the newest 年度), so a common choice is one touch,
 * and offers only what the back end said it would accept.
 */
import type { CertificateChoice, CertificateOptionsView, CertificateTypeId } from '../../../contract/certificate-journey';

export type Scope = CertificateChoice['scope'];

export interface ChoiceDraft {
  type: CertificateTypeId;
  copies: number;
  scope: Scope;
  /** 世帯の一部: the members ticked (ids). */
  members: string[];
  householdHead: boolean;
  honseki: boolean;
  /** 戸籍個人事項証明書: whose. */
  personId: string | null;
  /** 課税・所得証明書: the 年度. */
  fiscalYear: number | null;
}

export function initialDraft(type: CertificateTypeId, options: CertificateOptionsView): ChoiceDraft {
  const selfMember = options.household.find((m) => m.self);
  return {
    type,
    copies: 1,
    scope: 'self',
    members: selfMember ? [selfMember.id] : [],
    householdHead: false,
    honseki: false,
    personId: type === 'koseki-kojin' ? (options.register.find((m) => m.self)?.id ?? options.register[0]?.id ?? null) : null,
    fiscalYear: type === 'kazei' ? (options.taxYears[0] ?? null) : null,
  };
}

/** The draft a citizen left for the fee screen, opened again as they left it (back from 「戻る」). */
export function draftFromChoice(choice: CertificateChoice, options: CertificateOptionsView): ChoiceDraft {
  const initial = initialDraft(choice.type, options);
  return {
    ...initial,
    copies: choice.copies,
    scope: choice.scope,
    members: choice.memberIds ?? initial.members,
    householdHead: choice.householdHead,
    honseki: choice.honseki,
    personId: choice.personId ?? initial.personId,
    fiscalYear: choice.fiscalYear ?? initial.fiscalYear,
  };
}

/** Household members the 住民票 would show for this scope. */
function membersShown(draft: ChoiceDraft, options: CertificateOptionsView): CertificateOptionsView['household'] {
  if (draft.scope === 'household') return options.household;
  if (draft.scope === 'self') return options.household.filter((m) => m.self);
  return options.household.filter((m) => draft.members.includes(m.id));
}

/** 本籍・筆頭者 can be asked only when every person on the 住民票 has a 本籍 (else the back end refuses). */
export function honsekiPossible(draft: ChoiceDraft, options: CertificateOptionsView): boolean {
  const shown = membersShown(draft, options);
  return shown.length > 0 && shown.every((m) => m.honseki);
}

/** Ticks or unticks a member for 世帯の一部 (household order kept, as the 住民票 lists them). */
export function toggleMember(draft: ChoiceDraft, id: string, options: CertificateOptionsView): ChoiceDraft {
  const ticked = draft.members.includes(id) ? draft.members.filter((m) => m !== id) : [...draft.members, id];
  const members = options.household.map((m) => m.id).filter((m) => ticked.includes(m));
  const next = { ...draft, members };
  return { ...next, honseki: next.honseki && honsekiPossible(next, options) };
}

export function withScope(draft: ChoiceDraft, scope: Scope, options: CertificateOptionsView): ChoiceDraft {
  const next = { ...draft, scope };
  return { ...next, honseki: next.honseki && honsekiPossible(next, options) };
}

/** What 「次へ」 sends, or null while something is still to be chosen (the button is disabled). */
export function draftToChoice(draft: ChoiceDraft): CertificateChoice | null {
  const { type, copies } = draft;
  switch (type) {
    case 'juminhyo':
      if (draft.scope === 'partial' && draft.members.length === 0) return null;
      return {
        type,
        copies,
        scope: draft.scope,
        ...(draft.scope === 'partial' ? { memberIds: draft.members } : {}),
        householdHead: draft.householdHead,
        honseki: draft.honseki,
      };
    case 'koseki-kojin':
      return draft.personId ? { type, copies, scope: 'self', householdHead: false, honseki: false, personId: draft.personId } : null;
    case 'kazei':
      return draft.fiscalYear !== null ? { type, copies, scope: 'self', householdHead: false, honseki: false, fiscalYear: draft.fiscalYear } : null;
    default:
      return { type, copies, scope: 'self', householdHead: false, honseki: false };
  }
}
