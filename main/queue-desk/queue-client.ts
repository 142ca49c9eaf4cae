/**
 * The kiosk's client of the ward queue service (queue/openapi.yaml): HTTPS with mutual TLS (the
 * kiosk's client certificate, as for the ward back end), every request bounded by a deadline,
 * every answer validated with the shared schemas in contract/queue-api.ts.
 *
 * Every failure is a `QueueClientError`: `unreachable` (down, refused, stalled, out of time),
 * `invalid-response` (a body that breaks the contract), or the service's own refusal code
 * (`reservation-not-found`, `check-in-too-early` …). The desk never turns a failure into a number.
 */
import { Agent } from 'node:https';
import type { z } from 'zod';
import { checkInResponseSchema, estimatesResponseSchema, publicTicketStatusSchema } from '../../contract/queue-api';
import { apiErrorSchema, type WardId } from '../../contract/ward-api';
import { JsonRequestError, requestJson } from '../../platform/http/json-request';

export class QueueClientError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
  ) {
    super(code);
    this.name = 'QueueClientError';
  }
}

export interface QueueClientOptions {
  /** The kiosk's client certificate and key, and the CA of the service's server certificate (PEM). */
  tls: { certPem: string; keyPem: string; caPem: string };
  /** Longest a request may take, answer included (default 5 s: a citizen stands at the screen). */
  deadlineMs?: number;
}

const MAX_RESPONSE_BYTES = 256 * 1024;
const DEFAULT_DEADLINE_MS = 5_000;

export class QueueClient {
  private readonly agent: Agent;
  private readonly deadlineMs: number;

  constructor(
    private readonly origin: string,
    options: QueueClientOptions,
  ) {
    const { tls } = options;
    this.agent = new Agent({ cert: tls.certPem, key: tls.keyPem, ca: tls.caPem, keepAlive: true, minVersion: 'TLSv1.3' });
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  }

  /** Current wait per service of the ward (the home screen). */
  async estimates(ward: WardId) {
    return (await this.call('GET', `/v1/wards/${ward}/estimates`, estimatesResponseSchema)).services;
  }

  /** The ward's next number for `service`; `receipt` ties a 書かない application's forms to it. */
  takeTicket(ward: WardId, body: { service: string; receipt?: string }) {
    return this.call('POST', `/v1/wards/${ward}/tickets`, publicTicketStatusSchema, body);
  }

  /** Checks a reservation in by its 8-digit code; the service places it by the ward's rule. */
  checkIn(ward: WardId, code: string) {
    return this.call('POST', `/v1/wards/${ward}/reservations/check-in`, checkInResponseSchema, { code });
  }

  close(): void {
    this.agent.destroy();
  }

  private async call<S extends z.ZodTypeAny>(method: 'GET' | 'POST', path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    let answer;
    try {
      answer = await requestJson({
        agent: this.agent,
        url: new URL(path, this.origin),
        method,
        body,
        idleTimeoutMs: this.deadlineMs,
        deadlineMs: this.deadlineMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      });
    } catch (err) {
      if (err instanceof JsonRequestError)
        throw new QueueClientError(err.code === 'invalid-response' && (err.status ?? 0) >= 500 ? 'unreachable' : err.code, err.status);
      throw new QueueClientError('unreachable', null);
    }
    const { status, json } = answer;
    if (status < 200 || status >= 300) {
      const refusal = apiErrorSchema.safeParse(json);
      // A 5xx is the service failing, not refusing: the citizen goes to the reception desk.
      throw new QueueClientError(status >= 500 ? 'unreachable' : refusal.success ? refusal.data.code : 'invalid-response', status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new QueueClientError('invalid-response', status);
    return parsed.data;
  }
}
