/**
 * Preparing a basket (several certificates, one sale) before any money: every item is issued by
 * the back end, rendered with every glyph checked and journaled as its own sale (own serial and
 * fee), in the basket's order. Only when all of them are ready is a payment asked for.
 *
 * Anything short of that leaves nothing behind: the serials already issued are voided and their
 * journaled sales cancelled (no money was asked for), their PDFs wiped. A refusal by the back end
 * is an answer, not a fault: the other items are still asked about, so the citizen learns every
 * refused item (and why) at once and goes back to the basket without them (basket.ts dropRefused).
 */
import { randomUUID } from 'node:crypto';
import type { CertificateChoice } from '../../contract/certificate-journey';
import type { RefusalReason, WardId } from '../../contract/ward-api';
import { toIssueRequest } from './issue-request';
import { JournaledSale } from './journaled-sale';
import type { JourneyDeps } from './journey-deps';
import { voidIssuedSerial } from './money-return';
import type { Prepared } from './print-sale';

/** One basket item ready for payment: its certificate and its journaled sale. */
export interface PreparedItem {
  prepared: Prepared;
  sale: JournaledSale;
}

export type BasketPreparation =
  /** Every item issued, rendered and journaled; `dueYen` is the back end's fees summed. */
  | { outcome: 'ready'; items: PreparedItem[]; dueYen: number }
  /** The back end refused these items (by basket index); nothing else is left issued. */
  | { outcome: 'refused'; refusals: Map<number, RefusalReason> }
  /** The session ended meanwhile; nothing is left issued. */
  | { outcome: 'ended' }
  /** The back end issued a serial the journal has seen (see JournaledSale.open): refused before any money. */
  | { outcome: 'serial-reused' }
  /** A fault (render, seal, glyph, back end, journal); `serial` is the item's it happened on, if issued. */
  | { outcome: 'error'; error: unknown; serial: string | null };

export interface PrepareBasketInput {
  deps: Pick<JourneyDeps, 'ward' | 'render' | 'journal' | 'alertStaff'>;
  /** The resident's ward and session (after login). */
  ward: WardId;
  sessionToken: string;
  /** The back end's opaque resident id, for the journal. */
  residentRef: string;
  choices: readonly CertificateChoice[];
  /** False once the session was wiped: a late answer prepares nothing more. */
  sessionCurrent: () => boolean;
}

/** The journal could not record a prepared sale: nothing is charged. */
export class JournalUnavailableError extends Error {
  readonly code = 'journal-unavailable';
}

export async function prepareBasket(input: PrepareBasketInput): Promise<BasketPreparation> {
  const { deps } = input;
  const items: PreparedItem[] = [];
  /** Issued but not (yet) a prepared item: voided with the rest if the basket does not go ahead. */
  const looseSerials: string[] = [];
  const refusals = new Map<number, RefusalReason>();
  let current: string | null = null;
  const undo = async (keep: string | null = null): Promise<void> => {
    await releasePrepared(
      deps,
      input.ward,
      items.filter((item) => item.prepared.serial !== keep),
      'basket-not-paid',
    );
    for (const serial of looseSerials.filter((s) => s !== keep)) await voidIssuedSerial(deps, input.ward, serial, 'cancelled');
  };
  try {
    for (const [index, choice] of input.choices.entries()) {
      current = null;
      const answer = await deps.ward.issue(input.ward, input.sessionToken, toIssueRequest(choice), randomUUID());
      if (answer.outcome === 'refused') {
        refusals.set(index, answer.reason);
      } else if (refusals.size > 0 || !input.sessionCurrent()) {
        // Not going ahead anyway: not rendered, only voided with the others.
        looseSerials.push(answer.serial);
      } else {
        current = answer.serial;
        const pdf = await deps.render(answer.certificate, answer.qrPayload);
        // Journaled before any money is asked for: a crash after payment then knows each serial was paid for.
        const sale = JournaledSale.open(deps.journal, deps.alertStaff, {
          certificateType: choice.type,
          copies: choice.copies,
          amountYen: answer.fee.totalYen,
          residentRef: input.residentRef,
          serial: answer.serial,
          issuer: input.ward,
        });
        if (sale === 'serial-reused') {
          pdf.fill(0);
          // Not voided: the back end may have issued it twice, one of them printed (staff decide).
          await undo(answer.serial);
          return { outcome: 'serial-reused' };
        }
        if (!sale) {
          pdf.fill(0);
          throw new JournalUnavailableError();
        }
        items.push({ sale, prepared: { serial: answer.serial, pdf, dueYen: answer.fee.totalYen, choice, printed: false } });
        current = null;
      }
      if (!input.sessionCurrent()) break;
    }
  } catch (error) {
    if (current) looseSerials.push(current);
    await undo();
    return { outcome: 'error', error, serial: current };
  }
  if (!input.sessionCurrent()) {
    await undo();
    return { outcome: 'ended' };
  }
  if (refusals.size > 0) {
    await undo();
    return { outcome: 'refused', refusals };
  }
  return { outcome: 'ready', items, dueYen: items.reduce((sum, item) => sum + item.prepared.dueYen, 0) };
}

/**
 * Lets go of prepared items no money was taken for: each journaled sale cancelled, its PDF wiped,
 * its serial voided (never left issued at the back end). Used when a basket does not go ahead,
 * when the citizen goes back from the fee screen, and when the session ended while it was prepared.
 */
export async function releasePrepared(
  deps: Pick<JourneyDeps, 'ward' | 'journal' | 'alertStaff'>,
  ward: WardId,
  items: readonly PreparedItem[],
  reason: string,
): Promise<void> {
  for (const item of items) {
    item.sale.cancel(reason);
    item.prepared.pdf.fill(0);
  }
  for (const item of items) await voidIssuedSerial(deps, ward, item.prepared.serial, 'cancelled');
}
