/**
 * 書かない窓口 submissions: stored once per (ward, kiosk, idempotency key). The same key with the
 * same body returns the same receipt; the same key with another body is a 409, never a duplicate.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { wardInfo, type SubmissionLookup, type SubmissionReceipt, type SubmissionRequest, type WardId } from '../../contract/ward-api';
import { canonicalJson } from '../../platform/certificate-seal';
import { jstDay, toJstIso } from '../certificates/japanese-date';
import { nextCounter, type WardDb } from '../db/ward-db';
import { ApiError } from '../../platform/http/api-error';
import type { VerifiedSubmissionSignature } from './submission-signature';

/** A submission answer plus whether it was a replay (201 first time, 200 on replay). */
export interface SubmitResult {
  receipt: SubmissionReceipt;
  replayed: boolean;
}

interface Row {
  receiptNumber: string;
  kind: string;
  receivedAt: string;
  hash: string;
}

export class SubmissionService {
  constructor(
    private readonly db: WardDb,
    private readonly now: () => Date,
  ) {}

  /**
   * `verifySignature` runs only for a new submission (a replay was verified when first stored, so
   * a certificate revoked since does not turn an acknowledged submission into a refusal); it
   * returns null for an unsigned one and throws ApiError 422 for a bad signature (nothing stored).
   */
  submit(
    ward: WardId,
    kioskId: string,
    idempotencyKey: string,
    req: SubmissionRequest,
    residentId: string | undefined,
    verifySignature: () => VerifiedSubmissionSignature | null = () => null,
  ): SubmitResult {
    const hash = createHash('sha256').update(canonicalJson(req)).digest('hex');
    return this.db.transaction((): SubmitResult => {
      const prior = this.db
        .prepare(
          `SELECT receipt_number AS receiptNumber, form_type AS kind, received_at AS receivedAt, request_hash AS hash
        FROM submissions WHERE ward = ? AND kiosk_id = ? AND idempotency_key = ?`,
        )
        .get(ward, kioskId, idempotencyKey) as Row | undefined;
      if (prior) {
        if (prior.hash !== hash) throw new ApiError(409, 'idempotency-key-reused', 'idempotency key was used for a different submission');
        return { receipt: toReceipt(prior), replayed: true };
      }
      const signature = verifySignature();
      const at = this.now();
      const day = jstDay(at);
      const seq = nextCounter(this.db, `receipt:${ward}:${day}`);
      const receiptNumber = `${wardInfo[ward].code}-${day}-${String(seq).padStart(6, '0')}`;
      const receivedAt = toJstIso(at);
      this.db
        .prepare(
          `INSERT INTO submissions (receipt_number, ward, kiosk_id, idempotency_key, request_hash, form_type, payload_json,
        resident_id, received_at, local_receipt_number, e_signed, e_signature_serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          receiptNumber,
          ward,
          kioskId,
          idempotencyKey,
          hash,
          req.kind,
          JSON.stringify(req),
          residentId ?? null,
          receivedAt,
          req.localReceiptNumber ?? null,
          signature ? 1 : 0,
          signature?.serialHex ?? null,
        );
      return { receipt: { receiptNumber, kind: req.kind, status: 'received', receivedAt }, replayed: false };
    })();
  }

  /** A receipt of this ward (any kiosk of the city may look it up by number). */
  get(ward: WardId, receiptNumber: string): SubmissionReceipt {
    const row = this.db
      .prepare(
        `SELECT receipt_number AS receiptNumber, form_type AS kind, received_at AS receivedAt, request_hash AS hash
      FROM submissions WHERE ward = ? AND receipt_number = ?`,
      )
      .get(ward, receiptNumber) as Row | undefined;
    if (!row) throw new ApiError(404, 'not-found', 'no such receipt');
    return toReceipt(row);
  }

  /**
   * The submission whose kiosk receipt number (printed on its forms and in their QR) is
   * `localReceiptNumber`, for a clerk's desk. 404 when this ward has none.
   */
  byLocalReceipt(ward: WardId, localReceiptNumber: string): SubmissionLookup {
    const row = this.db
      .prepare(
        `SELECT receipt_number AS receiptNumber, form_type AS kind, received_at AS receivedAt, request_hash AS hash,
      kiosk_id AS kioskId, payload_json AS json, e_signed AS eSigned FROM submissions WHERE ward = ? AND local_receipt_number = ?
      ORDER BY received_at LIMIT 1`,
      )
      .get(ward, localReceiptNumber) as (Row & { kioskId: string; json: string; eSigned: number }) | undefined;
    if (!row) throw new ApiError(404, 'not-found', 'no submission with this receipt number');
    return { ...toReceipt(row), localReceiptNumber, kioskId: row.kioskId, forms: formsOf(row.json), eSigned: row.eSigned === 1 };
  }

  /** Rows stored for a key (tests check "one row"). */
  countForKey(ward: WardId, kioskId: string, idempotencyKey: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE ward = ? AND kiosk_id = ? AND idempotency_key = ?').get(ward, kioskId, idempotencyKey) as {
        n: number;
      }
    ).n;
  }
}

/**
 * The form list of a stored request: the kiosk's payload carries `forms` of filled forms; any
 * other shape (the payload is free JSON) lists no forms rather than failing the look-up.
 */
function formsOf(json: string): SubmissionLookup['forms'] {
  const parsed = storedFormsSchema.safeParse(JSON.parse(json));
  if (!parsed.success) return [];
  return parsed.data.payload.forms.map((f) => ({ templateId: f.templateId, title: f.title?.ja ?? f.templateId }));
}

const storedFormsSchema = z.object({
  payload: z.object({
    forms: z.array(z.object({ templateId: z.string().max(64), title: z.object({ ja: z.string().max(200) }).optional() })).max(50),
  }),
});

function toReceipt(r: Row): SubmissionReceipt {
  return { receiptNumber: r.receiptNumber, kind: r.kind, status: 'received', receivedAt: r.receivedAt };
}
