/**
 * Choosing the certificate, in two small steps: first the type (cards with the fee; the ones
 * this citizen cannot get here are disabled with the reason), then the details (住民票's scope,
 * members and contents; whose 戸籍個人事項; which 年度) and the number of copies, and 「次へ」.
 * 「この証明書を追加する」 puts it in the basket instead and shows the list again, so several
 * certificates are paid once; the list then shows the basket with 「お支払いへ進む」.
 * Back from the fee screen, the details open again as the citizen left them (`chosen`).
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateChoice, CertificateOptionsView, CertificateTypeId, CertificateView } from '../../../contract/certificate-journey';
import { BasketCheckout, BasketPanel } from './BasketPanel';
import { JuminhyoOptions, PersonOptions, YearOptions } from './ChoiceOptions';
import { draftFromChoice, draftToChoice, initialDraft, type ChoiceDraft } from './choice-draft';
import { CopiesStepper } from './CopiesStepper';
import { messageText } from './message-text';

type ChooseView = Extract<CertificateView, { step: 'choose' }>;
type Offer = ChooseView['offers'][number];

type Props = {
  view: ChooseView;
  onChoose: (choice: CertificateChoice) => void;
  onAdd: (choice: CertificateChoice) => void;
  onRemove: (index: number) => void;
  onCheckout: () => void;
};

export function ChooseScreen({ view, onChoose, onAdd, onRemove, onCheckout }: Props) {
  const { offers, options, errorKey, chosen, basket, removed } = view;
  const { t } = useTranslation('certificate');
  const [selected, setSelected] = useState<CertificateTypeId | null>(chosen?.type ?? null);
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
        {basket.length > 0 || removed.length > 0 ? <BasketPanel items={basket} removed={removed} onRemove={onRemove} /> : null}
        {basket.length > 0 ? <BasketCheckout items={basket} onCheckout={onCheckout} /> : null}
      </section>
    );
  }

  const before = chosen?.type === offer.type ? chosen : undefined;
  const add = (choice: CertificateChoice) => {
    setSelected(null);
    onAdd(choice);
  };
  return <ChooseDetails offer={offer} options={options} before={before} error={error} onBack={() => setSelected(null)} onChoose={onChoose} onAdd={add} />;
}

type DetailsProps = {
  offer: Offer;
  options: CertificateOptionsView;
  /** The earlier choice of this type (back from the fee screen), or undefined for the defaults. */
  before: CertificateChoice | undefined;
  error: ReactNode;
  onBack: () => void;
  onChoose: (choice: CertificateChoice) => void;
  onAdd: (choice: CertificateChoice) => void;
};

function ChooseDetails({ offer, options, before, error, onBack, onChoose, onAdd }: DetailsProps) {
  const { t } = useTranslation('certificate');
  const [draft, setDraft] = useState<ChoiceDraft>(() => (before ? draftFromChoice(before, options) : initialDraft(offer.type, options)));
  const choice = draftToChoice(draft);
  const optionProps = { draft, options, onChange: setDraft };

  return (
    <section className="step-screen choose-details" aria-labelledby="details-title" data-testid="cert-choose-details">
      <p className="notice__context">{t(`types.${offer.type}`)}</p>
      <h1 id="details-title" className="screen__title">
        {t('choose.optionsTitle')}
      </h1>
      {error}
      {offer.type === 'juminhyo' ? <JuminhyoOptions {...optionProps} /> : null}
      {offer.type === 'koseki-kojin' ? <PersonOptions {...optionProps} /> : null}
      {offer.type === 'kazei' ? <YearOptions {...optionProps} /> : null}
      <p className="cert-total" aria-live="polite" data-testid="cert-total">
        {t('choose.fee', { yen: offer.unitFeeYen })} ／ {t('choose.total', { yen: offer.unitFeeYen * draft.copies })}
      </p>
      {/* The copies in the fixed bar beside 次へ: in view however long the details are (a large household). */}
      <div className="step-actions">
        <button type="button" className="button button--secondary button--outlined" onClick={onBack} data-testid="choose-back">
          {t('choose.back')}
        </button>
        <CopiesStepper value={draft.copies} onChange={(copies) => setDraft({ ...draft, copies })} />
        <button
          type="button"
          className="button button--secondary button--outlined"
          onClick={() => choice && onAdd(choice)}
          disabled={!choice}
          data-testid="choose-add"
        >
          {t('basket.add')}
        </button>
        <button
          type="button"
          className="button button--primary button--wide"
          onClick={() => choice && onChoose(choice)}
          disabled={!choice}
          data-testid="choose-next"
        >
          {t('choose.next')}
        </button>
      </div>
    </section>
  );
}
