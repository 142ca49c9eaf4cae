/**
 * Issues certificates: refusal rules, content, city seal, fee, stored once per idempotency key.
 * The stored answer is replayed verbatim for a repeated key, so a kiosk that lost the answer
 * (connection dropped after commit) gets the same serial and never pays twice.
 */
import { createHash, type KeyObject } from 'node:crypto';
import {
  wardInfo,
  type IssuanceStatusResponse,
  type IssueCertificateRequest,
  type IssueCertificateResponse,
  type VoidRequest,
  type WardId,
} from '../../contract/ward-api';
import { canonicalJson, certificateContentSchema, sealCertificate } from '../../platform/certificate-seal';
import { nextCounter, type WardDb } from '../db/ward-db';
import { ApiError } from '../../platform/http/api-error';
import type { WardConfig } from '../ward-config';
import { buildContent } from './build-content';
import { requestRefusal } from './eligibility';
import { toJstIso } from './japanese-date';
import type { WardRecords } from './ward-records';

/** Who asks: the kiosk (mTLS) and the authenticated resident (session). */
export interface IssueContext {
  ward: WardId;
  kioskId: string;
  residentId: string;
  idempotencyKey: string;
}

interface IssuanceRow {
  serial: string;
  kioskId: string;
  status: 'issued' | 'printed' | 'voided';
  unitFee: number;
  copies: number;
}

export class IssuanceService {
  constructor(
    private readonly db: WardDb,
    private readonly records: WardRecords,
    private readonly config: WardConfig,
    private readonly sealKey: KeyObject,
    private readonly now: () => Date,
  ) {}

  /** Issues (or replays) a certificate; refusals are answers, not stored. */
  issue(ctx: IssueContext, req: IssueCertificateRequest): IssueCertificateResponse {
    const hash = createHash('sha256')
      .update(canonicalJson({ residentId: ctx.residentId, req }))
      .digest('hex');
    const prior = this.db
      .prepare('SELECT request_hash AS hash, response_json AS json FROM issuances WHERE ward = ? AND kiosk_id = ? AND idempotency_key = ?')
      .get(ctx.ward, ctx.kioskId, ctx.idempotencyKey) as { hash: string; json: string } | undefined;
    if (prior) {
      if (prior.hash !== hash) throw new ApiError(409, 'idempotency-key-reused', 'idempotency key was used for a different request');
      return JSON.parse(prior.json) as IssueCertificateResponse;
    }
    const resident = this.records.resident(ctx.residentId);
    if (!resident) throw new ApiError(401, 'session-invalid', 'resident no longer on record');
    const refusal = requestRefusal(this.records, resident, req);
    if (refusal) return { outcome: 'refused', ...refusal };

    const at = this.now();
    const issuedAt = toJstIso(at);
    const year = issuedAt.slice(0, 4);
    const unitYen = this.config.fees[req.type];
    return this.db.transaction((): IssueCertificateResponse => {
      const seq = nextCounter(this.db, `serial:${ctx.ward}:${year}`);
      const serial = `${wardInfo[ctx.ward].code}-${year}-${String(seq).padStart(7, '0')}`;
      const content = buildContent(this.records, resident, req, {
        serialNumber: serial,
        issuedAt,
        issuingAuthority: { title: `北九州市${wardInfo[ctx.ward].nameJa}長` },
      });
      // Never hand out content the printer side would reject: validate against the shared schema.
      const checked = certificateContentSchema.parse(content);
      const { payload } = sealCertificate(checked, this.sealKey);
      const response: IssueCertificateResponse = {
        outcome: 'issued',
        serial,
        certificate: checked as unknown as Record<string, unknown>,
        qrPayload: payload,
        fee: { unitYen, copies: req.copies, totalYen: unitYen * req.copies },
      };
      this.db
        .prepare(
          `INSERT INTO issuances (serial, ward, kiosk_id, idempotency_key, request_hash, resident_id, type, copies,
        unit_fee, status, response_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?)`,
        )
        .run(
          serial,
          ctx.ward,
          ctx.kioskId,
          ctx.idempotencyKey,
          hash,
          ctx.residentId,
          req.type,
          req.copies,
          unitYen,
          JSON.stringify(response),
          at.toISOString(),
        );
      return response;
    })();
  }

  private row(ward: WardId, serial: string, kioskId: string): IssuanceRow {
    const row = this.db
      .prepare(`SELECT serial, kiosk_id AS kioskId, status, unit_fee AS unitFee, copies FROM issuances WHERE ward = ? AND serial = ?`)
      .get(ward, serial) as IssuanceRow | undefined;
    if (!row) throw new ApiError(404, 'not-found', 'no such issuance');
    if (row.kioskId !== kioskId) throw new ApiError(403, 'not-your-issuance', 'issued at another kiosk');
    return row;
  }

  private answer(row: IssuanceRow): IssuanceStatusResponse {
    return { serial: row.serial, status: row.status, refundYen: row.status === 'voided' ? row.unitFee * row.copies : 0 };
  }

  /** Current status of an issuance made by this kiosk. */
  status(ward: WardId, serial: string, kioskId: string): IssuanceStatusResponse {
    return this.answer(this.row(ward, serial, kioskId));
  }

  /**
   * The issued answer again (same serial, content and seal), for the issuing kiosk only and only while
   * the serial is issued and unprinted: a kiosk that crashed after payment prints the certificate it
   * was paid for without a new issuance (one serial, printed once). 409 once printed or voided.
   */
  issuedContent(ward: WardId, serial: string, kioskId: string): IssueCertificateResponse {
    const row = this.row(ward, serial, kioskId);
    if (row.status === 'printed') throw new ApiError(409, 'already-printed', 'the certificate was already printed');
    if (row.status === 'voided') throw new ApiError(409, 'already-voided', 'the certificate was voided');
    const stored = this.db.prepare('SELECT response_json AS json FROM issuances WHERE ward = ? AND serial = ?').get(ward, serial) as { json: string };
    return JSON.parse(stored.json) as IssueCertificateResponse;
  }

  /** Voids an issued, unprinted serial (idempotent: voiding a voided serial answers the same). */
  void(ward: WardId, serial: string, kioskId: string, body: VoidRequest): IssuanceStatusResponse {
    return this.db.transaction(() => {
      const row = this.row(ward, serial, kioskId);
      if (row.status === 'printed') throw new ApiError(409, 'already-printed', 'a printed certificate cannot be voided');
      if (row.status === 'issued') {
        this.db
          .prepare(`UPDATE issuances SET status = 'voided', void_reason = ?, updated_at = ? WHERE serial = ?`)
          .run(body.reason, this.now().toISOString(), serial);
        row.status = 'voided';
      }
      return this.answer(row);
    })();
  }

  /** Records that the kiosk printed the serial (after which it can no longer be voided). */
  markPrinted(ward: WardId, serial: string, kioskId: string): IssuanceStatusResponse {
    return this.db.transaction(() => {
      const row = this.row(ward, serial, kioskId);
      if (row.status === 'voided') throw new ApiError(409, 'already-voided', 'a voided certificate cannot be printed');
      if (row.status === 'issued') {
        this.db.prepare(`UPDATE issuances SET status = 'printed', updated_at = ? WHERE serial = ?`).run(this.now().toISOString(), serial);
        row.status = 'printed';
      }
      return this.answer(row);
    })();
  }
}
