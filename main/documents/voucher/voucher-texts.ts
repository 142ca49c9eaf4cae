/**
 * The words on a refund voucher slip (返金引換券): what happened, in plain Japanese a citizen can
 * read at the machine, with one English line for visitors. A cause is a short code the kiosk
 * decides; the slip never carries an error code or anything about the person.
 */

/** Why the kiosk owes money, as the slip explains it. */
export const VOUCHER_CAUSES = ['print-failed', 'payment-failed', 'change-shortfall', 'cancelled', 'machine-stopped'] as const;
export type VoucherCause = (typeof VOUCHER_CAUSES)[number];

/** Plain-words text of each cause (Japanese, then a short English line). */
export const CAUSE_TEXT: Readonly<Record<VoucherCause, { ja: string; en: string }>> = {
  'print-failed': {
    ja: '証明書を印刷できなかったため、お支払いのお金をお返しします。機械からお返しできなかった分を、窓口で現金でお返しします。',
    en: 'The certificate could not be printed. The money the machine could not give back is repaid at the counter.',
  },
  'payment-failed': {
    ja: 'お金の受け付け中に機械の不具合があり、入れたお金を機械からお返しできませんでした。窓口で現金でお返しします。',
    en: 'The cash unit had a fault and could not give your money back. It is repaid at the counter.',
  },
  'change-shortfall': {
    ja: '機械のおつりが足りず、おつりの一部をお返しできませんでした。お返しできなかった分を、窓口で現金でお返しします。',
    en: 'The machine ran short of change. The change it could not give is repaid at the counter.',
  },
  cancelled: {
    ja: '手続きが途中で終わったため、お支払いのお金をお返しします。機械からお返しできなかった分を、窓口で現金でお返しします。',
    en: 'The transaction ended before the certificate was issued. The money owed is repaid at the counter.',
  },
  'machine-stopped': {
    ja: '機械が停止したため、証明書を交付できませんでした。お支払いのお金を窓口で現金でお返しします。',
    en: 'The machine stopped before the certificate was issued. Your payment is repaid at the counter.',
  },
};

/** The journal's voucher reason codes (journey, recovery) → the cause the slip explains. */
export function causeOfReason(reason: string): VoucherCause {
  if (reason === 'payment-failed') return 'payment-failed';
  if (reason === 'change-shortfall') return 'change-shortfall';
  if (reason === 'print-failed' || reason === 'reprint-failed' || reason === 'printer-not-ready' || reason === 'print-attempts-exhausted')
    return 'print-failed';
  if (reason === 'cancelled' || reason === 'session-ended') return 'cancelled';
  return 'machine-stopped';
}
