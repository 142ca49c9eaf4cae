/**
 * Preparing a basket before any money (main/certificates/prepare-basket.ts), against the real
 * journal: every item issued, rendered and journaled in order; a refusal, a fault or a session
 * that ended leaves no serial issued and no sale open; and a basket's refund after payment is
 * journaled per item at exactly its share (basket.ts splitMoneyBack), each voucher on one item.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { certificateChoiceSchema } from '../../../contract/certificate-journey';
import type { IssueCertificateRequest, RefusalReason } from '../../../contract/ward-api';
import { splitMoneyBack } from '../../../main/certificates/basket';
import { prepareBasket } from '../../../main/certificates/prepare-basket';
import { TRANSACTION_STATES } from '../../../main/journal/journal-states';
import { TransactionJournal } from '../../../main/journal/transaction-journal';
import type { StaffAlert } from '../../../main/staff/staff-alert';

const dir = mkdtempSync(join(tmpdir(), 'madoguchi-basket-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const partial = certificateChoiceSchema.parse({ type: 'juminhyo', copies: 2, scope: 'partial', memberIds: ['res-001', 'ward-102'] });
const kazei = certificateChoiceSchema.parse({ type: 'kazei', copies: 1, fiscalYear: 2024 });
const koseki = certificateChoiceSchema.parse({ type: 'koseki-zenbu', copies: 1 });
const FEES: Record<string, number> = { juminhyo: 300, kazei: 300, 'koseki-zenbu': 450 };

function setUp(opts: { refuse?: Partial<Record<string, RefusalReason>>; renderFails?: string; endAfterIssues?: number } = {}) {
  n += 1;
  const journal = TransactionJournal.open({ path: join(dir, `journal-${n}.db`), kioskId: 'TEST01' });
  const alerts: StaffAlert[] = [];
  const issued: string[] = [];
  const voided: string[] = [];
  const pdfs: Buffer[] = [];
  const ward = {
    issue: async (_ward: string, _token: string, body: IssueCertificateRequest) => {
      const reason = opts.refuse?.[body.type];
      if (reason) return { outcome: 'refused' as const, reason, message: 'refused' };
      const serial = `KK-${n}-${issued.length + 1}`;
      issued.push(serial);
      const unitYen = FEES[body.type]!;
      return {
        outcome: 'issued' as const,
        serial,
        certificate: { type: body.type },
        qrPayload: 'MDG1.x',
        fee: { unitYen, copies: body.copies, totalYen: unitYen * body.copies },
      };
    },
    voidIssued: async (_ward: string, serial: string) => {
      voided.push(serial);
      return {} as never;
    },
  };
  const render = async (certificate: Record<string, unknown>) => {
    if (certificate.type === opts.renderFails) throw Object.assign(new Error('glyph'), { code: 'missing-glyph' });
    const pdf = Buffer.from('%PDF-fake');
    pdfs.push(pdf);
    return pdf;
  };
  const deps = { ward: ward as never, render, journal, alertStaff: (a: StaffAlert) => alerts.push(a) };
  const sessionCurrent = () => opts.endAfterIssues === undefined || issued.length < opts.endAfterIssues;
  const run = (choices: (typeof partial)[]) =>
    prepareBasket({ deps, ward: 'kokurakita', sessionToken: 'tok', residentRef: 'ref-test', choices, sessionCurrent });
  const rows = () => journal.list(TRANSACTION_STATES).map((t) => ({ serial: t.serial, state: t.state, amountYen: t.amountYen }));
  return { journal, alerts, issued, voided, pdfs, run, rows };
}

describe('a basket prepared before payment', () => {
  test('every item is issued, rendered and journaled in order, each its own sale with its own serial and fee', async () => {
    const s = setUp();
    const ready = await s.run([partial, kazei, koseki]);
    assert.equal(ready.outcome, 'ready');
    assert.ok(ready.outcome === 'ready');
    assert.equal(ready.dueYen, 600 + 300 + 450);
    assert.deepEqual(
      ready.items.map((i) => [i.prepared.serial, i.prepared.dueYen, i.sale.state]),
      [
        [s.issued[0], 600, 'authenticated'],
        [s.issued[1], 300, 'authenticated'],
        [s.issued[2], 450, 'authenticated'],
      ],
    );
    assert.deepEqual(s.voided, []);
  });

  test('an item the back end refuses: every refusal is known at once, every serial issued is voided and no sale stays open', async () => {
    const s = setUp({ refuse: { kazei: 'no-tax-record' } });
    const refused = await s.run([partial, kazei, koseki]);
    assert.deepEqual(refused, { outcome: 'refused', refusals: new Map([[1, 'no-tax-record']]) });
    assert.equal(s.issued.length, 2, 'the items after the refused one are still asked about');
    assert.deepEqual([...s.voided].sort(), [...s.issued].sort(), 'nothing left issued');
    assert.deepEqual(
      s.rows().map((r) => r.state),
      ['cancelled'],
      'the item journaled before the refusal is cancelled; the one after it was never rendered nor journaled',
    );
    assert.equal(s.pdfs.length, 1);
    assert.ok(
      s.pdfs.every((pdf) => pdf.every((b) => b === 0)),
      'rendered PDFs wiped',
    );
  });

  test('a fault on the second item (a glyph the font lacks) voids both serials and cancels the first sale', async () => {
    const s = setUp({ renderFails: 'kazei' });
    const failed = await s.run([partial, kazei, koseki]);
    assert.equal(failed.outcome, 'error');
    assert.equal(failed.outcome === 'error' && failed.serial, s.issued[1]);
    assert.deepEqual(s.issued.length, 2, 'nothing asked after the fault');
    assert.deepEqual([...s.voided].sort(), [...s.issued].sort());
    assert.deepEqual(
      s.rows().map((r) => r.state),
      ['cancelled'],
    );
  });

  test('the session ended while the back end answered: nothing is left issued or open', async () => {
    const s = setUp({ endAfterIssues: 2 });
    const ended = await s.run([partial, kazei, koseki]);
    assert.deepEqual(ended, { outcome: 'ended' });
    assert.deepEqual([...s.voided].sort(), [...s.issued].sort());
    assert.equal(s.issued.length, 2, 'nothing asked once the session ended');
    assert.deepEqual(
      s.rows().map((r) => r.state),
      ['cancelled'],
    );
  });
});

describe('a basket refunded after payment, against the journal', () => {
  test('one payment, three sales: the money given back and owed is journaled per item at its share, each voucher on one item', async () => {
    const s = setUp();
    const ready = await s.run([partial, kazei, koseki]);
    assert.ok(ready.outcome === 'ready');
    const reference = ready.items[0]!.sale.id;
    for (const item of ready.items) assert.ok(item.sale.paid({ method: 'cash', reference, amountYen: item.prepared.dueYen }));
    // The unit gave back 500 of 1,350 (its recycler ran dry): 850 owed.
    const split = splitMoneyBack(
      ready.items.map((i) => i.prepared.dueYen),
      500,
      850,
    );
    assert.ok(split);
    ready.items.forEach((item, i) => {
      const { refundedYen, owedYen } = split[i]!;
      const voucher = owedYen > 0 ? item.sale.voucherNumber() : null;
      assert.ok(item.sale.refunded({ refundedYen, owedYen, voucher, method: 'cash', reason: 'print-failed', voidConfirmed: true }));
    });
    const txs = ready.items.map((i) => s.journal.get(i.sale.id)!);
    assert.deepEqual(
      txs.map((t) => [t.state, t.refund?.amountYen, t.refund?.method]),
      [
        ['refunded', 600, 'voucher'],
        ['refunded', 300, 'voucher'],
        ['refunded', 450, 'voucher'],
      ],
    );
    const vouchers = s.journal.vouchers.list(0, Number.MAX_SAFE_INTEGER);
    assert.equal(
      vouchers.reduce((sum, v) => sum + v.amountYen, 0),
      850,
      'owed once, never twice',
    );
    assert.equal(new Set(vouchers.map((v) => v.txId)).size, vouchers.length, 'one voucher per item');
  });
});
