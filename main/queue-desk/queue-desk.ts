/**
 * The kiosk as the ward queue's ticket machine and check-in point (待たない). It asks the queue
 * service for the waits per service on the kiosk clock (every `refreshSec`) and pushes them to the
 * home screen; it takes tickets (a walk-in's, a 書かない application's with its receipt number, a
 * reservation's check-in) and prints them on the A4 printer.
 *
 * No number is ever invented: any failure to get one (service down, out of time, an answer out of
 * contract) is `unavailable`, and the screen sends the citizen to the reception desk (受付). A
 * ticket that came but did not print is still shown, so its number is not lost.
 */
import type { QueueDeskState, QueueTicket, QueueTicketOutcome, QueueWait } from '../../contract/queue-desk';
import { checkInRefusalSchema } from '../../contract/queue-desk';
import type { PublicTicketStatus, ServiceEstimateBody } from '../../contract/queue-api';
import type { WardId } from '../../contract/ward-api';
import type { Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { qrPath } from '../documents/pdf-kit/qr';
import type { QueueClient } from './queue-client';
import { statusPageUrl, type QueueSettings } from './queue-connection';
import type { QueueTicketPrinter } from './queue-ticket-printer';

const log = createLogger('queue-desk');

export interface QueueDeskDeps {
  /** Null: this kiosk has no queue service. */
  client: QueueClient | null;
  settings: QueueSettings | null;
  ward: WardId;
  clock: Clock;
  printTicket: QueueTicketPrinter;
  /** The 書かない application on its done screen: its receipt number and the offices of its forms. */
  applicationHandOff: () => { receiptNumber: string; offices: string[] } | null;
  onChange: (state: QueueDeskState) => void;
}

export class QueueDesk {
  private state: QueueDeskState;
  private estimates: ServiceEstimateBody[] | null = null;
  private timer: unknown = null;
  private stopped = false;

  constructor(private readonly deps: QueueDeskDeps) {
    this.state = { enabled: deps.client !== null, waits: null };
  }

  current(): QueueDeskState {
    return this.state;
  }

  /** Asks for the waits now, then every `refreshSec` on the kiosk clock until `stop()`. */
  async start(): Promise<void> {
    if (!this.deps.client || !this.deps.settings) return;
    await this.refresh();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
    this.deps.client?.close();
  }

  /** Asks the queue for the waits; a failure shows as "no waits known" (null), never as old numbers. */
  async refresh(): Promise<QueueDeskState> {
    const client = this.deps.client;
    if (!client) return this.state;
    try {
      this.estimates = await client.estimates(this.deps.ward);
    } catch (err) {
      log.warn({ code: errorCode(err) }, 'queue waits not available');
      this.estimates = null;
    }
    return this.publish();
  }

  takeTicket(service: string): Promise<QueueTicketOutcome> {
    return this.issue({ service }, (client) => client.takeTicket(this.deps.ward, { service }).then((t) => ({ status: t, timing: null })));
  }

  /** 「このまま窓口へ」: a ticket for the application's service that carries its receipt number. */
  takeApplicationTicket(): Promise<QueueTicketOutcome> {
    const handOff = this.deps.applicationHandOff();
    const officeServices = this.deps.settings?.officeServices ?? {};
    const service = handOff?.offices.map((o) => officeServices[o]).find((s) => s !== undefined);
    if (!handOff || !service) {
      log.warn({ handOff: handOff !== null }, 'no queue service for this application');
      return Promise.resolve({ outcome: 'unavailable' });
    }
    const { receiptNumber } = handOff;
    return this.issue({ service, receiptNumber }, (client) =>
      client.takeTicket(this.deps.ward, { service, receipt: receiptNumber }).then((t) => ({ status: t, timing: null })),
    );
  }

  /** A reservation's check-in by its number: the queue places it early / on time / late by the ward's rule. */
  checkIn(code: string): Promise<QueueTicketOutcome> {
    return this.issue({}, (client) => client.checkIn(this.deps.ward, code).then((r) => ({ status: r.ticket, timing: r.timing })));
  }

  // ---- inside ----

  private async issue(
    known: { service?: string; receiptNumber?: string },
    take: (client: QueueClient) => Promise<{ status: PublicTicketStatus; timing: QueueTicket['timing'] }>,
  ): Promise<QueueTicketOutcome> {
    const { client, settings } = this.deps;
    if (!client || !settings) return { outcome: 'unavailable' };
    let taken: { status: PublicTicketStatus; timing: QueueTicket['timing'] };
    try {
      taken = await take(client);
    } catch (err) {
      const refusal = checkInRefusalSchema.safeParse((err as { code?: unknown }).code);
      if (refusal.success) return { outcome: 'refused', code: refusal.data };
      log.warn({ code: errorCode(err), service: known.service }, 'no ticket: the queue service did not give one');
      return { outcome: 'unavailable' };
    }
    const { status, timing } = taken;
    // The wait list is a moment old: the service's names and counters are asked again only if missing.
    const estimate = (this.estimates ?? (await this.refresh().then(() => this.estimates)))?.find((e) => e.service === status.service);
    const statusUrl = statusPageUrl(settings, status.id);
    const ticket: QueueTicket = {
      number: status.number,
      service: status.service,
      nameJa: estimate?.nameJa ?? status.service,
      counters: estimate?.counterLabelsJa ?? [],
      ahead: status.ahead,
      estimatedWaitMinutes: status.estimatedWaitMinutes,
      statusUrl,
      qrSvgPath: qrPath(statusUrl, 0, 0, 100).op.d,
      receiptNumber: known.receiptNumber ?? null,
      timing,
      printed: false,
    };
    log.info({ number: ticket.number, service: ticket.service, withReceipt: ticket.receiptNumber !== null, timing }, 'queue ticket taken');
    ticket.printed = await this.deps.printTicket(ticket);
    void this.refresh();
    return { outcome: 'ticket', ticket };
  }

  private publish(): QueueDeskState {
    const waits: QueueWait[] | null =
      this.estimates?.map((e) => ({ service: e.service, nameJa: e.nameJa, waiting: e.waiting, estimatedWaitMinutes: e.estimatedWaitMinutes })) ?? null;
    this.state = { enabled: this.deps.client !== null, waits };
    if (!this.stopped) this.deps.onChange(this.state);
    return this.state;
  }

  private schedule(): void {
    if (this.stopped || !this.deps.settings) return;
    this.timer = this.deps.clock.setTimeout(() => {
      void this.refresh().finally(() => this.schedule());
    }, this.deps.settings.refreshSec * 1000);
  }
}
