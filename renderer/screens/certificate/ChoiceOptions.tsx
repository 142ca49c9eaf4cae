/**
 * The details of one certificate, each a row of large choices: 住民票's scope, members and what
 * it shows; whose 戸籍個人事項証明書; which 年度 of 課税・所得証明書. Only what the back end offered
 * is shown. Members' names are on screen for the authenticated citizen to choose; nothing here logs.
 */
import { useTranslation } from 'react-i18next';
import type { CertificateOptionsView } from '../../../contract/certificate-journey';
import { warekiFiscalYearText } from '../../../contract/japanese-calendar';
import { honsekiPossible, toggleMember, withScope, type ChoiceDraft, type Scope } from './choice-draft';

type Props = { draft: ChoiceDraft; options: CertificateOptionsView; onChange: (draft: ChoiceDraft) => void };

const SCOPE_LABEL: Record<Scope, string> = { self: 'choose.scopeSelf', household: 'choose.scopeHousehold', partial: 'choose.scopePartial' };

export function JuminhyoOptions({ draft, options, onChange }: Props) {
  const { t } = useTranslation('certificate');
  const honsekiOk = honsekiPossible(draft, options);
  return (
    <>
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('choose.scope')}</legend>
        {options.juminhyoScopes.map((s) => (
          <label key={s} className="choice">
            <input
              type="radio"
              name="scope"
              value={s}
              checked={draft.scope === s}
              onChange={() => onChange(withScope(draft, s, options))}
              data-testid={`scope-${s}`}
            />
            <span>{t(SCOPE_LABEL[s])}</span>
          </label>
        ))}
      </fieldset>
      {draft.scope === 'partial' ? (
        <fieldset className="choice-group" data-testid="members">
          <legend className="choice-group__legend">{t('choose.members')}</legend>
          {options.household.map((m, i) => (
            <label key={m.id} className="choice">
              <input
                type="checkbox"
                checked={draft.members.includes(m.id)}
                onChange={() => onChange(toggleMember(draft, m.id, options))}
                data-testid={`member-${i}`}
              />
              <span>
                {m.name}
                <span className="choice__note">
                  {m.relationship}
                  {m.self ? `・${t('choose.self')}` : ''}
                </span>
              </span>
            </label>
          ))}
          {draft.members.length === 0 ? (
            <p className="step-note" role="status">
              {t('choose.pickMembers')}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('choose.include')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.householdHead}
            onChange={(e) => onChange({ ...draft, householdHead: e.target.checked })}
            data-testid="opt-household-head"
          />
          <span>{t('choose.householdHead')}</span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.honseki}
            disabled={!honsekiOk}
            onChange={(e) => onChange({ ...draft, honseki: e.target.checked })}
            aria-describedby={honsekiOk ? undefined : 'honseki-unavailable'}
            data-testid="opt-honseki"
          />
          <span>{t('choose.honseki')}</span>
        </label>
        {honsekiOk ? null : (
          <p className="step-note" id="honseki-unavailable">
            {t('choose.honsekiUnavailable')}
          </p>
        )}
        <p className="step-note">{t('choose.noMyNumber')}</p>
      </fieldset>
    </>
  );
}

export function PersonOptions({ draft, options, onChange }: Props) {
  const { t } = useTranslation('certificate');
  return (
    <fieldset className="choice-group">
      <legend className="choice-group__legend">{t('choose.person')}</legend>
      {options.register.map((m, i) => (
        <label key={m.id} className="choice">
          <input
            type="radio"
            name="person"
            checked={draft.personId === m.id}
            onChange={() => onChange({ ...draft, personId: m.id })}
            data-testid={`person-${i}`}
          />
          <span>
            {m.name}
            {m.self ? <span className="choice__note">{t('choose.self')}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function YearOptions({ draft, options, onChange }: Props) {
  const { t } = useTranslation('certificate');
  return (
    <fieldset className="choice-group">
      <legend className="choice-group__legend">{t('choose.year')}</legend>
      {options.taxYears.map((year) => (
        <label key={year} className="choice">
          <input
            type="radio"
            name="fiscal-year"
            checked={draft.fiscalYear === year}
            onChange={() => onChange({ ...draft, fiscalYear: year })}
            data-testid={`year-${year}`}
          />
          <span>
            {t('choose.yearValue', { era: warekiFiscalYearText(year) ?? '', year })}
            <span className="choice__note">{t('choose.yearIncome', { year: year - 1 })}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
