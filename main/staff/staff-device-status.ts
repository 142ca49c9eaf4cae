/**
 * Device tiles of the staff overview, read from the narrow device interfaces. Each read is
 * total: a device that does not answer becomes `unknown`/`unreachable`, never an error, so
 * one broken device never hides the others.
 */
import type { StaffOverview } from '../../contract/staff-console';
import type { CardReaderInfo } from '../../devices/card/card-reader-manager';
import type { CashUnitStatus } from '../../devices/payment/cash/cash-unit';
import type { PrinterHealth } from '../../devices/printer/printer';

/** What the overview needs from the card readers. */
export interface StaffCardReaders {
  listReaders(): readonly CardReaderInfo[];
}

/** What the overview needs from the printer. */
export interface StaffPrinter {
  health(options?: { signal?: AbortSignal }): Promise<PrinterHealth>;
}

/** What the overview needs from the cash unit (`status` throws `busy` while it takes money). */
export interface StaffCashUnit {
  readonly connected: boolean;
  readonly busy: boolean;
  status(): Promise<CashUnitStatus>;
  inventory(): Promise<{ denomination: number; count: number }[]>;
}

const READ_TIMEOUT_MS = 3000;

export function cardTile(readers: StaffCardReaders): StaffOverview['card'] {
  const list = readers.listReaders();
  return { readerPresent: list.length > 0, cardPresent: list.some((r) => r.cardPresent), readers: list.length };
}

export async function printerTile(printer: StaffPrinter): Promise<StaffOverview['printer']> {
  const health = await printer.health({ signal: AbortSignal.timeout(READ_TIMEOUT_MS) }).catch((): PrinterHealth => ({
    ready: false,
    state: 'unreachable',
    reasons: ['offline'],
    citizenMessageKey: 'printer.offline',
    conditions: [],
    staffAlerts: [],
    queuedJobs: null,
  }));
  return {
    state: health.state,
    ready: health.ready,
    stateReasons: health.conditions.map((c) => c.keyword).filter((k) => k !== 'none'),
    reasons: health.ready ? [...new Set(health.conditions.flatMap((c) => (c.reason ? [c.reason] : [])))] : [...health.reasons],
    queuedJobs: health.queuedJobs,
  };
}

export async function cashTile(cash: StaffCashUnit | null): Promise<StaffOverview['cash']> {
  const none = { deviceState: null, faults: [], levels: null };
  if (!cash) return { state: 'unknown', ...none };
  if (!cash.connected) return { state: 'disconnected', ...none };
  if (cash.busy) return { state: 'busy', ...none };
  try {
    const status = await withTimeout(cash.status());
    const levels = await withTimeout(cash.inventory()).catch(() => null);
    return {
      state: status.faults.length > 0 || status.state === 'fault' ? 'fault' : 'ok',
      deviceState: status.state,
      faults: [...status.faults],
      levels: levels ? levels.map((l) => ({ denomination: l.denomination, count: l.count })) : null,
    };
  } catch {
    // Busy (a payment started between the check and the read), disconnected or silent.
    return { state: cash.busy ? 'busy' : 'unknown', ...none };
  }
}

/** `p`, or a rejection after `ms` (a device read, a scrape). */
export function withTimeout<T>(p: Promise<T>, ms: number = READ_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error('failed'));
      },
    );
  });
}
