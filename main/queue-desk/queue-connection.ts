/**
 * Connects the kiosk to its ward queue service at `queue.url` over mutual TLS, or to nothing: a
 * kiosk without a queue (`queue` absent or null) shows no waits and offers no tickets. As with the
 * back end, the kiosk never runs the service itself; `embedded` is the demo entry's to honour
 * (demo/demo-queue.ts), and a kiosk handed an unhonoured `embedded` runs without a queue.
 */
import { readFileSync } from 'node:fs';
import type { KioskConfig } from '../config/config-schema';
import { resolveProjectPath } from '../config/project-paths';
import { createLogger } from '../../platform/log';
import { QueueClient } from './queue-client';

const log = createLogger('queue-desk');

export type QueueSettings = NonNullable<KioskConfig['queue']>;

/** The client of the configured queue service, or null when the kiosk has none. */
export function connectQueue(config: KioskConfig): QueueClient | null {
  const queue = config.queue;
  if (!queue) return null;
  if (queue.mode === 'embedded') {
    log.warn({}, 'queue.mode is "embedded" but no demo entry started it: the kiosk runs without tickets');
    return null;
  }
  const read = (file: string) => readFileSync(resolveProjectPath(file), 'utf8');
  const tls = { certPem: read(queue.tls.certFile), keyPem: read(queue.tls.keyFile), caPem: read(queue.tls.caFile) };
  return new QueueClient(queue.url.replace(/\/$/, ''), { tls, deadlineMs: queue.timeoutMs });
}

/** The citizen's wait-status page for a ticket (the ticket's QR). */
export function statusPageUrl(queue: QueueSettings, ticketId: string): string {
  const template = queue.statusPageUrl ?? `${queue.url.replace(/\/$/, '')}/wait/{id}`;
  return template.replace('{id}', encodeURIComponent(ticketId));
}
