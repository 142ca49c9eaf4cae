/**
 * "Kiosk killed between payment and printing (resolved on restart)": a child process runs a whole
 * kiosk runtime against a ward back end and an IPP printer simulator that live in this process (so
 * they survive the kiosk, as a real back end and printer do), is SIGKILLed right after `paid` is
 * durable or while the printer works on the job, and a new runtime on the same data folder resolves
 * the sale before serving anyone: exactly one certificate printed, or the full fee as a voucher
 * with a staff alert. Never both, never neither; a second restart changes nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { startWardBackend, type WardBackendHandle } from '../../../backend/start-ward-backend';
import { IppClient } from '../../../devices/printer/ipp/ipp-client';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { mergeConfig, parseConfig } from '../../../main/config/load-config';
import { fixturesDir } from '../../../main/config/project-paths';
import { createKioskRuntime, type KioskRuntime } from '../../../main/kiosk-runtime';

const ROOT = join(__dirname, '../../..');
let backend: WardBackendHandle;
const cleanups: Array<() => Promise<void> | void> = [];

before(async () => {
  backend = await startWardBackend({ port: 0, fixturesDir: fixturesDir() });
});
after(async () => {
  await backend.stop();
});
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function printerSim(msPerPage: number): Promise<PrinterSimulator> {
  const sim = await startPrinterSimulator({ config: join(fixturesDir(), 'printers', 'kiosk-a4-mono.json'), spoolDir: null, msPerPage });
  cleanups.push(() => sim.stop());
  return sim;
}

function kioskOverlay(sim: PrinterSimulator): { overlay: Record<string, unknown>; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-crash-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    dataDir,
    overlay: { dataDir, backend: { mode: 'remote', url: backend.url }, devices: { printer: 'real' }, hardware: { printerUri: sim.uri } },
  };
}

/** Runs the kiosk child to `mode`, SIGKILLs it once it reports the state durable, returns its line's fields. */
async function killKioskAt(
  overlay: Record<string, unknown>,
  mode: 'paid' | 'printing' | 'accepted',
): Promise<{ txId: string; serial: string; jobId?: number }> {
  const [, txId = '', serial = '', jobId] = (await killChildAt(overlay, mode)).split(' ');
  return { txId, serial, ...(jobId ? { jobId: Number(jobId) } : {}) };
}

/** Runs the kiosk child to `mode`, SIGKILLs it once it reports the state durable, returns its line. */
async function killChildAt(overlay: Record<string, unknown>, mode: 'paid' | 'printing' | 'accepted' | 'basket-printing'): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'crash-kiosk-child.ts'), JSON.stringify(overlay), mode], {
    cwd: ROOT,
    env: { ...process.env, MADOGUCHI_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^(PAID|PRINTING|ACCEPTED|BASKET) .*$/m.exec(buf);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`kiosk child exited early (${code})`)));
  });
  child.kill('SIGKILL');
  await exited;
  return line;
}

async function restart(overlay: Record<string, unknown>, recoveryJobSettleMs = 30_000): Promise<KioskRuntime> {
  const runtime = await createKioskRuntime(parseConfig(mergeConfig(DEFAULT_CONFIG, overlay), 'restart'), 'browser', { recoveryJobSettleMs });
  cleanups.push(() => runtime.stop());
  return runtime;
}

const backendStatus = (serial: string): string | undefined =>
  (backend.db.prepare('SELECT status FROM issuances WHERE serial = ?').get(serial) as { status: string } | undefined)?.status;

/** Jobs for this serial the printer completed. */
function completedPrints(sim: PrinterSimulator, serial: string): number {
  const ids = new Set(sim.printed.filter((d) => d.jobName.startsWith(`certificate-${serial}-`)).map((d) => d.jobId));
  return sim.snapshot().jobs.filter((j) => ids.has(j.id) && j.state === 'completed').length;
}

describe('kiosk killed between payment and printing', () => {
  test('killed right after paid: the restart prints serial X once; a second restart does nothing', async () => {
    const sim = await printerSim(20);
    const { overlay } = kioskOverlay(sim);
    const { txId, serial } = await killKioskAt(overlay, 'paid');
    assert.equal(sim.printed.length, 0, 'the kiosk died before printing');
    assert.equal(backendStatus(serial), 'issued');

    const first = await restart(overlay);
    assert.deepEqual(first.recovery, [{ txId, outcome: 'reprinted', serial }]);
    assert.equal(completedPrints(sim, serial), 1);
    assert.equal(sim.printed.length, 1);
    assert.equal(backendStatus(serial), 'printed');
    const tx = first.journal.get(txId);
    assert.equal(tx?.state, 'done');
    assert.equal(tx?.refund, undefined, 'printed, so no refund');
    assert.ok(first.staffAlerts.list().some((a) => a.code === 'recovery-reprinted' && a.reference === serial));
    assert.equal(first.journal.reconcile(first.journal.day(tx!.payment!.at)).netYen, 300);
    await assert.rejects(
      first.ward.client.issuedContent('kokurakita', serial),
      { code: 'already-printed' },
      'the back end gives the content once more only while unprinted',
    );
    await first.stop();

    const second = await restart(overlay);
    assert.deepEqual(second.recovery, [], 'resolved once');
    assert.equal(sim.printed.length, 1);
    assert.equal(second.journal.get(txId)?.state, 'done');
  });

  test('killed while the printer works on the job: the printer finishes it, the restart records it and prints nothing', async () => {
    const sim = await printerSim(1500);
    const { overlay } = kioskOverlay(sim);
    const { txId, serial, jobId } = await killKioskAt(overlay, 'printing');
    assert.ok(jobId !== undefined && jobId > 0);
    const job = sim.snapshot().jobs.find((j) => j.id === jobId);
    assert.ok(job && job.state !== 'completed', 'the kiosk died before the job ended');

    const first = await restart(overlay);
    assert.deepEqual(first.recovery, [{ txId, outcome: 'confirmed-printed', serial }]);
    assert.equal(completedPrints(sim, serial), 1);
    assert.equal(sim.printed.length, 1, 'not sent again');
    assert.equal(backendStatus(serial), 'printed');
    assert.equal(first.journal.get(txId)?.state, 'done');
    assert.ok(first.staffAlerts.list().some((a) => a.code === 'recovery-printed-before-crash' && a.reference === serial));
    await first.stop();
    const second = await restart(overlay);
    assert.deepEqual(second.recovery, []);
    assert.equal(sim.printed.length, 1);
  });

  test('killed after paid, printer out of paper at restart: full fee as a voucher, staff alerted, serial voided, never printed later', async () => {
    const sim = await printerSim(20);
    const { overlay } = kioskOverlay(sim);
    const { txId, serial } = await killKioskAt(overlay, 'paid');
    sim.injectFault('media-empty');
    const first = await restart(overlay);
    assert.equal(first.recovery.length, 1);
    const outcome = first.recovery[0];
    assert.ok(outcome?.outcome === 'refunded');
    assert.equal(outcome.amountYen, 300);
    assert.equal(outcome.reason, 'printer-not-ready');
    assert.equal(outcome.voidConfirmed, true);
    assert.match(outcome.voucherNumber, /^RV-KOKURA01-\d{8}-\d{4}$/);
    assert.equal(backendStatus(serial), 'voided');
    assert.deepEqual(first.journal.get(txId)?.refund, {
      method: 'voucher',
      amountYen: 300,
      voucherNumber: outcome.voucherNumber,
      at: first.journal.get(txId)?.refund?.at,
    });
    assert.ok(first.staffAlerts.list().some((a) => a.code === 'recovery-refund-voucher' && a.reference === outcome.voucherNumber));
    await assert.rejects(first.ward.client.issuedContent('kokurakita', serial), { code: 'already-voided' });
    await first.stop();

    sim.clearFaults();
    const second = await restart(overlay);
    assert.deepEqual(second.recovery, [], 'the voucher is not issued twice, nor the certificate printed after it');
    assert.equal(sim.printed.length, 0);
  });

  test('killed while printing, and staff canceled the job at the printer: the restart prints serial X once', async () => {
    const sim = await printerSim(3000);
    const { overlay } = kioskOverlay(sim);
    const { txId, serial, jobId } = await killKioskAt(overlay, 'printing');
    await new IppClient(sim.uri, { requestTimeoutMs: 5000, submitTimeoutMs: 5000, userName: 'staff' }).cancelJob(jobId ?? 0);
    const first = await restart(overlay);
    assert.deepEqual(first.recovery, [{ txId, outcome: 'reprinted', serial }]);
    assert.equal(completedPrints(sim, serial), 1, 'the canceled job did not print; the new one did');
    assert.equal(sim.printed.length, 2, 'two jobs sent, one certificate out');
    const tx = first.journal.get(txId);
    assert.equal(tx?.printAttempts, 2);
    assert.equal(tx?.state, 'done');
    assert.equal(backendStatus(serial), 'printed');
  });

  test('killed while printing, and the printer no longer knows the job: voucher, serial voided, staff told to check the tray', async () => {
    const old = await printerSim(3000);
    const { overlay } = kioskOverlay(old);
    const { txId, serial } = await killKioskAt(overlay, 'printing');
    await old.stop(); // replaced printer: the job's fate is unknown to the kiosk
    const fresh = await printerSim(20);
    const first = await restart({ ...overlay, hardware: { printerUri: fresh.uri } });
    const outcome = first.recovery[0];
    assert.ok(outcome?.outcome === 'refunded' && outcome.reason === 'print-outcome-unknown');
    assert.equal(outcome.serial, serial);
    assert.equal(backendStatus(serial), 'voided', 'any paper that did come out fails verification');
    assert.equal(fresh.printed.length, 0, 'never printed a second time');
    assert.deepEqual(
      first.journal
        .events(txId)
        .map((e) => e.to)
        .slice(-2),
      ['voided', 'refunded'],
    );
  });

  test('a basket of two, killed while the second prints (the first printed): each certificate comes out exactly once, no refund', async () => {
    const sim = await printerSim(1500);
    const { overlay } = kioskOverlay(sim);
    const [, firstTx = '', firstSerial = '', secondTx = '', secondSerial = ''] = (await killChildAt(overlay, 'basket-printing')).split(' ');
    assert.equal(completedPrints(sim, firstSerial), 1, 'the first printed before the kill');

    const first = await restart(overlay);
    assert.deepEqual(first.recovery, [{ txId: secondTx, outcome: 'confirmed-printed', serial: secondSerial }], 'only the unfinished item is recovered');
    assert.equal(completedPrints(sim, firstSerial), 1, 'the printed item is never sent again');
    assert.equal(completedPrints(sim, secondSerial), 1);
    assert.equal(sim.printed.length, 2);
    assert.equal(first.journal.get(firstTx)?.refund, undefined);
    assert.equal(first.journal.get(secondTx)?.refund, undefined);
    assert.equal(first.journal.get(secondTx)?.state, 'done');
    const paidAt = first.journal.get(secondTx)!.payment!.at;
    assert.equal(first.journal.reconcile(first.journal.day(paidAt)).netYen, 600, 'both fees kept, once each');
    assert.equal(backendStatus(firstSerial), 'printed');
    assert.equal(backendStatus(secondSerial), 'printed');
    await first.stop();
    const second = await restart(overlay);
    assert.deepEqual(second.recovery, [], 'resolved once');
    assert.equal(sim.printed.length, 2);
  });

  test('a basket of two, killed while the second prints, and the printer lost it: the second alone is refunded by voucher', async () => {
    const old = await printerSim(3000);
    const { overlay } = kioskOverlay(old);
    const [, firstTx = '', firstSerial = '', secondTx = '', secondSerial = ''] = (await killChildAt(overlay, 'basket-printing')).split(' ');
    await old.stop(); // replaced printer: the second job's fate is unknown to the kiosk
    const fresh = await printerSim(20);
    const restarted = await restart({ ...overlay, hardware: { printerUri: fresh.uri } });
    const outcome = restarted.recovery[0];
    assert.equal(restarted.recovery.length, 1, 'the printed item is not touched');
    assert.ok(outcome?.outcome === 'refunded' && outcome.serial === secondSerial && outcome.txId === secondTx);
    assert.equal(outcome.amountYen, 300, "exactly the 課税証明書's own fee, not the sale's 600 yen");
    assert.equal(restarted.journal.get(firstTx)?.refund, undefined, 'the printed item keeps its fee');
    assert.equal(backendStatus(firstSerial), 'printed');
    assert.equal(backendStatus(secondSerial), 'voided');
    assert.equal(fresh.printed.length, 0);
  });

  describe('killed after the printer accepted the job, before its id was journaled', () => {
    /** Kills the kiosk in the window; the journal has `printing` and the attempt, but no job id. */
    async function killAfterAccept(sim: PrinterSimulator): Promise<{ overlay: Record<string, unknown>; txId: string; serial: string; jobId: number }> {
      const { overlay } = kioskOverlay(sim);
      const { txId, serial, jobId } = await killKioskAt(overlay, 'accepted');
      assert.ok(jobId !== undefined && jobId > 0);
      assert.equal(sim.printed.find((d) => d.jobId === jobId)?.jobName, `certificate-${serial}-1`, 'the job carries the journaled attempt name');
      return { overlay, txId, serial, jobId };
    }
    const settle = async (sim: PrinterSimulator, jobId: number): Promise<void> => {
      while (sim.snapshot().jobs.find((j) => j.id === jobId)?.state !== 'completed') await new Promise((r) => setTimeout(r, 10));
    };

    test('the printer completed it: found by name, recorded printed, exactly one certificate and no voucher', async () => {
      const sim = await printerSim(20);
      const { overlay, txId, serial, jobId } = await killAfterAccept(sim);
      await settle(sim, jobId);
      const restarted = await restart(overlay);
      assert.equal(restarted.journal.get(txId)?.printJobId, undefined, 'recovery learned of the job by its name only');
      assert.deepEqual(restarted.recovery, [{ txId, outcome: 'confirmed-printed', serial }]);
      assert.equal(completedPrints(sim, serial), 1);
      assert.equal(sim.printed.length, 1, 'not sent again');
      const tx = restarted.journal.get(txId);
      assert.equal(tx?.state, 'done');
      assert.equal(tx?.refund, undefined, 'no voucher');
      assert.equal(restarted.journal.reconcile(restarted.journal.day(tx!.payment!.at)).netYen, 300, 'the fee kept, nothing owed');
      assert.equal(backendStatus(serial), 'printed');
      assert.ok(!restarted.staffAlerts.list().some((a) => a.code === 'recovery-refund-voucher'));
    });

    test('the printer is still printing it at restart: recovery follows it to its end, one certificate, no voucher', async () => {
      const sim = await printerSim(1500);
      const { overlay, txId, serial, jobId } = await killAfterAccept(sim);
      assert.notEqual(sim.snapshot().jobs.find((j) => j.id === jobId)?.state, 'completed');
      const restarted = await restart(overlay);
      assert.deepEqual(restarted.recovery, [{ txId, outcome: 'confirmed-printed', serial }]);
      assert.equal(completedPrints(sim, serial), 1);
      assert.equal(sim.printed.length, 1);
      assert.equal(restarted.journal.get(txId)?.refund, undefined);
    });

    test('staff canceled it at the printer: the restart prints serial X once more under attempt 2', async () => {
      const sim = await printerSim(3000);
      const { overlay, txId, serial, jobId } = await killAfterAccept(sim);
      await new IppClient(sim.uri, { requestTimeoutMs: 5000, submitTimeoutMs: 5000, userName: 'staff' }).cancelJob(jobId);
      const restarted = await restart(overlay);
      assert.deepEqual(restarted.recovery, [{ txId, outcome: 'reprinted', serial }]);
      assert.equal(completedPrints(sim, serial), 1);
      assert.deepEqual(
        sim.printed.map((d) => d.jobName),
        [`certificate-${serial}-1`, `certificate-${serial}-2`],
      );
      assert.equal(restarted.journal.get(txId)?.state, 'done');
    });

    test('it waits on an empty tray past the settle time: canceled at the printer, voucher, serial voided, nothing prints later', async () => {
      const sim = await printerSim(3000);
      const { overlay, txId, serial, jobId } = await killAfterAccept(sim);
      sim.injectFault('media-empty');
      const restarted = await restart(overlay, 300);
      const outcome = restarted.recovery[0];
      assert.ok(outcome?.outcome === 'refunded' && outcome.reason === 'printer-not-ready', JSON.stringify(restarted.recovery));
      assert.equal(outcome.amountYen, 300);
      assert.equal(sim.snapshot().jobs.find((j) => j.id === jobId)?.state, 'canceled', 'a voided certificate must not come out when paper is back');
      assert.equal(backendStatus(serial), 'voided');
      assert.equal(restarted.journal.get(txId)?.state, 'refunded');
      sim.clearFaults();
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(completedPrints(sim, serial), 0);
    });

    test('the printer restarted since (power cut) and lists nothing: unknown, so voucher and void, never a second print', async () => {
      const old = await printerSim(3000);
      const { overlay, txId, serial } = await killAfterAccept(old);
      await old.stop();
      const fresh = await printerSim(20);
      const restarted = await restart({ ...overlay, hardware: { printerUri: fresh.uri } });
      const outcome = restarted.recovery[0];
      assert.ok(outcome?.outcome === 'refunded' && outcome.reason === 'print-outcome-unknown', JSON.stringify(restarted.recovery));
      assert.equal(backendStatus(serial), 'voided');
      assert.equal(fresh.printed.length, 0);
      assert.equal(restarted.journal.get(txId)?.state, 'refunded');
    });
  });
});
