/**
 * Prints a queue ticket on the A4 printer (a slip printer takes this over later). A convenience
 * beside the number on screen: any trouble (printer not ready, render or print failure, out of
 * time) gives false, and the screen asks the citizen to note the number.
 */
import type { QueueTicket } from '../../contract/queue-desk';
import type { Printer } from '../../devices/printer/printer';
import type { Clock } from '../../platform/clock';
import { createLogger, errorCode } from '../../platform/log';
import { renderQueueTicket } from '../documents/queue-ticket/queue-ticket';

const log = createLogger('queue-ticket');

/** Prints the ticket; true when the printer confirmed it came out. Never throws. */
export type QueueTicketPrinter = (ticket: QueueTicket) => Promise<boolean>;

export function createQueueTicketPrinter(deps: {
  printer: Pick<Printer, 'health' | 'print'>;
  /** As printed (北九州市 小倉北区役所). */
  office: string;
  clock: Pick<Clock, 'now'>;
  /** Longest wait for the job (default 30 s). */
  timeoutMs?: number;
}): QueueTicketPrinter {
  return async (ticket) => {
    try {
      const health = await deps.printer.health().catch(() => null);
      if (!health?.ready) {
        log.warn({ why: 'printer-not-ready' }, 'queue ticket not printed');
        return false;
      }
      const pdf = await renderQueueTicket({
        number: ticket.number,
        serviceJa: ticket.nameJa,
        counters: ticket.counters,
        ahead: ticket.ahead,
        estimatedWaitMinutes: ticket.estimatedWaitMinutes,
        statusUrl: ticket.statusUrl,
        receiptNumber: ticket.receiptNumber,
        timing: ticket.timing,
        issuedAt: new Date(deps.clock.now()),
        office: deps.office,
      });
      const result = await deps.printer.print(pdf, {
        jobName: `queue-ticket-${ticket.number}`,
        copies: 1,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
      });
      if (result.outcome !== 'completed') log.warn({ why: `job-${result.outcome}` }, 'queue ticket not printed');
      return result.outcome === 'completed';
    } catch (err) {
      log.warn({ why: errorCode(err) }, 'queue ticket not printed');
      return false;
    }
  };
}
