/**
 * Choosing the certificate, in two small steps: first the type (cards with the fee; the ones
 * this citizen cannot get here are disabled with the reason), then the details (住民票's
 * options) and the number of copies, and 「次へ」.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateChoice, CertificateTypeId, CertificateView } from '../../../contract/certificate-journey';
import { CopiesStepper } from './CopiesStepper';
import { messageText } from './message-text';

type Offer = Extract<CertificateView, { step: 'choose' }>['offers'][number];

type Props = { offers: Offer[]; errorKey?: string; onChoose: (choice: CertificateChoice) => void };

export function ChooseScreen({ offers, errorKey, onChoose }: Props) {
  const { t } = useTranslation('certificate');
  const [selected, setSelected] = useState<CertificateTypeId | null>(null);
  const offer = offers.find((o) => o.type === selected && o.available);
  const error = errorKey ? (
    <p className="step-message step-message--error" role="alert" data-testid="cert-choose-error">
      {messageText(t, errorKey)}
    </p>
  ) : null;

  if (!offer) {
    return (
      <section className="step-screen" aria-labelledby="choose-title" data-testid="cert-choose">
        <h1 id="choose-title" className="screen__title">
          {t('choose.title')}
        </h1>
        {error}
        <ul className="type-cards">
          {offers.map((o) => (
            <li key={o.type}>
              <button
                type="button"
                className="type-card"
                onClick={() => setSelected(o.type)}
                disabled={!o.available}
                aria-describedby={`type-${o.type}-detail`}
                data-testid={`type-${o.type}`}
              >
                <span className="type-card__name">{t(`types.${o.type}`)}</span>
                <span className="type-card__detail" id={`type-${o.type}-detail`}>
                  {o.available ? t('choose.fee', { yen: o.unitFeeYen }) : messageText(t, o.reasonKey ?? 'certificate.choose.unavailable')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return <ChooseDetails offer={offer} error={error} onBack={() => setSelected(null)} onChoose={onChoose} />;
}

type DetailsProps = { offer: Offer; error: ReactNode; onBack: () => void; onChoose: (choice: CertificateChoice) => void };

function ChooseDetails({ offer, error, onBack, onChoose }: DetailsProps) {
  const { t } = useTranslation('certificate');
  const [copies, setCopies] = useState(1);
  const [scope, setScope] = useState<'self' | 'household'>('self');
  const [householdHead, setHouseholdHead] = useState(false);
  const [honseki, setHonseki] = useState(false);
  const juminhyo = offer.type === 'juminhyo';

  const next = () =>
    onChoose(
      juminhyo
        ? { type: offer.type, copies, scope, householdHead, honseki }
        : { type: offer.type, copies, scope: 'self', householdHead: false, honseki: false },
    );

  return (
    <section className="step-screen choose-details" aria-labelledby="details-title" data-testid="cert-choose-details">
      <p className="notice__context">{t(`types.${offer.type}`)}</p>
      <h1 id="details-title" className="screen__title">
        {t('choose.optionsTitle')}
      </h1>
      {error}
      {juminhyo ? (
        <>
          <fieldset className="choice-group">
            <legend className="choice-group__legend">{t('choose.scope')}</legend>
            {(['self', 'household'] as const).map((s) => (
              <label key={s} className="choice">
                <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} data-testid={`scope-${s}`} />
                <span>{t(s === 'self' ? 'choose.scopeSelf' : 'choose.scopeHousehold')}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="choice-group">
            <legend className="choice-group__legend">{t('choose.include')}</legend>
            <label className="choice">
              <input type="checkbox" checked={householdHead} onChange={(e) => setHouseholdHead(e.target.checked)} data-testid="opt-household-head" />
              <span>{t('choose.householdHead')}</span>
            </label>
            <label className="choice">
              <input type="checkbox" checked={honseki} onChange={(e) => setHonseki(e.target.checked)} data-testid="opt-honseki" />
              <span>{t('choose.honseki')}</span>
            </label>
            <p className="step-note">{t('choose.noMyNumber')}</p>
          </fieldset>
        </>
      ) : null}
      <CopiesStepper value={copies} onChange={setCopies} />
      <p className="cert-total" aria-live="polite" data-testid="cert-total">
        {t('choose.fee', { yen: offer.unitFeeYen })} ／ {t('choose.total', { yen: offer.unitFeeYen * copies })}
      </p>
      <div className="step-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="choose-back">
          {t('choose.back')}
        </button>
        <button type="button" className="button button--primary button--wide" onClick={next} data-testid="choose-next">
          {t('choose.next')}
        </button>
      </div>
    </section>
  );
}
