/**
 * The per-ward endpoints (below `/wards/{ward}`). See backend/openapi.yaml.
 */
import {
  certificateTypes,
  juminhyoScopes,
  idempotencyKeySchema,
  issueCertificateRequestSchema,
  submissionRequestSchema,
  verifyRequestSchema,
  voidRequestSchema,
  type CertificateOptionsResponse,
  type LogoutResponse,
  type NonceResponse,
  type VerifyResponse,
  type WardId,
} from '../../contract/ward-api';
import type { JpkiTrust } from '../auth/jpki-trust';
import type { NonceStore } from '../auth/nonce-store';
import type { SessionStore } from '../auth/session-store';
import { typeRefusal } from '../certificates/eligibility';
import type { IssuanceService } from '../certificates/issuance-service';
import type { WardRecords } from '../certificates/ward-records';
import { ApiError } from '../../platform/http/api-error';
import { readJson } from '../../platform/http/read-json-body';
import type { Route } from '../../platform/http/route-table';
import type { SubmissionService } from '../submissions/submission-service';
import { verifySubmissionSignature } from '../submissions/submission-signature';
import type { WardConfig } from '../ward-config';
import type { IncomingMessage } from 'node:http';

/** Per-request facts the pipeline establishes before routing. */
export interface WardRequest {
  ward: WardId;
  /**
   * Client-certificate CN: an allow-listed kiosk id, checked by the pipeline; on a clerk route
   * (`role: 'clerk'`) the clerk's id instead.
   */
  kioskId: string;
}

/** The services the routes use. */
export interface WardServices {
  config: WardConfig;
  nonces: NonceStore;
  sessions: SessionStore;
  trust: () => JpkiTrust;
  /** The JPKI signing CAs and their CRLs, for submissions' electronic signatures. */
  signTrust: () => JpkiTrust;
  records: WardRecords;
  issuance: IssuanceService;
  submissions: SubmissionService;
  now: () => Date;
}

function idempotencyKey(req: IncomingMessage): string {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) throw new ApiError(400, 'missing-idempotency-key', 'Idempotency-Key header is required');
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success)
    throw new ApiError(400, 'validation-failed', 'Idempotency-Key must be 8-128 of [A-Za-z0-9_-]', [{ path: 'Idempotency-Key', message: 'invalid' }]);
  return parsed.data;
}

/** Builds the route table for one server (ward comes from the request). */
export function wardRoutes(s: WardServices): Route<WardRequest>[] {
  const limit = s.config.maxBodyBytes;
  return [
    {
      method: 'GET',
      path: '/v1/health',
      handle: () => ({ status: 200, body: { status: 'ok', wards: s.config.wards, time: s.now().toISOString() } }),
    },
    {
      method: 'POST',
      path: '/v1/auth/nonce',
      handle: ({ extra }) => {
        const { nonce, expiresAt } = s.nonces.issue(extra.kioskId);
        const body: NonceResponse = { nonce, expiresAt: expiresAt.toISOString() };
        return { status: 200, body };
      },
    },
    {
      method: 'POST',
      path: '/v1/auth/verify',
      handle: async ({ req, extra }) => {
        const body = await readJson(req, verifyRequestSchema, limit);
        const nonce = s.nonces.consume(body.nonce, extra.kioskId);
        const login = s.trust().verifyLogin(nonce, Buffer.from(body.signature, 'base64'), Buffer.from(body.certificate, 'base64'), s.now());
        const resident = s.records.resident(login.residentId);
        if (!resident) throw new ApiError(401, 'certificate-unmapped', 'bound resident is not on record');
        // Any kiosk in the city serves any resident of the city (as コンビニ交付 does): the session
        // belongs to the resident's own ward, and the kiosk makes its next calls under that ward.
        if (!s.config.wards.includes(resident.ward))
          throw new ApiError(409, 'resident-not-in-ward', 'the resident is registered in a ward this server does not serve');
        const session = s.sessions.create(resident.id, extra.kioskId, resident.ward);
        const out: VerifyResponse = { sessionToken: session.token, expiresAt: session.expiresAt.toISOString(), residentId: resident.id, ward: resident.ward };
        return { status: 200, body: out };
      },
    },
    {
      // The kiosk's session wipe: the citizen's token stops working at once, not at its TTL.
      method: 'POST',
      path: '/v1/auth/logout',
      handle: ({ req, extra }) => {
        const body: LogoutResponse = { ended: s.sessions.end(req.headers.authorization, extra.kioskId) };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      path: '/v1/certificates/options',
      handle: ({ req, extra }) => {
        const session = s.sessions.require(req.headers.authorization, extra.kioskId, extra.ward);
        const resident = s.records.resident(session.residentId)!;
        const register = s.records.registerOf(resident.id);
        const household = s.records.household(resident.id);
        const body: CertificateOptionsResponse = {
          ward: extra.ward,
          types: certificateTypes.map((type) => {
            const refusal = typeRefusal(s.records, resident, type);
            return { type, available: !refusal, ...(refusal ? { refusal: refusal.reason } : {}), unitFeeYen: s.config.fees[type] };
          }),
          // 世帯全員 and 世帯の一部 say nothing more than 本人 for a household of one.
          juminhyoScopes: household.length > 1 ? [...juminhyoScopes] : ['self'],
          householdMembers: household.map((m) => ({
            residentId: m.resident.id,
            name: m.resident.name,
            relationship: m.relationship,
            self: m.resident.id === resident.id,
            honseki: s.records.registerOf(m.resident.id) !== undefined,
          })),
          registerMembers: (register?.members ?? [])
            .filter((m) => !m.events.some((e) => e.kind === 'death'))
            .map((m) => ({ memberId: m.memberId, name: m.name, self: m.residentId === resident.id })),
          taxYears: s.records.taxRecords(resident.id).map((t) => t.fiscalYear),
        };
        return { status: 200, body };
      },
    },
    {
      method: 'POST',
      path: '/v1/certificates',
      mutating: true,
      handle: async ({ req, extra }) => {
        const session = s.sessions.require(req.headers.authorization, extra.kioskId, extra.ward);
        const key = idempotencyKey(req);
        const body = await readJson(req, issueCertificateRequestSchema, limit);
        const out = s.issuance.issue({ ward: extra.ward, kioskId: extra.kioskId, residentId: session.residentId, idempotencyKey: key }, body);
        return { status: 200, body: out };
      },
    },
    {
      method: 'GET',
      path: '/v1/certificates/{serial}',
      handle: ({ params, extra }) => ({ status: 200, body: s.issuance.status(extra.ward, params.serial!, extra.kioskId) }),
    },
    {
      // Crash recovery: the issuing kiosk prints an issued, unprinted certificate it was paid for.
      method: 'GET',
      path: '/v1/certificates/{serial}/content',
      handle: ({ params, extra }) => ({ status: 200, body: s.issuance.issuedContent(extra.ward, params.serial!, extra.kioskId) }),
    },
    {
      method: 'POST',
      path: '/v1/certificates/{serial}/void',
      mutating: true,
      handle: async ({ req, params, extra }) => {
        const body = await readJson(req, voidRequestSchema, limit);
        return { status: 200, body: s.issuance.void(extra.ward, params.serial!, extra.kioskId, body) };
      },
    },
    {
      method: 'POST',
      path: '/v1/certificates/{serial}/printed',
      mutating: true,
      handle: ({ params, extra }) => ({ status: 200, body: s.issuance.markPrinted(extra.ward, params.serial!, extra.kioskId) }),
    },
    {
      method: 'POST',
      path: '/v1/submissions',
      mutating: true,
      handle: async ({ req, extra }) => {
        const key = idempotencyKey(req);
        // A session is optional: a 書かない窓口 form may be filed without a card login.
        const residentId = req.headers.authorization ? s.sessions.require(req.headers.authorization, extra.kioskId, extra.ward).residentId : undefined;
        const body = await readJson(req, submissionRequestSchema, limit);
        const { receipt, replayed } = s.submissions.submit(extra.ward, extra.kioskId, key, body, residentId, () =>
          verifySubmissionSignature(s.signTrust(), body.payload, s.now()),
        );
        const headers: Record<string, string> = replayed ? { 'idempotent-replayed': 'true' } : {};
        return { status: replayed ? 200 : 201, body: receipt, headers };
      },
    },
    {
      method: 'GET',
      path: '/v1/submissions/{receipt}',
      handle: ({ params, extra }) => ({ status: 200, body: s.submissions.get(extra.ward, params.receipt!) }),
    },
    {
      // a clerk's desk scans the QR of a printed form: the kiosk's receipt number. Clerks only: a
      // kiosk has no business enumerating other kiosks' receipts.
      method: 'GET',
      path: '/v1/submissions/by-receipt/{receipt}',
      role: 'clerk',
      handle: ({ params, extra }) => ({ status: 200, body: s.submissions.byLocalReceipt(extra.ward, params.receipt!) }),
    },
  ];
}
