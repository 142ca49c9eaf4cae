import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PrinterHealth, PrintOptions, PrintResult } from '../../../devices/printer/printer';
import { createVoucherSlipPrinter, printSlip, voucherOffice } from '../../../main/certificates/voucher-slip-printer';
import type { StaffAlert } from '../../../main/staff/staff-alert';
import type { VoucherSlipInput } from '../../../main/documents/voucher';
import type { VoucherRecord } from '../../../main/journal/voucher-ledger';

const VOUCHER: VoucherRecord = {
  number: 'RV-KK01-20261128-0001',
  txId: 'TX-1',
  amountYen: 200,
  reason: 'payment-failed',
  checkCode: 'ABCD1234',
  issuedAt: Date.UTC(2026, 10, 28, 3),
};
const READY: PrinterHealth = { ready: true, state: 'idle', conditions: [], staffAlerts: [], queuedJobs: 0 };
const JAMMED: PrinterHealth = {
  ready: false,
  state: 'stopped',
  reasons: ['media-jam'],
  citizenMessageKey: 'printer.mediaJam',
  conditions: [],
  staffAlerts: [],
  queuedJobs: 0,
};

function rig(o: { health?: PrinterHealth; result?: PrintResult | Error; voucher?: VoucherRecord | undefined } = {}) {
  const jobs: Array<{ pdf: Buffer; options: PrintOptions }> = [];
  const rendered: VoucherSlipInput[] = [];
  const marked: string[] = [];
  const alerts: StaffAlert[] = [];
  const voucher = 'voucher' in o ? o.voucher : VOUCHER;
  const printer = createVoucherSlipPrinter({
    printer: {
      health: async () => o.health ?? READY,
      print: async (pdf, options) => {
        jobs.push({ pdf, options });
        if (o.result instanceof Error) throw o.result;
        return o.result ?? { outcome: 'completed', jobId: 7, pagesCompleted: 1 };
      },
    },
    vouchers: { get: (n) => (voucher && n === voucher.number ? voucher : undefined), markSlipPrinted: (n) => void marked.push(n) },
    kioskId: 'kiosk-kokurakita-01',
    office: voucherOffice('kokurakita'),
    alertStaff: (a) => alerts.push(a),
    render: async (input) => {
      rendered.push(input);
      return Buffer.from('%PDF-1.7 slip');
    },
  });
  return { printer, jobs, rendered, marked, alerts };
}

describe('voucher slip printer', () => {
  test("a journaled voucher on a ready printer: the slip shows the journal's amount and code, and is marked printed", async () => {
    const r = rig();
    assert.equal(await r.printer(VOUCHER.number, 'payment-failed'), true);
    assert.deepEqual(
      r.rendered.map((i) => [i.voucherNumber, i.amountYen, i.checkCode, i.office.name, i.cause]),
      [[VOUCHER.number, 200, 'ABCD1234', '小倉北区役所', 'payment-failed']],
    );
    assert.equal(r.jobs[0]?.options.jobName, `voucher-${VOUCHER.number}`);
    assert.deepEqual(r.marked, [VOUCHER.number]);
    assert.deepEqual(r.alerts, []);
  });

  test('a printer that is not ready is not tried: false, staff told', async () => {
    const r = rig({ health: JAMMED });
    assert.equal(await r.printer(VOUCHER.number, 'print-failed'), false);
    assert.equal(r.jobs.length, 0);
    assert.deepEqual(r.alerts, [{ code: 'voucher-slip-not-printed', severity: 'warning', reference: VOUCHER.number }]);
  });

  test('a voucher the journal does not hold (or already paid out) gets no slip', async () => {
    assert.equal(await rig({ voucher: undefined }).printer(VOUCHER.number, 'print-failed'), false);
    const settled = rig({ voucher: { ...VOUCHER, settledAt: 1 } });
    assert.equal(await settled.printer(VOUCHER.number, 'print-failed'), false);
    assert.equal(settled.jobs.length, 0);
  });

  test('a job that does not complete, or a printer error, is a slip not printed and not marked', async () => {
    const aborted = rig({ result: { outcome: 'aborted', jobId: 3, reason: 'media-jam', by: 'printer', pagesCompleted: 0 } });
    assert.equal(await aborted.printer(VOUCHER.number, 'payment-failed'), false);
    assert.deepEqual(aborted.marked, []);
    assert.equal(aborted.alerts.length, 1);
    const offline = rig({ result: Object.assign(new Error('offline'), { code: 'printer.offline' }) });
    assert.equal(await offline.printer(VOUCHER.number, 'payment-failed'), false);
  });

  test('printSlip: no printer wired, or one that throws, is false and never an error', async () => {
    assert.equal(await printSlip(undefined, VOUCHER.number, 'cancelled'), false);
    assert.equal(
      await printSlip(
        async () => {
          throw new Error('journal closed');
        },
        VOUCHER.number,
        'cancelled',
      ),
      false,
    );
  });
});
