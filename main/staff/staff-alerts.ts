/**
 * Alerts for ward staff (paper out, refund voucher, a certificate sent to the counter…), each with
 * a code and a reference (serial, voucher, receipt number), never personal data. Staff acknowledge
 * an alert on the console: it stays listed (marked) until it ages out, so the day's history is visible.
 *
 * With a store (the journal's, main/journal/staff-alert-store.ts) every alert and acknowledgement
 * is written through before `raise`/`ack` return, so they survive a restart or a crash; the list is
 * served from memory (it still answers after the journal closed at shutdown). An alert the store
 * cannot take is kept in memory, logged as an error, and written again with its own id on the next
 * raise: an alert is never lost silently, and `raise` never throws into the caller's money path.
 * Without a store (tests, tools) alerts live in memory only.
 */
import { createLogger, errorCode } from '../../platform/log';
import type { AlertPruning, StaffAlertStore, StoredAlert } from '../journal/staff-alert-store';
import type { StaffAlert } from './staff-alert';

const log = createLogger('staff-alerts');
/** Memory-only mode: how many alerts are kept (acknowledged ones are dropped first). */
const MEMORY_KEEP = 200;

export type RecordedAlert = StaffAlert & {
  /** Kiosk-unique id (never reused while the journal keeps its numbering). */
  id: number;
  /** Raised at, ISO 8601. */
  at: string;
  /** Acknowledged at, ISO 8601, once staff did. */
  ackedAt?: string;
};

export interface StaffAlertsOptions {
  /** The durable store; absent or null: memory only. */
  store?: Pick<StaffAlertStore, 'list' | 'insert' | 'ack' | 'prune' | 'lastId'> | null;
  /** Clock (tests). */
  now?: () => Date;
  /** Pruning of acknowledged alerts (default: 30 days, 500 acknowledged). */
  pruning?: AlertPruning;
  /** Told of every alert raised (the metrics count them); a listener that throws is ignored. */
  onRaise?: (alert: StaffAlert) => void;
}

function fromStored(a: StoredAlert): RecordedAlert {
  return {
    id: a.id,
    code: a.code,
    severity: a.severity,
    ...(a.reference !== undefined ? { reference: a.reference } : {}),
    at: new Date(a.raisedAt).toISOString(),
    ...(a.ackedAt !== undefined ? { ackedAt: new Date(a.ackedAt).toISOString() } : {}),
  };
}

export class StaffAlerts {
  private alerts: RecordedAlert[] = [];
  /** Ids of alerts only in memory (the store refused them); written again on the next raise. */
  private readonly unsaved = new Set<number>();
  private readonly store: StaffAlertsOptions['store'];
  private readonly now: () => Date;
  private readonly pruning: AlertPruning | undefined;
  private readonly onRaise: ((alert: StaffAlert) => void) | undefined;
  private nextId = 1;

  constructor(options: StaffAlertsOptions = {}) {
    this.store = options.store ?? null;
    this.now = options.now ?? (() => new Date());
    this.pruning = options.pruning;
    this.onRaise = options.onRaise;
    if (!this.store) return;
    try {
      this.store.prune(this.now().getTime(), ...(this.pruning ? [this.pruning] : []));
      this.alerts = this.store.list().map(fromStored);
      this.nextId = Math.max(this.store.lastId(), ...this.alerts.map((a) => a.id)) + 1;
      log.info({ kept: this.alerts.length, unacknowledged: this.unacknowledged().length }, 'staff alerts loaded');
    } catch (err) {
      // The journal opened (or the runtime would not start); a read failing here is shown as an alert.
      log.error({ err: errorCode(err) }, 'staff alerts could not be loaded');
    }
  }

  /** Records an alert (durable when a store is given and takes it), logs it, returns it. Never throws. */
  raise(alert: StaffAlert): RecordedAlert {
    const now = this.now();
    const recorded: RecordedAlert = { ...alert, id: this.nextId++, at: now.toISOString() };
    this.alerts.push(recorded);
    log[alert.severity === 'error' ? 'error' : alert.severity === 'warning' ? 'warn' : 'info'](
      { alert: alert.code, reference: alert.reference, id: recorded.id },
      'staff alert',
    );
    try {
      this.onRaise?.(alert);
    } catch (err) {
      log.warn({ err: errorCode(err) }, 'staff alert listener failed');
    }
    if (this.store) {
      this.unsaved.add(recorded.id);
      this.flush();
      this.prune(now.getTime());
    } else if (this.alerts.length > MEMORY_KEEP) {
      const i = this.alerts.findIndex((a) => a.ackedAt !== undefined);
      this.alerts.splice(i >= 0 ? i : 0, 1);
    }
    return recorded;
  }

  /** Oldest first. */
  list(): readonly RecordedAlert[] {
    return this.alerts;
  }

  /** Alerts not acknowledged yet. */
  unacknowledged(): RecordedAlert[] {
    return this.alerts.filter((a) => a.ackedAt === undefined);
  }

  /** Alerts the store could not take yet (0 in memory-only mode or when all are durable). */
  unsavedCount(): number {
    return this.unsaved.size;
  }

  /** Marks one alert acknowledged; false when there is no such alert (aged out or never raised). */
  ack(id: number): boolean {
    const alert = this.alerts.find((a) => a.id === id);
    if (!alert) return false;
    if (alert.ackedAt === undefined) {
      const at = this.now();
      alert.ackedAt = at.toISOString();
      log.info({ alert: alert.code, id }, 'staff alert acknowledged');
      if (this.store && !this.unsaved.has(id)) {
        try {
          this.store.ack(id, at.getTime());
        } catch (err) {
          // Shown acknowledged now; after a restart it shows again unacknowledged (the safe side).
          log.error({ err: errorCode(err), id }, 'staff alert acknowledgement not stored');
        }
      }
    }
    return true;
  }

  /** Writes every memory-only alert (oldest first, under its own id); stops at the first failure. */
  private flush(): void {
    for (const id of [...this.unsaved].sort((a, b) => a - b)) {
      const a = this.alerts.find((x) => x.id === id);
      if (!a) {
        this.unsaved.delete(id);
        continue;
      }
      try {
        // Cut to the store's limits (the console shows 64 anyway), so one odd alert never blocks the rest.
        const stored = {
          id,
          code: a.code.slice(0, 80) || 'unknown',
          severity: a.severity,
          ...(a.reference !== undefined ? { reference: a.reference.slice(0, 80) } : {}),
        };
        this.store!.insert(stored, Date.parse(a.at));
        if (a.ackedAt !== undefined) this.store!.ack(id, Date.parse(a.ackedAt));
        this.unsaved.delete(id);
      } catch (err) {
        log.error({ err: errorCode(err), alert: a.code, id, unsaved: this.unsaved.size }, 'staff alert not stored; kept in memory');
        return;
      }
    }
  }

  /** Applies the store's pruning and drops the same alerts from memory. */
  private prune(now: number): void {
    try {
      const gone = new Set(this.store!.prune(now, ...(this.pruning ? [this.pruning] : [])));
      if (gone.size > 0) this.alerts = this.alerts.filter((a) => !gone.has(a.id));
    } catch (err) {
      log.error({ err: errorCode(err) }, 'staff alert pruning failed');
    }
  }
}
