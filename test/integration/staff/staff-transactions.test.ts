/**
 * Staff actions on real certificate sales (runtime router, simulated devices, embedded back end
 * with fault injection): today's list and reconciliation after a sale, a void that reaches the
 * back end after the journey's own void failed, and a reprint of the same serial.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { WardId } from '../../../contract/ward-api';
import PDFDocument from 'pdfkit';
import { certificateJobName } from '../../../main/certificates/print-job-evidence';
import { WardApiError } from '../../../main/ward/ward-client';
import { call, insertCash, startTestRuntime, waitForStep, type TestRuntime } from '../../support/journey-driver';

let runtime: TestRuntime;

beforeEach(async () => {
  runtime = await startTestRuntime();
});

afterEach(async () => {
  await runtime.stop();
});

async function toPayStep(cardId = 'card-001', pin = '1234') {
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId });
  await waitForStep(runtime, 'pin');
  await call(runtime, 'certificate.submitPin', { pin, confirmedLastTry: false });
  const pay = await call(runtime, 'certificate.choose', { type: 'juminhyo', copies: 1, scope: 'self', householdHead: false, honseki: false });
  assert.equal(pay.step, 'pay');
}

async function login() {
  assert.equal((await call(runtime, 'staff.login', { passcode: '24681357' })).outcome, 'ok');
}

/** A serial the back end issued and still holds as unprinted (the journey's own void failed). */
async function strandedSerial(): Promise<{ serial: string; issuer: WardId }> {
  await toPayStep();
  const tx = runtime.journal.list(['authenticated'])[0]!;
  const faults = runtime.backend!.faults!;
  await faults.apply({ mode: 'down', durationMs: 60_000 });
  try {
    await call(runtime, 'certificate.back', {});
  } finally {
    await faults.clear();
  }
  await call(runtime, 'session.end', { reason: 'cancel' });
  assert.ok(runtime.staffAlerts.list().some((a) => a.code === 'backend-void-failed' && a.reference === tx.serial));
  return { serial: tx.serial!, issuer: (tx.issuer as WardId | undefined) ?? runtime.config.ward };
}

/**
 * A serial the back end issued and holds as unprinted for a sale the journal does not know yet: the
 * test journals that sale itself (a serial is bound to one journaled sale, so a cancelled sale's
 * serial cannot be reused for it).
 */
async function issuedOutsideJournal(): Promise<{ serial: string; issuer: WardId }> {
  const { card } = runtime.devices;
  const client = runtime.ward.client;
  await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
  try {
    await card.detect();
    const nonce = await client.nonce(runtime.config.ward);
    const signed = await card.signAuthChallenge('1234', Buffer.from(nonce.nonce, 'base64'), { confirmedLastTry: false });
    const session = await client.verify(runtime.config.ward, {
      nonce: nonce.nonce,
      signature: Buffer.from(signed.signature).toString('base64'),
      certificate: Buffer.from(signed.certificate.der).toString('base64'),
    });
    const request = { type: 'juminhyo', copies: 1, options: { scope: 'self', householdHeadAndRelationship: false, honsekiAndHittosha: false } } as const;
    const answer = await client.issue(session.ward, session.sessionToken, request, randomUUID());
    assert.equal(answer.outcome, 'issued');
    return { serial: answer.outcome === 'issued' ? answer.serial : '', issuer: session.ward };
  } finally {
    await call(runtime, 'simulator.removeCard', {});
  }
}

describe('staff transactions (runtime)', () => {
  test('a finished sale is listed without personal data and reconciled with its fee', async () => {
    await toPayStep();
    const paying = call(runtime, 'certificate.pay', { method: 'cash' });
    await insertCash(runtime, 300);
    await paying;
    await waitForStep(runtime, 'take-card');
    assert.equal((await call(runtime, 'staff.login', { passcode: '24681357' })).outcome, 'citizen-busy', 'no staff session mid-sale');
    await call(runtime, 'simulator.removeCard', {});
    await waitForStep(runtime, 'idle', 20_000);

    await login();
    const list = await call(runtime, 'staff.listTransactions', {});
    const sale = list.find((t) => t.state === 'done');
    assert.ok(sale, JSON.stringify(list));
    assert.equal(sale.feeYen, 300);
    assert.equal(sale.certificateType, 'juminhyo');
    assert.equal(sale.paymentMethod, 'cash');
    assert.match(sale.serial ?? '', /^\d{5}-\d{4}-\d{7}$/);
    assert.equal(sale.canVoid, false, 'a printed certificate is final');
    assert.equal(sale.canReprint, false);
    assert.doesNotMatch(JSON.stringify(list), /residentRef|髙橋|RES-/, 'no resident data in the staff list');

    const rec = await call(runtime, 'staff.reconciliation', {});
    assert.deepEqual(rec.sales, [{ certificateType: 'juminhyo', method: 'cash', outcome: 'sold', count: 1, yen: 300 }]);
    assert.equal(rec.cashInYen, 300);
    assert.equal(rec.printed, 1);
    assert.equal(rec.netYen, 300);
    assert.deepEqual(
      rec.byOutcome.find((o) => o.state === 'done'),
      { state: 'done', count: 1, yen: 300 },
    );
    assert.equal(rec.openPaidNotPrinted, 0);
  });

  test('staff void reaches the back end for a serial whose earlier void failed', async () => {
    // Logged in first: the passcode check (scrypt, N=2^17) takes a while, and meanwhile the
    // background void retrier could settle the stranded serial this test is about.
    await login();
    const { serial, issuer } = await strandedSerial();
    const row = (await call(runtime, 'staff.listTransactions', {})).find((t) => t.serial === serial);
    assert.ok(row && row.state === 'cancelled' && row.canVoid, JSON.stringify(row));
    const voided = await call(runtime, 'staff.void', { txId: row.txId, reason: 'other' });
    assert.equal(voided.canVoid, false);
    await assert.rejects(runtime.ward.client.issuedContent(issuer, serial), (e: unknown) => e instanceof WardApiError && e.code === 'already-voided');
    const refused = await runtime.router.dispatch('staff.void', { txId: row.txId, reason: 'other' });
    assert.deepEqual(refused.ok ? null : refused.error.code, 'staff.not-allowed');
  });

  test('a sale left paid but unprinted is reprinted under the same serial, once', async () => {
    await login(); // first: the passcode check (scrypt, N=2^17) is slow
    const { serial, issuer } = await issuedOutsideJournal();
    // A sale the kiosk took money for and lost before printing (as after a lost print job).
    const tx = runtime.journal.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    runtime.journal.markAuthenticated(tx.id, { residentRef: 'ref-staff-test', serial, issuer });
    runtime.journal.markPaid(tx.id, { method: 'cash', reference: 'pay-staff-test', amountYen: 300 });
    const row = (await call(runtime, 'staff.listTransactions', {})).find((t) => t.txId === tx.id);
    assert.ok(row?.canReprint, JSON.stringify(row));
    const before = runtime.devices.sim.printer!.printed.length;
    const after = await call(runtime, 'staff.reprint', { txId: tx.id, reason: 'print-failed' });
    assert.equal(after.state, 'done');
    assert.equal(runtime.devices.sim.printer!.printed.length, before + 1);
    await assert.rejects(runtime.ward.client.issuedContent(issuer, serial), (e: unknown) => e instanceof WardApiError && e.code === 'already-printed');
    const again = await runtime.router.dispatch('staff.reprint', { txId: tx.id, reason: 'print-failed' });
    assert.equal(again.ok ? null : again.error.code, 'staff.not-allowed');
  });

  test('a sale whose job the printer completed before its id was journaled is not reprinted (found by its name)', async () => {
    await login(); // first: the passcode check (scrypt, N=2^17) is slow
    const { serial, issuer } = await issuedOutsideJournal();
    const tx = runtime.journal.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
    runtime.journal.markAuthenticated(tx.id, { residentRef: 'ref-staff-test', serial, issuer });
    runtime.journal.markPaid(tx.id, { method: 'cash', reference: 'pay-staff-test', amountYen: 300 });
    const { printAttempts } = runtime.journal.markPrinting(tx.id, { serial });
    // The printer accepted and printed the attempt; the crash came before its id reached the journal.
    const printed = await runtime.devices.printer.print(await onePagePdf(), { jobName: certificateJobName(serial, printAttempts) });
    assert.equal(printed.outcome, 'completed');
    const before = runtime.devices.sim.printer!.printed.length;
    const refused = await runtime.router.dispatch('staff.reprint', { txId: tx.id, reason: 'print-failed' });
    assert.equal(refused.ok ? null : refused.error.code, 'staff.not-allowed');
    assert.equal(runtime.devices.sim.printer!.printed.length, before, 'nothing printed a second time');
    assert.equal(runtime.journal.get(tx.id)?.state, 'printing');
  });
});

/** A one-page PDF to print outside a sale. */
function onePagePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('test page');
    doc.end();
  });
}
