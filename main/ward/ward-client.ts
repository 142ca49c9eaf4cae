/**
 * The kiosk's client of the ward back end: HTTPS with mutual TLS (the kiosk's client
 * certificate), JSON bodies validated with the shared wire schemas in `contract/ward-api.ts`.
 *
 * Every failure becomes a `WardApiError` with a code the journey maps to a citizen message:
 * `unreachable` (down, refused, timed out), `http-<status>` with the back end's own code, or
 * `invalid-response` when a body breaks the contract.
 */
import { Agent } from 'node:https';
import type { z } from 'zod';
import {
  apiErrorSchema,
  certificateOptionsResponseSchema,
  faultAppliedSchema,
  healthResponseSchema,
  issuanceStatusResponseSchema,
  issueCertificateResponseSchema,
  logoutResponseSchema,
  nonceResponseSchema,
  verifyResponseSchema,
  wardBasePath,
  type FaultRequest,
  type IssueCertificateRequest,
  type VerifyRequest,
  type VoidRequest,
  type WardId,
} from '../../contract/ward-api';
import { JsonRequestError, requestJson } from '../../platform/http/json-request';
import { createLogger, errorCode } from '../../platform/log';

const log = createLogger('ward-client');

/** The longest a logout at the session wipe may take; the wipe itself never waits for it. */
export const LOGOUT_DEADLINE_MS = 3_000;

export interface WardClientTls {
  certPem: string;
  keyPem: string;
  /** The CA that signed the back end's server certificate. */
  caPem: string;
}

export class WardApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number | null,
  ) {
    super(code);
    this.name = 'WardApiError';
  }
}

const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

export class WardClient {
  private readonly agent: Agent;
  /** Session tokens this client obtained and has not logged out yet, with the ward that holds each. */
  private readonly heldSessions = new Map<string, WardId>();

  constructor(
    private readonly origin: string,
    tls: WardClientTls,
    private readonly timeoutMs = 10_000,
  ) {
    this.agent = new Agent({ cert: tls.certPem, key: tls.keyPem, ca: tls.caPem, keepAlive: true, minVersion: 'TLSv1.3' });
  }

  /** The back end's health check (staff console: is the back end reachable?). */
  health(ward: WardId) {
    return this.call(ward, 'GET', '/v1/health', healthResponseSchema, undefined);
  }

  nonce(ward: WardId) {
    return this.call(ward, 'POST', '/v1/auth/nonce', nonceResponseSchema, {});
  }

  async verify(ward: WardId, body: VerifyRequest) {
    const session = await this.call(ward, 'POST', '/v1/auth/verify', verifyResponseSchema, body);
    this.heldSessions.set(session.sessionToken, session.ward);
    return session;
  }

  /**
   * The session wipe's logout: ends at the back end every session this client logged in since the
   * last wipe, so a token does not outlive the citizen's session. Forgets them at once; each logout
   * is bounded by `deadlineMs` and a failure is only logged (the token still dies at its TTL).
   * Never rejects; the wipe does not await it.
   */
  async endSessions(deadlineMs = LOGOUT_DEADLINE_MS): Promise<void> {
    const held = [...this.heldSessions];
    this.heldSessions.clear();
    await Promise.all(
      held.map(async ([sessionToken, ward]) => {
        try {
          await this.call(ward, 'POST', '/v1/auth/logout', logoutResponseSchema, {}, { sessionToken, deadlineMs });
        } catch (err) {
          log.warn({ ward, code: errorCode(err) }, 'logout at the session wipe failed; the token ends at its TTL');
        }
      }),
    );
  }

  options(ward: WardId, sessionToken: string) {
    return this.call(ward, 'GET', '/v1/certificates/options', certificateOptionsResponseSchema, undefined, { sessionToken });
  }

  issue(ward: WardId, sessionToken: string, body: IssueCertificateRequest, idempotencyKey: string) {
    return this.call(ward, 'POST', '/v1/certificates', issueCertificateResponseSchema, body, { sessionToken, idempotencyKey });
  }

  markPrinted(ward: WardId, serial: string, idempotencyKey: string) {
    return this.call(ward, 'POST', `/v1/certificates/${encodeURIComponent(serial)}/printed`, issuanceStatusResponseSchema, {}, { idempotencyKey });
  }

  /** Crash recovery: the issued answer for an issued, unprinted serial of this kiosk (409 once printed or voided). */
  issuedContent(ward: WardId, serial: string) {
    return this.call(ward, 'GET', `/v1/certificates/${encodeURIComponent(serial)}/content`, issueCertificateResponseSchema, undefined);
  }

  voidIssued(ward: WardId, serial: string, body: VoidRequest, idempotencyKey: string) {
    return this.call(ward, 'POST', `/v1/certificates/${encodeURIComponent(serial)}/void`, issuanceStatusResponseSchema, body, { idempotencyKey });
  }

  /**
   * The simulator panel's back-end fault (demo, technicians): the reference back end applies it only
   * when started with fault injection, and answers 403 `faults-disabled` otherwise.
   */
  injectFault(body: FaultRequest) {
    return this.call(null, 'POST', '/v1/_faults', faultAppliedSchema, body);
  }

  close(): void {
    this.agent.destroy();
  }

  /** `ward` null: a route of the back end itself (`/v1/...`), not of one ward. */
  private async call<S extends z.ZodTypeAny>(
    ward: WardId | null,
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body: unknown,
    headers: { sessionToken?: string; idempotencyKey?: string; /** Whole-request limit, on top of the idle timeout. */ deadlineMs?: number } = {},
  ): Promise<z.infer<S>> {
    let answer;
    try {
      answer = await requestJson({
        agent: this.agent,
        url: new URL(`${ward ? wardBasePath(ward) : ''}${path}`, this.origin),
        method,
        body,
        idleTimeoutMs: this.timeoutMs,
        deadlineMs: headers.deadlineMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        headers: {
          ...(headers.sessionToken ? { authorization: `Bearer ${headers.sessionToken}` } : {}),
          ...(headers.idempotencyKey ? { 'idempotency-key': headers.idempotencyKey } : {}),
        },
      });
    } catch (err) {
      const status = err instanceof JsonRequestError ? err.status : null;
      if (err instanceof JsonRequestError && err.code === 'invalid-response')
        throw new WardApiError(status !== null && status >= 500 ? `http-${status}` : 'invalid-response', status);
      throw new WardApiError('unreachable', null);
    }
    const { status, json } = answer;
    if (status < 200 || status >= 300) {
      const err = apiErrorSchema.safeParse(json);
      throw new WardApiError(err.success ? err.data.code : `http-${status}`, status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new WardApiError('invalid-response', status);
    return parsed.data;
  }
}
