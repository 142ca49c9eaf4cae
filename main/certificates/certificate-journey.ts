/**
 * The certificate auto-issuance journey (自動交付機), one citizen at a time.
 *
 * Several certificates can be bought in one sale (a basket: main/certificates/basket.ts): each is
 * issued, rendered and journaled as its own sale before one payment covers them all, and they
 * print in one run; a failure refunds exactly the ones not printed.
 *
 * Order, as at コンビニ交付: card → PIN → choice → the certificate is prepared (printer
 * checked, issued by the back end, rendered with every glyph checked) → payment → the card
 * is taken → printing → the certificate is taken. Everything that can fail before the money
 * is taken is done before it, so a fault there charges nothing. After payment a failed print
 * is retried once when the printer recovers; otherwise the serial is voided and the money
 * refunded (what the machine cannot give back gets a voucher and a staff alert).
 *
 * The transaction journal (journaled-sale.ts) is written BEFORE each irreversible step: the sale
 * with its serial once prepared, `paid` before the card screen, `printing` before the job goes out
 * (then its job id), `printed` only when the printer completed it; start-up recovery resolves the rest.
 *
 * Every async step checks `generation`: the wipe bumps it, so a late answer from a device or
 * the back end can never act on a session that has ended.
 */
import type { CertificateChoice, CertificateOptionsView, CertificateView } from '../../contract/certificate-journey';
import type { EndReason } from '../../contract/kiosk-api';
import type { WardId } from '../../contract/ward-api';
import type { PaymentMethod } from '../../devices/payment/payment-service';
import { systemClock, type Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { MissingGlyphError } from '../documents/glyph-check';
import { CERTIFICATE_NAMES_JA } from '../documents/certificate-names';
import type { VoucherCause } from '../documents/voucher';
import { WardApiError } from '../ward/ward-client';
import { CardSecretStep } from '../card-secret/card-secret-step';
import { cardReadFailure, pinFailure } from './card-failures';
import { authFailureKey, refusalMessageKey, toOptionsView } from './issue-request';
import { addToBasket, dropRefused, removeFromBasket, shareOutPayment, type BasketItem } from './basket';
import { basketAtSessionEnd } from './basket-session-end';
import { prepareBasket, releasePrepared, type PreparedItem } from './prepare-basket';
import { voucherUnprinted } from './voucher-unprinted';
import type { JourneyDeps } from './journey-deps';
import { LEFT_CARD_MESSAGE, LeftCardGuard } from '../card-slot/left-card-guard';
import { giveBackAtWipe, returnMoney, voidIssuedSerial, type SaleShare } from './money-return';
import { printSale } from './print-sale';
import { printSlip } from './voucher-slip-printer';
import { SealRejectedError } from './verified-renderer';
import { printerNotReadyCode } from '../staff/printer-alert';

const log = createLogger('certificate-journey');

type FailedView = Extract<CertificateView, { step: 'failed' }>;
type PinView = Extract<CertificateView, { step: 'pin' }>;
const OPAQUE_ID = /^[A-Za-z0-9_-]{4,64}$/;
const NO_OPTIONS: CertificateOptionsView = { juminhyoScopes: ['self'], household: [], register: [], taxYears: [] };
/** How long 「証明書をお取りください」 stays, counted down on screen, before the session completes. */
const TAKE_CERTIFICATE_MS = 15_000;

export class CertificateJourney {
  private view: CertificateView = { step: 'idle' };
  private generation = 0;
  private sessionToken: string | null = null;
  /** The resident's own ward: after login every call goes to it (any kiosk serves the whole city). */
  private residentWard: WardId;
  private offers: Extract<CertificateView, { step: 'choose' }>['offers'] = [];
  /** What the back end lets this citizen choose (names included: shown, never logged). */
  private options: CertificateOptionsView = NO_OPTIONS;
  /** Certificates chosen before the one on screen (nothing issued for them yet). */
  private basket: BasketItem[] = [];
  /** The sale's certificates: issued, rendered, journaled, not yet settled; one per basket item, in print order. */
  private lines: PreparedItem[] = [];
  /** The sale's journaled sales with their share of the payment, kept until the wipe ends each. */
  private sales: SaleShare[] = [];
  private txId: string | null = null;
  /** A print run is under way: it, not the wipe, settles the sale's lines when the session ends. */
  private printRun = false;
  /** The back end's opaque resident id (an id, never a name), for the journal. */
  private residentRef = 'unmapped';
  /** Change the unit could not pay out, and its voucher (the slip prints after the certificate). */
  private changeOwed: { owedYen: number; voucher: string | null } | null = null;
  /** The take-certificate countdown: its kiosk-clock timer and when it ends. */
  private doneTimer: unknown = null;
  private doneAt = 0;
  /** The payment being taken and its outcome handled (back() waits for it: one owner of the outcome). */
  private paying: Promise<CertificateView> | null = null;
  /** A refund under way (refundAndVoid): the wipe lets it finish rather than refund a second time. */
  private settling: Promise<unknown> | null = null;
  private goingBack = false;
  /** The citizen asked for a receipt (領収書), on the fee or card screen. */
  private receiptWanted = false;
  /** Set by dispose(): late device answers touch neither the journal nor staff alerts. */
  private disposed = false;
  private readonly leftCard: LeftCardGuard;
  private readonly ownsLeftCard: boolean;
  /** The 利用者証明用 PIN (4 digits, 3 tries): read, confirmed, sent once, wiped. */
  private readonly authPin: CardSecretStep;
  private readonly clock: Clock;

  constructor(private readonly deps: JourneyDeps) {
    this.residentWard = deps.wardId;
    this.clock = deps.clock ?? systemClock;
    this.authPin = new CardSecretStep(deps.card, 'auth-pin');
    this.ownsLeftCard = !deps.leftCard;
    this.leftCard = deps.leftCard ?? new LeftCardGuard(deps.card, deps.alertStaff);
  }

  current(): CertificateView {
    // The countdown as it stands now (a reloaded screen picks it up where it is).
    if (this.view.step === 'take-certificate') return { ...this.view, remainingMs: Math.max(0, Math.round(this.doneAt - this.clock.now())) };
    return this.view;
  }

  /** Waits for a card; one already in the reader is read at once, unless the previous session left it there. */
  begin(): CertificateView {
    if (this.view.step !== 'idle' && this.view.step !== 'insert-card') return this.view;
    this.show({ step: 'insert-card' });
    if (this.deps.card.currentReader()) this.readUnlessLeft();
    return this.view;
  }

  onCardInserted(): void {
    if (this.view.step === 'insert-card') this.readUnlessLeft();
  }

  onCardRemoved(): void {
    switch (this.view.step) {
      case 'insert-card':
        // The previous person's card was taken out: the next one inserted is read.
        if (this.view.messageKey === LEFT_CARD_MESSAGE.certificate) this.show({ step: 'insert-card' });
        return;
      case 'take-card':
        void this.print();
        return;
      case 'reading-card':
      case 'pin':
      case 'authenticating':
        // Nothing is known yet and no try was used by the kiosk: simply start again.
        this.generation++;
        this.sessionToken = null;
        this.show({ step: 'insert-card', messageKey: 'certificate.cardRemoved' });
        return;
      case 'choose':
      case 'preparing':
      case 'pay':
        this.deps.endSession('card-removed');
        return;
      case 'failed':
        // The failure (a blocked card, money given back, a voucher) stays until the citizen has read
        // it and pressed 最初の画面に戻る (or the idle timer ends it): only the card line goes.
        if (this.view.takeCard) this.show({ ...this.view, takeCard: false });
        return;
      default:
        return;
    }
  }

  async submitPin(pin: string, confirmedLastTry: boolean): Promise<CertificateView> {
    if (this.view.step !== 'pin') return this.view;
    const gen = this.generation;
    const pinView: PinView = this.view;
    this.show({ step: 'authenticating' });
    // The PIN is needed only for the card's signature over the ward's nonce; the step wipes it after.
    const used = await this.authPin.use(pin, pinView, confirmedLastTry, async (secret, opts) => {
      const nonce = await this.deps.ward.nonce(this.deps.wardId);
      // The card was pulled (or the session ended) meanwhile: the PIN is not sent.
      if (gen !== this.generation) return null;
      return { nonce: nonce.nonce, signed: await this.deps.card.signAuthChallenge(secret, Buffer.from(nonce.nonce, 'base64'), opts) };
    });
    if (gen !== this.generation) return this.view;
    if (!used.ok) return this.show(pinFailure(used.failure, pinView, (key) => this.failure(key)));
    if (!used.value) return this.view;
    const { nonce, signed } = used.value;
    try {
      const session = await this.deps.ward.verify(this.deps.wardId, {
        nonce,
        signature: Buffer.from(signed.signature).toString('base64'),
        certificate: Buffer.from(signed.certificate.der).toString('base64'),
      });
      if (gen !== this.generation) return this.view;
      this.sessionToken = session.sessionToken;
      this.residentWard = session.ward;
      this.residentRef = OPAQUE_ID.test(session.residentId) ? session.residentId : 'unmapped';
      const options = await this.deps.ward.options(this.residentWard, session.sessionToken);
      if (gen !== this.generation) return this.view;
      this.offers = options.types.map((t) => ({
        type: t.type,
        available: t.available,
        unitFeeYen: t.unitFeeYen,
        ...(t.refusal ? { reasonKey: refusalMessageKey(t.refusal) } : {}),
      }));
      this.options = toOptionsView(options);
      return this.show(this.chooseView());
    } catch (err) {
      if (gen !== this.generation) return this.view;
      return this.show(pinFailure({ kind: 'other', error: err }, pinView, (key) => this.failure(key)));
    }
  }

  /** 「次へ」 on a certificate's details: it joins the basket, and the whole basket goes to payment. */
  async choose(choice: CertificateChoice): Promise<CertificateView> {
    if (this.view.step !== 'choose' || !this.sessionToken) return this.view;
    // Options the back end would refuse are never sent to it (nor is a serial issued for them).
    const added = addToBasket(this.basket, choice, this.offers, this.options);
    if (!added.ok) return this.show(this.chooseView(added.errorKey));
    return this.prepare(added.items);
  }

  /** 「この証明書を追加する」: into the basket, and back to the list; nothing is issued yet. */
  addToBasket(choice: CertificateChoice): CertificateView {
    if (this.view.step !== 'choose' || !this.sessionToken) return this.view;
    const added = addToBasket(this.basket, choice, this.offers, this.options);
    if (!added.ok) return this.show({ ...this.chooseView(added.errorKey), chosen: choice });
    this.basket = added.items;
    return this.show(this.chooseView());
  }

  removeFromBasket(index: number): CertificateView {
    if (this.view.step !== 'choose') return this.view;
    this.basket = removeFromBasket(this.basket, index);
    return this.show(this.chooseView());
  }

  /** 「お支払いへ進む」 from the list: the basket as it is goes to payment. */
  async checkout(): Promise<CertificateView> {
    if (this.view.step !== 'choose' || !this.sessionToken || this.basket.length === 0) return this.view;
    return this.prepare(this.basket);
  }

  /**
   * Everything that can fail before money is taken: the printer is checked, then every item is
   * issued, rendered with each glyph checked and journaled (prepare-basket.ts). Items the back end
   * refuses leave the basket, each with its reason, and nothing stays issued.
   */
  private async prepare(items: BasketItem[]): Promise<CertificateView> {
    const sessionToken = this.sessionToken;
    if (!sessionToken) return this.view;
    const gen = this.generation;
    this.show({ step: 'preparing' });
    const health = await this.deps.printer.health().catch(() => null);
    if (gen !== this.generation) return this.view;
    if (!health?.ready) {
      this.deps.alertStaff({ code: printerNotReadyCode(health), severity: 'error' });
      return this.show(this.failure(health && !health.ready ? health.citizenMessageKey : 'printer.unavailable'));
    }
    const ward = this.residentWard;
    const result = await prepareBasket({
      deps: this.deps,
      ward,
      sessionToken,
      residentRef: this.residentRef,
      choices: items.map((item) => item.choice),
      sessionCurrent: () => gen === this.generation,
    });
    if (gen !== this.generation) {
      // The session ended as the last item was journaled: nothing was paid, nothing stays issued.
      if (result.outcome === 'ready') await releasePrepared(this.deps, ward, result.items, 'session-ended');
      return this.view;
    }
    switch (result.outcome) {
      case 'ready': {
        this.basket = items;
        this.lines = result.items;
        this.sales = result.items.map((item) => ({ sale: item.sale, shareYen: item.prepared.dueYen }));
        const last = items[items.length - 1]!.choice;
        return this.show({
          step: 'pay',
          choice: last,
          items: result.items.map(({ prepared }) => ({ type: prepared.choice.type, copies: prepared.choice.copies, feeYen: prepared.dueYen })),
          dueYen: result.dueYen,
          insertedYen: 0,
          method: null,
          refusedYen: [],
          receipt: this.receiptWanted,
        });
      }
      case 'refused': {
        const { kept, removed } = dropRefused(items, result.refusals);
        this.basket = kept;
        // One certificate: its reason. Several: which were taken out, each with its reason.
        if (items.length === 1) return this.show(this.chooseView(removed[0]!.reasonKey));
        return this.show({ ...this.chooseView('certificate.basket.dropped'), removed });
      }
      case 'ended':
        return this.view;
      case 'serial-reused':
        // Refused before any money. Not voided: the kiosk cannot tell which certificate the back end
        // would void under a serial it has issued twice (it may be one already printed); staff decide.
        return this.show(this.failure('certificate.error.goToCounter'));
      case 'error': {
        const { error: err, serial } = result;
        if (err instanceof MissingGlyphError) {
          // Never print a certificate with a missing character: a person at the counter will.
          this.deps.alertStaff({ code: 'certificate-missing-glyph', severity: 'warning', reference: serial ?? undefined });
          return this.show(this.failure('certificate.error.goToCounter'));
        }
        if (err instanceof SealRejectedError) {
          // The back end's answer does not carry the city's seal (a wrong key file, or a forgery):
          // nothing is sold, and staff must look at it before the next citizen meets the same.
          this.deps.alertStaff({ code: 'certificate-seal-rejected', severity: 'error', reference: serial ?? undefined });
          return this.show(this.failure('certificate.error.goToCounter'));
        }
        log.warn({ err: errorCode(err) }, 'could not prepare the certificate');
        return this.show(this.failure(err instanceof WardApiError ? authFailureKey(err.code) : 'certificate.error.goToCounter'));
      }
    }
  }

  async pay(method: PaymentMethod): Promise<CertificateView> {
    const view = this.view;
    if (view.step !== 'pay' || view.method !== null || this.lines.length === 0 || this.goingBack) return this.view;
    const run = this.takePayment(view, this.lines, method);
    this.paying = run;
    try {
      return await run;
    } finally {
      if (this.paying === run) this.paying = null;
    }
  }

  private async takePayment(view: Extract<CertificateView, { step: 'pay' }>, lines: readonly PreparedItem[], method: PaymentMethod): Promise<CertificateView> {
    const gen = this.generation;
    // One id for the payment device and the journal (the first item's sale), so staff can match both records.
    const txId = (this.txId ??= lines[0]!.sale.id);
    const dueYen = view.dueYen;
    this.show({ ...view, method, insertedYen: 0, refusedYen: [], errorKey: undefined });
    const record = await this.deps.payment.pay(dueYen, method, {
      txId,
      onInserted: (p) => {
        if (gen === this.generation && this.view.step === 'pay') this.show({ ...this.view, insertedYen: p.inserted });
      },
      onAccepting: (a) => {
        if (gen === this.generation && this.view.step === 'pay') this.show({ ...this.view, refusedYen: a.refused });
      },
    });
    if (gen !== this.generation) return this.view;
    if (record.state === 'paid') {
      // Durable before anything else happens: from here a crash is resolved by recovery (reprint or voucher).
      const reference = record.transactionId && OPAQUE_ID.test(record.transactionId) ? record.transactionId : txId;
      // Each item journaled paid with exactly its own fee (one certificate: what was kept).
      const shares =
        lines.length === 1
          ? [record.kept]
          : shareOutPayment(
              lines.map((line) => line.prepared.dueYen),
              record.kept,
            );
      if (!shares) this.deps.alertStaff({ code: 'basket-money-mismatch', severity: 'error', reference: txId });
      if (!shares || !lines.every((line, i) => line.sale.paid({ method, reference, amountYen: shares[i]! })))
        return this.show(await this.refundAndVoid('cancelled', 'certificate.error.paymentFailed', 'cancelled'));
      this.sales = lines.map((line, i) => ({ sale: line.sale, shareYen: shares[i]! }));
      const inserted = this.view.step === 'pay' ? this.view.insertedYen : 0;
      const changeYen = method === 'cash' ? Math.max(0, inserted - dueYen) : 0;
      // An empty recycler cannot pay all the change: what it owes gets a voucher now (on the first item's sale).
      this.changeOwed = record.owed > 0 ? { owedYen: record.owed, voucher: lines[0]!.sale.changeVoucher(record.owed) } : null;
      const owedYen = this.changeOwed?.owedYen ?? 0;
      return this.show({
        step: 'take-card',
        changeYen: Math.max(0, changeYen - owedYen),
        owedYen,
        voucher: this.changeOwed?.voucher ?? null,
        receipt: this.receiptWanted,
      });
    }
    if (record.state === 'cancelled') {
      // Coins the unit could not give back (escrow jammed on 戻る or a timeout) are never dropped.
      if (record.owed + record.unverified > 0) return this.show(await this.refundAndVoid('cancelled', 'certificate.error.cashNotReturned', 'payment-failed'));
      // The last note needed change the unit lacks: all of it came back, and the screen says why.
      const noChange =
        record.problem === 'cannot-make-change'
          ? { errorKey: 'certificate.error.noChangeGivenBack' }
          : // Nothing could be taken for this fee: cash is not usable now, cashless may be.
            record.problem === 'no-change-for-any'
            ? { errorKey: 'certificate.error.cashNoChange' }
            : {};
      return this.show({ ...view, method: null, insertedYen: 0, refusedYen: [], ...noChange });
    }
    if (record.state === 'declined') return this.show({ ...view, method: null, insertedYen: 0, refusedYen: [], errorKey: 'certificate.error.declined' });
    // A device fault or an unknown outcome: give back what was taken and void the serial.
    this.deps.alertStaff({ code: `payment-${record.state}`, severity: 'error', reference: txId });
    return this.show(await this.refundAndVoid('print-failed', 'certificate.error.paymentFailed', 'payment-failed'));
  }

  /**
   * From the fee screen back to the choice: money inserted so far comes back, the serial is voided.
   * A payment under way is cancelled and its outcome left to pay(), the one owner of it: a payment
   * that completed first goes on to the card screen, coins the unit could not give back become a
   * voucher (failed screen). Only a cleanly cancelled payment returns to the choice.
   */
  async back(): Promise<CertificateView> {
    if (this.view.step !== 'pay' || this.lines.length === 0 || this.goingBack) return this.view;
    const gen = this.generation;
    this.goingBack = true;
    try {
      if (this.txId) await this.deps.payment.cancel(this.txId);
      if (this.paying) await this.paying;
      if (gen !== this.generation) return this.view;
      const lines = this.lines;
      if (this.view.step !== 'pay' || this.view.method !== null || lines.length === 0) return this.view;
      this.lines = [];
      this.sales = [];
      this.txId = null;
      await releasePrepared(this.deps, this.residentWard, lines, 'citizen-back');
      if (gen !== this.generation) return this.view;
      // The details of the last certificate open as the citizen left them; the others stay in the basket.
      const last = this.basket[this.basket.length - 1]!;
      this.basket = this.basket.slice(0, -1);
      return this.show({ ...this.chooseView(), chosen: last.choice });
    } finally {
      this.goingBack = false;
    }
  }

  /** The receipt choice, on the fee screen or the card screen (before the card is taken). */
  setReceipt(wanted: boolean): CertificateView {
    if (this.view.step !== 'pay' && this.view.step !== 'take-card') return this.view;
    this.receiptWanted = wanted;
    return this.show(this.view);
  }

  /** True while a paid sale waits for the card or prints: the session may not end at a touch. */
  holdsPaidSale(): boolean {
    return this.view.step === 'take-card' || this.view.step === 'printing';
  }

  /**
   * The citizen confirmed 「やめる」 on 「カードをお取りください」: the fee is given back (serial voided,
   * what the machine cannot return by voucher) and the failed view asks for the card. Only before
   * the job goes out: once the sale is journaled `printing` (the card was taken) there is nothing to
   * cancel, the certificate comes out or a failed print refunds it.
   */
  async cancelAfterPayment(): Promise<CertificateView> {
    if (this.view.step !== 'take-card' || this.lines.length === 0 || this.lines.some((line) => line.sale.state !== 'paid')) return this.view;
    // refundAndVoid forgets the lines before its first await: a card taken meanwhile prints nothing.
    return this.show(await this.refundAndVoid('cancelled', 'certificate.error.cancelledAfterPayment', 'cancelled'));
  }

  /** The journey's part of the session wipe: stop, give money back, void, forget. */
  async wipe(reason?: EndReason): Promise<void> {
    this.generation++;
    this.stopDoneTimer();
    // A card still in the reader is never read for the next session (see left-card-guard.ts).
    this.leftCard.noteSessionEnd(reason);
    const { lines, sales, txId } = this;
    // Let go before the first await: a card taken while money goes back must not start printing.
    this.lines = [];
    this.sales = [];
    if (this.printRun) {
      // A job is at the printer: refunding now could give both money and paper. The print run
      // settles every line when it sees the session gone (printed, or voided and refunded by voucher).
    } else {
      const printedAny = lines.some((line) => line.prepared.printed);
      const { heldYen } = await giveBackAtWipe(this.deps.payment, txId, printedAny, [this.paying, this.settling], reason === 'timeout');
      for (const line of lines) if (!line.prepared.printed) await this.voidSerial(line.prepared.serial, 'cancelled');
      basketAtSessionEnd(
        sales.map(({ sale, shareYen }) => ({ sale, paidYen: shareYen })),
        (txId ? this.deps.payment.get(txId) : undefined) ?? undefined,
        heldYen,
        this.changeOwed?.voucher ? this.changeOwed.owedYen : 0,
        this.deps.alertStaff,
      );
      for (const line of lines) line.prepared.pdf.fill(0);
    }
    this.basket = [];
    this.lines = [];
    this.sales = [];
    this.txId = null;
    this.changeOwed = null;
    this.receiptWanted = false;
    this.sessionToken = null;
    this.residentRef = 'unmapped';
    this.residentWard = this.deps.wardId;
    this.offers = [];
    this.options = NO_OPTIONS;
    this.show({ step: 'idle' });
  }

  /** Runtime stop, after the last wipe: no timer left; a job still at the printer is left to start-up recovery. */
  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.stopDoneTimer();
    if (this.ownsLeftCard) this.leftCard.dispose();
  }

  private stopDoneTimer(): void {
    if (this.doneTimer !== null) this.clock.clearTimeout(this.doneTimer);
    this.doneTimer = null;
  }

  private readUnlessLeft(): void {
    if (this.leftCard.blocksReading()) this.show({ step: 'insert-card', messageKey: LEFT_CARD_MESSAGE.certificate });
    else void this.readCard();
  }

  private async readCard(): Promise<void> {
    const gen = this.generation;
    this.show({ step: 'reading-card' });
    const read = await this.authPin.readTries(() => this.deps.card.detect());
    if (gen !== this.generation) return;
    this.show(read.ok ? { step: 'pin', ...read.value } : cardReadFailure(read.failure, (key) => this.failure(key)));
  }

  private async print(): Promise<void> {
    const lines = this.lines;
    // Only from the card screen: a wipe under way has already let go of the lines (see wipe()).
    if (lines.length === 0 || this.printRun || this.view.step !== 'take-card') return;
    const gen = this.generation;
    const sales = this.sales;
    this.printRun = true;
    try {
      await this.printLines(lines, sales);
    } finally {
      this.printRun = false;
      // The session ended at any point of the run (between items, in its tail, during a failure's
      // refund): this run owns the settlement, the wipe left it alone.
      if (gen !== this.generation) await this.settleAfterSessionEnd(lines, sales);
    }
  }

  /** The sale's certificates in one run, each journaled `printing` BEFORE its job goes out. */
  private async printLines(lines: readonly PreparedItem[], sales: readonly SaleShare[]): Promise<void> {
    const gen = this.generation;
    for (const line of lines) {
      if (gen !== this.generation) return;
      // Journaled BEFORE the job goes out: a crash from here on is resolved with the printer's job state.
      if (!line.sale.printing()) return this.printFailed(lines, sales, false);
      const outcome = await printSale({
        deps: this.deps,
        prepared: line.prepared,
        sale: line.sale,
        paidYen: sales.find((s) => s.sale === line.sale)?.shareYen ?? line.prepared.dueYen,
        sessionCurrent: () => gen === this.generation,
        disposed: () => this.disposed,
        onProgress: (pagesDone) => {
          if (gen === this.generation && (pagesDone === null || this.view.step === 'printing')) this.show({ step: 'printing', pagesDone });
        },
      });
      // Ended: printSale settled this line by what the printer did; print() settles the rest.
      if (outcome === 'ended' || gen !== this.generation) return;
      // The printer itself failed: no voucher slip is tried on it (the screen says to call staff).
      if (outcome === 'failed') return this.printFailed(lines, sales, true);
    }
    const owed = this.changeOwed;
    const voucherPrinted = owed?.voucher ? await printSlip(this.deps.printVoucherSlip, owed.voucher, 'change-shortfall') : false;
    if (gen !== this.generation) return;
    const receipt = this.receiptWanted ? ((await this.printReceipt()) ? 'printed' : 'failed') : null;
    if (gen !== this.generation) return;
    const ms = this.deps.takeCertificateMs ?? TAKE_CERTIFICATE_MS;
    this.doneAt = this.clock.now() + ms;
    this.doneTimer = this.clock.setTimeout(() => this.deps.endSession('complete'), ms);
    this.show({ step: 'take-certificate', owedYen: owed?.owedYen ?? 0, voucher: owed?.voucher ?? null, voucherPrinted, receipt, remainingMs: ms });
  }

  /**
   * A print failed with the citizen here. Nothing printed yet: the whole payment goes back, as for
   * one certificate. Some printed: their fees are rightly kept, and the payment device can only give
   * back a whole payment, so the items not printed are voided and refunded by voucher, each its own.
   */
  private async printFailed(lines: readonly PreparedItem[], sales: readonly SaleShare[], printerAtFault: boolean): Promise<void> {
    const gen = this.generation;
    const printed = lines.filter((line) => line.prepared.printed);
    if (printed.length === 0) {
      this.show(await this.refundAndVoid('print-failed', 'certificate.error.printFailed', 'print-failed', printerAtFault));
      return;
    }
    this.lines = printed;
    const refund = await voucherUnprinted(this.deps, withShares(lines, sales), 'print-failed');
    if (gen !== this.generation) return;
    // Change still owed from the payment (its slip was to print after the certificates) is shown too.
    const change = this.changeOwed;
    const [voucher = null, ...moreVouchers] = [...(change?.voucher ? [change.voucher] : []), ...refund.vouchers.map((v) => v.number)];
    const owedYen = refund.vouchers.reduce((sum, v) => sum + v.amountYen, 0) + refund.unrecordedYen + (change?.owedYen ?? 0);
    this.show({ ...this.failure('certificate.basket.partlyPrinted'), owedYen, voucher, moreVouchers, voucherPrinted: false });
  }

  /**
   * The session ended during the print run (nobody is at the machine): each line ends by what the
   * printer did. Printed ones are done; one sent to the printer was settled by printSale (or by the
   * failure's refund); the ones never sent (still `paid`) are voided and refunded by voucher, never
   * cash into an unwatched tray.
   */
  private async settleAfterSessionEnd(lines: readonly PreparedItem[], sales: readonly SaleShare[]): Promise<void> {
    if (this.disposed) return; // the journal is closed: start-up recovery settles them
    for (const line of lines) if (line.prepared.printed) line.sale.atSessionEnd(undefined);
    const neverSent = lines.filter((line) => line.sale.state === 'paid');
    if (neverSent.length > 0) await voucherUnprinted(this.deps, withShares(neverSent, sales), 'session-ended');
    for (const line of lines) line.prepared.pdf.fill(0);
  }

  /** The receipt of this sale: one line per certificate, what was kept, and how. */
  private async printReceipt(): Promise<boolean> {
    const record = this.txId ? this.deps.payment.get(this.txId) : null;
    if (!this.deps.printReceipt || !record) return false;
    const items = this.sales.map(({ sale, shareYen }) => {
      const choice = this.lines.find((line) => line.sale === sale)!.prepared.choice;
      return { name: CERTIFICATE_NAMES_JA[choice.type], copies: choice.copies, amountYen: shareYen, serial: sale.serial };
    });
    return this.deps.printReceipt({ items, totalYen: record.kept, method: record.method });
  }

  private async refundAndVoid(
    voidReason: 'print-failed' | 'cancelled',
    messageKey: string,
    cause: VoucherCause,
    printerAtFault = false,
  ): Promise<CertificateView> {
    const gen = this.generation;
    const lines = this.lines;
    this.lines = [];
    const returning = returnMoney({
      payment: this.deps.payment,
      txId: this.txId,
      sales: this.sales,
      voidSaleSerial: lines.length > 0,
      changeOwedYen: this.changeOwed?.owedYen ?? 0,
      ward: this.deps.ward,
      journal: this.deps.journal,
      voidReason,
      cause,
      printerAtFault,
      citizenStillHere: () => gen === this.generation,
      alertStaff: this.deps.alertStaff,
      printVoucherSlip: this.deps.printVoucherSlip,
    });
    this.settling = returning;
    const money = await returning.finally(() => {
      if (this.settling === returning) this.settling = null;
    });
    for (const line of lines) line.prepared.pdf.fill(0);
    if (gen !== this.generation) return this.view;
    // A payment fault happens before the card is taken: failure() says whether it is still in.
    // With the whole fee given back, the change voucher (from the take-card screen) is still the one to show.
    const shown =
      money.voucher === null && money.owedYen === 0 && this.changeOwed
        ? { owedYen: this.changeOwed.owedYen, voucher: this.changeOwed.voucher }
        : { owedYen: money.owedYen, voucher: money.voucher, moreVouchers: money.moreVouchers };
    return { ...this.failure(messageKey), refundedYen: money.refundedYen, refundedTo: money.refundedTo, ...shown, voucherPrinted: money.voucherPrinted };
  }

  private voidSerial(serial: string, reason: 'print-failed' | 'cancelled'): Promise<boolean> {
    return voidIssuedSerial(this.deps, this.residentWard, serial, reason);
  }

  private chooseView(errorKey?: string): Extract<CertificateView, { step: 'choose' }> {
    return { step: 'choose', offers: this.offers, options: this.options, basket: this.basket, removed: [], ...(errorKey ? { errorKey } : {}) };
  }

  private failure(messageKey: string): FailedView {
    return {
      step: 'failed',
      messageKey,
      refundedYen: 0,
      refundedTo: 'cash',
      owedYen: 0,
      voucher: null,
      moreVouchers: [],
      voucherPrinted: false,
      takeCard: Boolean(this.deps.card.currentReader()),
    };
  }

  private show(view: CertificateView): CertificateView {
    if (view.step === 'pay' || view.step === 'take-card') view = { ...view, receipt: this.receiptWanted };
    this.view = view;
    this.deps.onView(view);
    return view;
  }
}

/** Each line with its share of the payment (as journaled `paid`). */
function withShares(lines: readonly PreparedItem[], sales: readonly SaleShare[]): (PreparedItem & { paidYen: number })[] {
  return lines.map((line) => ({ ...line, paidYen: sales.find((s) => s.sale === line.sale)?.shareYen ?? line.prepared.dueYen }));
}
