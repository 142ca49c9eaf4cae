/**
 * What the applications (書かない窓口) journey needs from the rest of the kiosk, as narrow
 * interfaces so it runs with the real simulators in tests and any piece can be swapped.
 */
import type { FilledForm } from '../../contract/applications';
import type { ApplicationView } from '../../contract/application-journey';
import type { ElectronicSignature } from '../../contract/submission-signature';
import type { WardId } from '../../contract/ward-api';
import type { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import type { Printer } from '../../devices/printer/printer';
import type { ApplicationsCatalog } from '../applications/catalog';
import type { PostalDirectory } from '../applications/postal-lookup';
import type { StaffAlert } from '../staff/staff-alert';
import type { LeftCardGuard } from '../card-slot/left-card-guard';

/** The durable submission queue as the journey sees it (the Outbox + Dispatcher behind it). */
export interface SubmissionQueue {
  /**
   * Stores the submission durably (committed and fsync'd) in the destination ward's queue and
   * returns its receipt number; reusing `idempotencyKey` returns the first receipt. Throws if the
   * store cannot take it (then nothing may be printed).
   */
  enqueue(input: { ward: WardId; kind: string; idempotencyKey: string; payload: ApplicationPayload }): { receiptNumber: string };
  /** Waits up to `waitMs` for the back end's answer: delivered, still queued, or refused for good (dead letter). */
  waitForOutcome(receiptNumber: string, waitMs: number): Promise<'delivered' | 'queued' | 'dead'>;
}

/** What is sent to the ward back end: every filled form of one application, and where it came from. */
export type ApplicationPayload = {
  /** The guide's life event, or null. */
  eventId: string | null;
  /** The kiosk that took it. */
  kioskId: string;
  /** 'card' when the basic four came from the card's 券面事項入力補助AP, else 'manual'. */
  identifiedBy: 'card' | 'manual';
  forms: FilledForm[];
  /**
   * The card's signature over the canonical bytes of this payload without this member
   * (contract/submission-signature.ts); absent when sent unsigned.
   */
  electronicSignature?: ElectronicSignature;
};

/**
 * Renders one filled form with the receipt number and its QR; throws rather than return a partial
 * PDF. `ward`, where the application was sent, goes into the QR so the clerk's look-up asks only it.
 */
export type FormRenderer = (form: FilledForm, receiptNumber: string, ward?: WardId) => Promise<Buffer>;

export interface ApplicationDeps {
  card: MyNumberCardClient;
  printer: Printer;
  submissions: SubmissionQueue;
  renderForm: FormRenderer;
  /** The kiosk's own ward: where a submission goes when no address names a ward of the city. */
  homeWard: WardId;
  kioskId: string;
  /** Receives every new view (the event hub's `application.changed`). */
  onView: (view: ApplicationView) => void;
  alertStaff: (alert: StaffAlert) => void;
  /** Guide and form templates; default the demo content's catalog. */
  catalog?: ApplicationsCatalog;
  /** The postal codes the citizen's 〒 is looked up in; default the demo content's. */
  postal?: PostalDirectory;
  /** How long the citizen waits for the back end's acknowledgement before「通信が回復したら…」. Default 3000 ms. */
  acceptWaitMs?: number;
  /**
   * Remembers a card left in the reader at a wipe so the next session never reads it; the kiosk
   * shares one between its journeys. Default: the journey's own, on `card`.
   */
  leftCard?: LeftCardGuard;
  /** The filling date (ISO, Japan); default today. Tests fix it. */
  today?: () => string;
}
