/**
 * The clerk's look-up of a submission by the kiosk's receipt number (printed on the forms and in
 * their QR): stored in its own indexed column, answered with status and forms, 404 elsewhere;
 * a database from before the column gets it filled from the stored requests.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWardDb } from '../../../backend/db/ward-db';
import { ApiError } from '../../../platform/http/api-error';
import { SubmissionService } from '../../../backend/submissions/submission-service';
import { submissionLookupSchema } from '../../../contract/ward-api';

const NOW = () => new Date('2026-11-28T01:00:00Z');
const forms = [
  { templateId: 'jumin-ido-todoke', title: { ja: '住民異動届（転入・転居・転出）', en: 'Move' } },
  { templateId: 'kokuho-ido', title: { ja: '国民健康保険 資格取得・異動・喪失届', en: 'NHI' } },
];
const request = (local: string, payload: unknown = { eventId: 'move-within-city', forms }) => ({
  kind: 'move-within-city',
  localReceiptNumber: local,
  payload: payload as never,
});

describe('submission look-up by the kiosk receipt number', () => {
  test('answers status and forms at the ward that has it, 404 at another ward or for another number', () => {
    const s = new SubmissionService(openWardDb(), NOW);
    const { receipt } = s.submit('kokuraminami', 'kiosk-kokurakita-01', 'key-00000001', request('4010601-20261128-0001'), undefined);
    const found = submissionLookupSchema.parse(s.byLocalReceipt('kokuraminami', '4010601-20261128-0001'));
    assert.deepEqual(found, {
      ...receipt,
      localReceiptNumber: '4010601-20261128-0001',
      kioskId: 'kiosk-kokurakita-01',
      forms: [
        { templateId: 'jumin-ido-todoke', title: '住民異動届（転入・転居・転出）' },
        { templateId: 'kokuho-ido', title: '国民健康保険 資格取得・異動・喪失届' },
      ],
      eSigned: false,
    });
    for (const [ward, local] of [
      ['kokurakita', '4010601-20261128-0001'],
      ['kokuraminami', '4010601-20261128-0002'],
    ] as const) {
      assert.throws(
        () => s.byLocalReceipt(ward, local),
        (e: unknown) => e instanceof ApiError && e.status === 404,
      );
    }
  });

  test("a payload without the kiosk's form list answers an empty list, not an error", () => {
    const s = new SubmissionService(openWardDb(), NOW);
    s.submit('moji', 'kiosk-kokurakita-01', 'key-00000002', request('KK01-20261128-0007', { anything: [1, 2] }), undefined);
    assert.deepEqual(s.byLocalReceipt('moji', 'KK01-20261128-0007').forms, []);
  });

  test('the look-up uses the index on (ward, local receipt number)', () => {
    const db = openWardDb();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM submissions WHERE ward = 'moji' AND local_receipt_number = 'X'").all() as { detail: string }[];
    assert.ok(
      plan.some((p) => /USING INDEX submissions_by_local_receipt/.test(p.detail)),
      JSON.stringify(plan),
    );
  });

  test('a database from before the column gets it, filled from the stored requests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-ward-db-'));
    try {
      const file = join(dir, 'ward.sqlite');
      const old = new Database(file);
      old.exec(`CREATE TABLE submissions (receipt_number TEXT PRIMARY KEY, ward TEXT NOT NULL, kiosk_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL, request_hash TEXT NOT NULL, form_type TEXT NOT NULL, payload_json TEXT NOT NULL,
        resident_id TEXT, received_at TEXT NOT NULL, UNIQUE (ward, kiosk_id, idempotency_key))`);
      old
        .prepare('INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(
          '40107-20261127-000001',
          'kokuraminami',
          'kiosk-kokurakita-01',
          'key-00000003',
          'h',
          'move-within-city',
          JSON.stringify(request('4010601-20261127-0009')),
          null,
          '2026-11-27T10:00:00+09:00',
        );
      old.close();
      const db = openWardDb(file);
      try {
        const s = new SubmissionService(db, NOW);
        const found = s.byLocalReceipt('kokuraminami', '4010601-20261127-0009');
        assert.equal(found.receiptNumber, '40107-20261127-000001');
        assert.equal(found.forms.length, 2);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
