import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import messages from '../../../devices/printer/messages.json';
import { mapPrintResult, mapReason, parseStateReason, progressMessageKey, summarizeStatus } from '../../../devices/printer/printer-status-map';
import type { CitizenMessageKey, PrinterReason, StaffAlertCode } from '../../../devices/printer/printer';

const ALL_REASONS: PrinterReason[] = [
  'media-empty',
  'media-jam',
  'door-open',
  'toner-empty',
  'toner-low',
  'media-low',
  'offline',
  'paused',
  'not-accepting-jobs',
  'protocol-error',
  'other-error',
];

describe('printer-state-reasons parsing', () => {
  const table: [string, PrinterReason | null, string][] = [
    ['media-empty-error', 'media-empty', 'error'],
    ['media-needed-error', 'media-empty', 'error'],
    ['media-jam-error', 'media-jam', 'error'],
    ['media-jam', 'media-jam', 'error'], // no suffix means error (RFC 8011 5.4.12)
    ['door-open-error', 'door-open', 'error'],
    ['cover-open-warning', 'door-open', 'warning'],
    ['toner-empty-error', 'toner-empty', 'error'],
    ['marker-supply-empty-error', 'toner-empty', 'error'],
    ['toner-low-warning', 'toner-low', 'warning'],
    ['offline-error', 'offline', 'error'],
    ['paused', 'paused', 'error'],
    ['media-empty-report', null, 'report'],
    ['none', null, 'report'],
    ['com.vendor-fuser-hot-error', 'other-error', 'error'],
    ['com.vendor-info-warning', null, 'warning'],
    ['constructor', 'other-error', 'error'], // prototype keys are not table entries
  ];
  for (const [kw, reason, severity] of table) {
    test(`${kw} -> ${reason} (${severity})`, () => {
      assert.deepEqual(parseStateReason(kw), { reason, severity, keyword: kw });
    });
  }
});

describe('health summary', () => {
  test('idle with none is ready', () => {
    const s = summarizeStatus({ state: 'idle', acceptingJobs: true, reasonKeywords: ['none'] });
    assert.deepEqual(s.blocking, []);
    assert.equal(s.citizenMessageKey, null);
    assert.deepEqual(s.staffAlerts, []);
  });
  test('warnings keep it ready but alert staff', () => {
    const s = summarizeStatus({ state: 'idle', acceptingJobs: true, reasonKeywords: ['toner-low-warning', 'media-low-warning'] });
    assert.deepEqual(s.blocking, []);
    assert.deepEqual(s.staffAlerts, [
      { severity: 'warning', code: 'PRINTER_MEDIA_LOW' },
      { severity: 'warning', code: 'PRINTER_TONER_LOW' },
    ]);
  });
  test('a jam outranks paper out; duplicates collapse', () => {
    const s = summarizeStatus({ state: 'stopped', acceptingJobs: true, reasonKeywords: ['media-empty-error', 'media-jam-error', 'media-needed-error'] });
    assert.deepEqual(s.blocking, ['media-jam', 'media-empty']);
    assert.equal(s.citizenMessageKey, 'printer.mediaJam');
    assert.deepEqual(
      s.staffAlerts.map((a) => a.code),
      ['PRINTER_MEDIA_JAM', 'PRINTER_MEDIA_EMPTY'],
    );
  });
  test('stopped without a named reason is still blocked', () => {
    const s = summarizeStatus({ state: 'stopped', acceptingJobs: true, reasonKeywords: ['none'] });
    assert.deepEqual(s.blocking, ['other-error']);
    assert.equal(s.citizenMessageKey, 'printer.unavailable');
  });
  test('not accepting jobs blocks', () => {
    const s = summarizeStatus({ state: 'idle', acceptingJobs: false, reasonKeywords: ['none'] });
    assert.deepEqual(s.blocking, ['not-accepting-jobs']);
  });
});

describe('job outcome mapping', () => {
  test('completed, aborted, canceled', () => {
    assert.deepEqual(mapPrintResult({ outcome: 'completed', jobId: 1, pagesCompleted: 2 }), { citizenMessageKey: 'printer.printed', staffAlert: null });
    assert.deepEqual(mapPrintResult({ outcome: 'aborted', jobId: 1, reason: 'media-jam', by: 'printer', pagesCompleted: 1 }), {
      citizenMessageKey: 'printer.jobFailed',
      staffAlert: { severity: 'critical', code: 'PRINTER_MEDIA_JAM' },
    });
    assert.deepEqual(mapPrintResult({ outcome: 'aborted', jobId: 1, reason: 'other-error', by: 'stalled', pagesCompleted: 0 }).staffAlert, {
      severity: 'critical',
      code: 'PRINTER_JOB_STALLED',
    });
    assert.equal(mapPrintResult({ outcome: 'canceled', jobId: 1, reason: 'canceled-by-kiosk', pagesCompleted: 0 }).citizenMessageKey, 'printer.jobCanceled');
    assert.equal(
      mapPrintResult({ outcome: 'canceled', jobId: 1, reason: 'canceled-at-printer', pagesCompleted: 0 }).staffAlert?.code,
      'PRINTER_JOB_CANCELED_AT_DEVICE',
    );
    assert.equal(progressMessageKey('processing-stopped'), 'printer.waitingForPrinter');
    assert.equal(progressMessageKey('processing'), 'printer.printing');
  });
});

describe('message table', () => {
  const keys = new Set<CitizenMessageKey>([
    'printer.ready',
    'printer.printing',
    'printer.waitingForPrinter',
    'printer.printed',
    'printer.jobFailed',
    'printer.jobCanceled',
  ]);
  const codes = new Set<StaffAlertCode>(['PRINTER_JOB_CANCELED', 'PRINTER_JOB_CANCELED_AT_DEVICE', 'PRINTER_JOB_STALLED']);
  for (const r of ALL_REASONS) {
    const m = mapReason(r);
    if (m.citizenMessageKey) keys.add(m.citizenMessageKey);
    codes.add(m.staffAlert.code);
    assert.equal(m.blocksPrinting, m.citizenMessageKey !== null, `${r}: blocking reasons and only those speak to the citizen`);
  }
  for (const lang of ['ja', 'en'] as const) {
    test(`${lang} has a string for every citizen key and staff alert code, and nothing extra`, () => {
      const t = messages[lang];
      assert.deepEqual(Object.keys(t.printer).sort(), [...keys].map((k) => k.slice('printer.'.length)).sort());
      assert.deepEqual(Object.keys(t.staffAlert).sort(), [...codes].sort());
      for (const s of [...Object.values(t.printer), ...Object.values(t.staffAlert)]) assert.ok(s.length > 0);
    });
  }
});
