/**
 * The applications' durable delivery: the Outbox (one queue per destination ward) drained by the
 * Dispatcher over mutual TLS to `<origin>/wards/<ward>/v1/submissions`, plus a small probe that
 * tells the dispatcher when a ward's back end answers again, so a backlog goes out at once
 * instead of waiting out its backoff. Dead letters raise a staff alert.
 */
import { systemClock, type Clock } from '../../platform/clock';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { wardBasePath, type WardId } from '../../contract/ward-api';
import { createLogger, errorCode } from '../../platform/log';
import type { StaffAlert } from '../staff/staff-alert';
import type { KioskConfig } from '../config/config-schema';
import { resolveProjectPath } from '../config/project-paths';
import { createHttpSender, Dispatcher, FileKeyProvider, Outbox, type DeadLetterAlert, type KeyProvider } from '../outbox';
import type { SubmissionQueue } from './application-deps';
import { outboxPaths, receiptPrefix } from './outbox-paths';

const log = createLogger('application-submissions');

/** Opens (or creates) the outbox; throws the outbox's typed errors (corrupt, locked, wrong key). Never resets it. */
export function openApplicationOutbox(config: KioskConfig, keyProvider?: KeyProvider, clock: Clock = systemClock): Outbox {
  const paths = outboxPaths(config);
  return Outbox.open({
    now: () => clock.now(),
    path: paths.database,
    keyProvider: keyProvider ?? new FileKeyProvider(paths.keyFile),
    receiptPrefix: receiptPrefix(config),
  });
}

export interface SubmissionDeliveryOptions {
  config: KioskConfig;
  outbox: Outbox;
  /** The back end's origin (`https://host:port`), read at each dispatch. */
  origin: () => string;
  alertStaff: (alert: StaffAlert) => void;
  /** Told of each dead letter after staff are alerted (audit, metrics). */
  onDeadLetter?: (letter: DeadLetterAlert) => void;
  /** How often a ward whose last send failed is probed (ms). Default 2000. */
  probeIntervalMs?: number;
  /** The kiosk's clock (the outbox's too, so backoff and due times agree). */
  clock?: Clock;
}

export interface SubmissionDelivery extends SubmissionQueue {
  readonly dispatcher: Dispatcher;
  /** Stops sending and probing and waits for sends in flight; does not close the outbox. */
  stop(): Promise<void>;
}

export function startSubmissionDelivery(options: SubmissionDeliveryOptions): SubmissionDelivery {
  const { config, outbox } = options;
  const read = (file: string) => readFileSync(resolveProjectPath(file), 'utf8');
  const tls = config.backend.tls;
  const agent = new Agent({ cert: read(tls.certFile), key: read(tls.keyFile), ca: read(tls.caFile), keepAlive: true, minVersion: 'TLSv1.3' });
  const wardUrl = (ward: string) => `${options.origin().replace(/\/$/, '')}${wardBasePath(ward as WardId)}`;
  const dispatcher = new Dispatcher({
    outbox,
    sender: createHttpSender({ baseUrlFor: wardUrl, requestOptions: { agent }, timeoutMs: 10_000 }),
    onDeadLetter: (a) => {
      options.alertStaff({ code: `application-dead-letter-${a.code}`.slice(0, 80), severity: 'error', reference: a.receiptNumber });
      options.onDeadLetter?.(a);
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  dispatcher.start();

  // Wards the probe itself found unreachable. Only a ward seen down and then up again is retried
  // at once: a back end that answers its health check but fails submissions (5xx) keeps its backoff.
  const seenDown = new Set<string>();
  let probing = false;
  const probe = async () => {
    if (probing) return;
    probing = true;
    try {
      for (const [ward, s] of Object.entries(dispatcher.status())) {
        if (s.consecutiveFailures === 0 || s.inFlight > 0) {
          seenDown.delete(ward);
          continue;
        }
        const up = await healthy(`${wardUrl(ward)}/v1/health`, agent);
        if (!up) seenDown.add(ward);
        else if (seenDown.delete(ward)) {
          log.info({ ward }, 'ward back end reachable again');
          dispatcher.notifyReachable(ward);
        }
      }
    } catch (err) {
      // From a timer nobody awaits: a store error here must not become an uncaught rejection.
      log.error({ err: errorCode(err) }, 'back end probe failed');
    } finally {
      probing = false;
    }
  };
  const timer = setInterval(() => void probe(), options.probeIntervalMs ?? 2000);
  timer.unref();

  return {
    dispatcher,
    enqueue: ({ ward, kind, idempotencyKey, payload }) => outbox.enqueue({ destination: ward, kind, idempotencyKey, payload }),
    waitForOutcome: (receiptNumber, waitMs) => dispatcher.waitForOutcome(receiptNumber, waitMs),
    stop: async () => {
      clearInterval(timer);
      await dispatcher.stop();
      agent.destroy();
    },
  };
}

/** One GET with a short timeout; true on 2xx. */
function healthy(url: string, agent: Agent): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent, method: 'GET', timeout: 3000 }, (res) => {
      res.resume();
      res.on('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
