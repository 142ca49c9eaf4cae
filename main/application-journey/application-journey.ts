/**
 * The 書かない窓口 journey, one citizen at a time: guide → event → identify (card or by hand) →
 * questions → review → queued durably → forms printed → done (or failed, with the receipt
 * number whenever the submission was kept).
 *
 * The submission is queued in the outbox before anything is printed, so a receipt number on
 * paper always names a submission that survives a crash or a network outage. Every async step
 * checks `generation`: the session wipe bumps it, so a late card or printer answer never acts
 * on a session that has ended.
 */
import { randomUUID } from 'node:crypto';
import type { CardFacts, GuideSearchHit, PostalCandidate } from '../../contract/applications';
import type { ApplicationView } from '../../contract/application-journey';
import type { ElectronicSignature } from '../../contract/submission-signature';
import type { WardId } from '../../contract/ward-api';
import type { EndReason } from '../../contract/kiosk-api';
import { LeftCardGuard } from '../card-slot/left-card-guard';
import { createLogger, errorCode } from '../../platform/log';
import { defaultCatalog, type ApplicationsCatalog } from '../applications/catalog';
import { guideEventView } from '../applications/guide-data';
import { searchGuide } from '../applications/guide-search';
import { answer, buildFilledForms, currentQuestions, nextQuestion, planInterview, review, type InterviewState } from '../applications/interview';
import { defaultPostalDirectory, type PostalDirectory } from '../applications/postal-lookup';
import { signedBytesOf } from '../../platform/e-signature/signed-bytes';
import type { ApplicationDeps, ApplicationPayload } from './application-deps';
import { CardStep } from './card-step';
import { lastQuestion, questionAfter, questionBefore, questionView } from './interview-steps';
import { printForms } from './print-forms';
import { SignStep } from './sign-step';
import { routeToWard } from './ward-routing';

const log = createLogger('application-journey');

type FailedView = Extract<ApplicationView, { step: 'failed' }>;

/** What will be queued, fixed when the citizen leaves the review: the signature covers exactly this payload. */
interface PendingSubmission {
  ward: WardId;
  kind: string;
  payload: ApplicationPayload;
}

export class ApplicationJourney {
  private view: ApplicationView = { step: 'idle' };
  private generation = 0;
  private readonly catalog: ApplicationsCatalog;
  private readonly postal: PostalDirectory;
  private eventId: string | null = null;
  private included: string[] = [];
  private interview: InterviewState | null = null;
  private identifiedBy: 'card' | 'manual' = 'manual';
  private idempotencyKey: string | null = null;
  private readonly card: CardStep;
  private readonly signing: SignStep;
  private pending: PendingSubmission | null = null;
  private readonly leftCard: LeftCardGuard;
  private readonly ownsLeftCard: boolean;

  constructor(private readonly deps: ApplicationDeps) {
    this.catalog = deps.catalog ?? defaultCatalog();
    this.postal = deps.postal ?? defaultPostalDirectory();
    this.ownsLeftCard = !deps.leftCard;
    this.leftCard = deps.leftCard ?? new LeftCardGuard(deps.card, deps.alertStaff);
    this.card = new CardStep(deps.card, this.leftCard, {
      show: (v) => this.show(v),
      current: () => this.view,
      generation: () => this.generation,
      bump: () => ++this.generation,
      identified: (facts) => this.startInterview(facts, 'card'),
    });
    this.signing = new SignStep(deps.card, this.leftCard, {
      show: (v) => this.show(v),
      current: () => this.view,
      generation: () => this.generation,
      bump: () => ++this.generation,
      signedBytes: () => this.pendingBytes(),
      identifiedAs: () => {
        const card = this.interview?.card ?? {};
        const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
        const name = text(card['card.name']);
        const birthDate = text(card['card.birthDate']);
        return { ...(name ? { name } : {}), ...(birthDate ? { birthDate } : {}) };
      },
      signed: (signature) => this.sendPending(signature),
    });
  }

  current(): ApplicationView {
    return this.view;
  }

  /** Opens the guide; a journey already under way stays where it is. */
  begin(): ApplicationView {
    if (this.view.step !== 'idle') return this.view;
    return this.showGuide();
  }

  searchGuide(query: string): GuideSearchHit[] {
    return searchGuide(this.catalog.index, query);
  }

  lookupPostal(postalCode: string): PostalCandidate[] {
    const r = this.postal.lookup(postalCode);
    return r.ok ? r.candidates : [];
  }

  openEvent(eventId: string): ApplicationView {
    if (this.view.step !== 'guide' && this.view.step !== 'event') return this.view;
    const event = guideEventView(this.catalog.guide, eventId);
    if (!event) return this.view;
    if (this.eventId !== eventId) this.included = [];
    this.eventId = eventId;
    return this.show({ step: 'event', event, included: [...this.included] });
  }

  toggleProcedure(procedureId: string, included: boolean): ApplicationView {
    if (this.view.step !== 'event') return this.view;
    const proc = this.view.event.procedures.find((p) => p.id === procedureId);
    // Only optional procedures the kiosk can fill are the citizen's choice; the rest follow from the event.
    if (!proc?.optional || !proc.kioskCanDo) return this.view;
    this.included = this.included.filter((id) => id !== procedureId);
    if (included) this.included.push(procedureId);
    return this.show({ ...this.view, included: [...this.included] });
  }

  start(): ApplicationView {
    if (this.view.step !== 'event' || !this.eventId) return this.view;
    const plan = planInterview({ eventId: this.eventId, include: this.included }, null, this.planOptions());
    if (!plan.ok) return this.show(this.failure('application.error.nothingToFill', null));
    return this.show({ step: 'identify' });
  }

  async identify(method: 'card' | 'manual'): Promise<ApplicationView> {
    if (this.view.step !== 'identify') return this.view;
    if (method === 'manual') return this.startInterview(null, 'manual');
    return this.card.begin();
  }

  onCardInserted(): void {
    this.card.onInserted();
    this.signing.onInserted();
  }

  onCardRemoved(): void {
    this.card.onRemoved();
    this.signing.onRemoved();
    // The last screen stays until the citizen leaves it; only its take-your-card line goes.
    const view = this.view;
    if ((view.step === 'done' || view.step === 'failed') && view.takeCard) this.show({ ...view, takeCard: false });
  }

  submitPin(pin: string, confirmedLastTry: boolean): Promise<ApplicationView> {
    return this.card.submitPin(pin, confirmedLastTry);
  }

  answer(questionId: string, value: string | number | boolean): ApplicationView {
    const view = this.view;
    if (view.step !== 'question' || !this.interview || questionId !== view.question.id) return view;
    const r = answer(this.interview, questionId, value, this.catalog);
    // An invalid answer: the same screen with the value as typed and its error; nothing moves.
    if (!r.ok) return this.show({ ...view, value, errors: [r.error] });
    this.interview = r.state;
    const next = view.fromReview ? nextQuestion(r.state, this.catalog) : questionAfter(r.state, questionId, this.catalog);
    return next ? this.showQuestion(next.id, view.fromReview) : this.showReview();
  }

  back(): ApplicationView {
    const view = this.view;
    switch (view.step) {
      case 'event':
        return this.showGuide();
      case 'identify':
        return this.eventId ? this.openEventAgain() : this.showGuide();
      case 'insert-card':
      case 'pin':
      case 'reading-card':
        this.generation++;
        return this.show({ step: 'identify' });
      case 'question': {
        if (!this.interview) return view;
        if (view.fromReview) return this.showReview();
        const prev = questionBefore(this.interview, view.question.id, this.catalog);
        if (prev) return this.showQuestion(prev.id, false);
        return this.show({ step: 'identify' });
      }
      case 'sign-choice':
        this.pending = null;
        return this.showReview();
      case 'sign-insert-card':
      case 'sign-password':
        this.generation++;
        return this.show({ step: 'sign-choice', canSign: true });
      case 'review': {
        const last = this.interview && lastQuestion(this.interview, this.catalog);
        return last ? this.showQuestion(last.id, false) : view;
      }
      case 'failed':
        // Before anything was queued a failure can simply start over; after, the receipt stays on screen.
        return view.receiptNumber === null ? this.showGuide() : view;
      default:
        return view;
    }
  }

  edit(questionId: string): ApplicationView {
    if (this.view.step !== 'review' || !this.interview) return this.view;
    const v = questionView(this.interview, questionId, true, this.catalog);
    return v ? this.show(v) : this.view;
  }

  /** From the review (card-identified): fix the payload and offer signing it with the card. */
  offerSignature(): ApplicationView {
    if (this.view.step !== 'review' || this.identifiedBy !== 'card') return this.view;
    const built = this.buildPending();
    if (!built.ok) return built.view;
    this.pending = built.pending;
    return this.show({ step: 'sign-choice', canSign: true });
  }

  /** From the e-signature choice: the card, then the signing password. */
  async sign(): Promise<ApplicationView> {
    if (this.view.step !== 'sign-choice' || !this.view.canSign || !this.pending) return this.view;
    return this.signing.begin();
  }

  submitSignPassword(password: string, confirmedLastTry: boolean): Promise<ApplicationView> {
    return this.signing.submitPassword(password, confirmedLastTry);
  }

  /**
   * Queues the application durably (unsigned), then prints its forms; the done view says whether
   * the back end has it yet. From the review, or from the e-signature choice (署名せずに送信する).
   */
  async submit(): Promise<ApplicationView> {
    if (this.view.step === 'sign-choice' && this.pending) return this.sendPending(null);
    if (this.view.step !== 'review') return this.view;
    const built = this.buildPending();
    if (!built.ok) return built.view;
    this.pending = built.pending;
    return this.sendPending(null);
  }

  private buildPending(): { ok: true; pending: PendingSubmission } | { ok: false; view: ApplicationView } {
    if (!this.interview) return { ok: false, view: this.view };
    const built = buildFilledForms(this.interview, this.catalog);
    if (!built.ok) {
      const missing = built.error.missing[0];
      return { ok: false, view: missing ? this.showQuestion(missing, true) : this.view };
    }
    const forms = built.forms;
    return {
      ok: true,
      pending: {
        ward: routeToWard(forms, this.deps.homeWard, this.postal),
        kind: this.interview.eventId ?? 'application',
        payload: { eventId: this.interview.eventId, kioskId: this.deps.kioskId, identifiedBy: this.identifiedBy, forms },
      },
    };
  }

  /** The canonical bytes of the pending payload; null when there is none or it has no canonical form. */
  private pendingBytes(): Buffer | null {
    if (!this.pending) return null;
    try {
      return signedBytesOf(this.pending.payload);
    } catch {
      return null;
    }
  }

  /** Queues the pending submission (with its signature, attached before it is queued: the outbox row is immutable), then prints. */
  private async sendPending(signature: ElectronicSignature | null): Promise<ApplicationView> {
    const pending = this.pending;
    if (!pending) return this.view;
    const gen = this.generation;
    const { ward, kind } = pending;
    const forms = pending.payload.forms;
    const payload: ApplicationPayload = signature ? { ...pending.payload, electronicSignature: signature } : pending.payload;
    const idempotencyKey = (this.idempotencyKey ??= randomUUID());
    this.show({ step: 'submitting' });
    let receiptNumber: string;
    try {
      ({ receiptNumber } = this.deps.submissions.enqueue({ ward, kind, idempotencyKey, payload }));
    } catch (err) {
      // Not stored: nothing may be printed or promised. The citizen goes to the counter.
      log.error({ err: errorCode(err) }, 'could not queue an application');
      this.deps.alertStaff({ code: 'application-not-queued', severity: 'error' });
      this.idempotencyKey = null;
      return this.show(this.failure('application.error.notSaved', null));
    }
    log.info({ receiptNumber, ward, forms: forms.length, eSigned: Boolean(signature) }, 'application queued');
    const waitMs = this.deps.acceptWaitMs ?? 3000;
    const outcome = this.deps.submissions.waitForOutcome(receiptNumber, waitMs);
    const printed = await printForms(this.deps, {
      forms,
      receiptNumber,
      ward,
      stillCurrent: () => gen === this.generation,
      onProgress: (formsDone, formsTotal) => {
        if (gen === this.generation) this.show({ step: 'printing', formsDone, formsTotal });
      },
    });
    let delivery = await outcome;
    // Printing may outlast the wait: ask once more, so an acknowledgement that came meanwhile is told.
    if (delivery === 'queued') delivery = await this.deps.submissions.waitForOutcome(receiptNumber, 0);
    if (gen !== this.generation) return this.view;
    if (!printed.ok) return this.show(this.failure('application.error.printFailed', receiptNumber));
    if (delivery === 'dead') return this.show(this.failure('application.error.refused', receiptNumber));
    return this.show({
      step: 'done',
      receiptNumber,
      delivery: delivery === 'delivered' ? 'accepted' : 'queued',
      printed: printed.printed,
      takeCard: Boolean(this.deps.card.currentReader()),
      eSigned: Boolean(signature),
    });
  }

  /**
   * On the done screen, what the counter needs to call this citizen without asking again: the
   * receipt number (the clerk opens the prepared forms with it) and the offices that receive the
   * forms, in the forms' order (the first decides the queue's service). Null on any other step.
   */
  counterHandOff(): { receiptNumber: string; offices: string[] } | null {
    if (this.view.step !== 'done' || !this.pending) return null;
    const offices = this.pending.payload.forms.flatMap((f) => this.catalog.forms.templates.get(f.templateId)?.office ?? []);
    return { receiptNumber: this.view.receiptNumber, offices: [...new Set(offices)] };
  }

  /** The journey's part of the session wipe: forget the card's facts, every answer and the receipt. */
  async wipe(reason?: EndReason): Promise<void> {
    this.generation++;
    // A card still in the reader is never read for the next session (see left-card-guard.ts).
    this.leftCard.noteSessionEnd(reason);
    this.eventId = null;
    this.included = [];
    this.interview = null;
    this.identifiedBy = 'manual';
    this.idempotencyKey = null;
    this.pending = null;
    this.show({ step: 'idle' });
  }

  /** Runtime stop: late card or printer answers no longer act (the journey holds no timers). */
  dispose(): void {
    this.generation++;
    if (this.ownsLeftCard) this.leftCard.dispose();
  }

  private startInterview(facts: CardFacts | null, by: 'card' | 'manual'): ApplicationView {
    if (!this.eventId) return this.showGuide();
    const plan = planInterview({ eventId: this.eventId, include: this.included }, facts, this.planOptions());
    if (!plan.ok) return this.show(this.failure('application.error.nothingToFill', null));
    let state = plan.state;
    // Coming back through 本人確認: answers already given are kept where they still apply.
    for (const [id, value] of Object.entries(this.interview?.answers ?? {})) {
      const r = answer(state, id, value, this.catalog);
      if (r.ok) state = r.state;
    }
    this.interview = state;
    this.identifiedBy = by;
    const first = currentQuestions(state, this.catalog)[0];
    return first ? this.showQuestion(first.id, false) : this.showReview();
  }

  private planOptions(): { today?: string; catalog: ApplicationsCatalog } {
    return { catalog: this.catalog, ...(this.deps.today ? { today: this.deps.today() } : {}) };
  }

  private showGuide(): ApplicationView {
    return this.show({
      step: 'guide',
      events: this.catalog.guide.events.map((ev) => ({
        id: ev.id,
        title: ev.title,
        ...(ev.group ? { group: ev.group } : {}),
        kioskProcedures: ev.procedures.filter((r) => this.catalog.guide.procedures.get(r.id)?.kioskCanDo).length,
      })),
    });
  }

  private openEventAgain(): ApplicationView {
    const event = this.eventId ? guideEventView(this.catalog.guide, this.eventId) : null;
    return event ? this.show({ step: 'event', event, included: [...this.included] }) : this.showGuide();
  }

  private showQuestion(questionId: string, fromReview: boolean): ApplicationView {
    const v = this.interview && questionView(this.interview, questionId, fromReview, this.catalog);
    return v ? this.show(v) : this.showReview();
  }

  private showReview(): ApplicationView {
    if (!this.interview) return this.showGuide();
    const forms = review(this.interview, this.catalog);
    return this.show(this.identifiedBy === 'card' ? { step: 'review', forms, canSign: true } : { step: 'review', forms });
  }

  private failure(messageKey: string, receiptNumber: string | null): FailedView {
    return { step: 'failed', messageKey, receiptNumber, takeCard: Boolean(this.deps.card.currentReader()) };
  }

  private show(view: ApplicationView): ApplicationView {
    this.view = view;
    this.deps.onView(view);
    return view;
  }
}
