/**
 * Whole-transaction benchmark (prints figures, asserts nothing): one complete 住民票 issuance
 * through the runtime's request router with the simulated card, cash unit and IPP printer and the
 * embedded back end, no think time: card in, PIN, choose, pay cash (one 500-yen coin), take the
 * card, print, take the certificate. Warm p50/p95 over 30 runs.
 *
 * Beside it, in the same run, where the time goes: the journal's commits of one sale alone (WAL,
 * synchronous=FULL, 8 commits), the verified PDF render of the same certificate alone, and the
 * simulated printer printing that PDF alone (its simulated 300 ms per page included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createVerifiedRenderer } from '../../main/certificates/verified-renderer';
import { resolveProjectPath } from '../../main/config/project-paths';
import { TransactionJournal } from '../../main/journal/transaction-journal';
import type { KioskRuntime } from '../../main/kiosk-runtime';
import { call, startTestRuntime } from '../support/journey-driver';
import { stepReached, wholeSale } from '../support/whole-sale';

const WARMUP = 3;
const RUNS = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  console.log(`${label.padEnd(58)} p50 ${p50.toFixed(1).padStart(8)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(8)} ms`);
  return p50;
}

async function main(): Promise<void> {
  const runtime = await startTestRuntime();
  try {
    console.log(`whole transaction, ${RUNS} warm runs after ${WARMUP} warm-up (simulated devices, embedded back end, no think time)`);
    const whole = await measure('住民票: card, PIN, choose, cash, take card, print, take', RUNS, () => wholeSale(runtime));

    // Peers, same run: the parts that do not need a citizen.
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-journal-'));
    const journal = TransactionJournal.open({ path: join(dir, 'journal.db'), kioskId: 'BENCH' });
    let n = 0;
    const journalOnly = await measure('peer: the journal commits of one sale (8, synchronous=FULL)', RUNS, async () => {
      const serial = `BENCH-${process.pid}-${++n}`;
      const tx = journal.begin({ certificateType: 'juminhyo', copies: 1, amountYen: 300 });
      journal.markAuthenticated(tx.id, { residentRef: 'RES-BENCH', serial, issuer: 'kokurakita' });
      journal.markPaid(tx.id, { method: 'cash', reference: tx.id, amountYen: 300 });
      journal.markPrinting(tx.id, { serial });
      journal.recordPrintJob(tx.id, n);
      journal.markPrinted(tx.id);
      journal.markCardReturned(tx.id);
      journal.markDone(tx.id);
    });
    journal.close();
    rmSync(dir, { recursive: true, force: true });

    // The same certificate content as the transaction printed: issue one through the back end.
    const last = runtime.devices.sim.printer!.printed.at(-1)!.pdf;
    const render = createVerifiedRenderer(
      resolveProjectPath(runtime.config.backend.sealPublicKeyFile),
      join(resolveProjectPath(runtime.config.contentDir), 'documents', 'city-seal.png'),
    );
    const issued = await issueOne(runtime);
    const renderOnly = await measure('peer: verified PDF render of the certificate alone', RUNS, () => render(issued.certificate, issued.qrPayload));
    const printOnly = await measure('peer: simulated IPP printer printing that PDF alone', 10, () =>
      runtime.devices.printer.print(last, { jobName: 'bench', copies: 1 }),
    );
    const rest = whole - journalOnly - renderOnly - printOnly;
    console.log(
      `share of the p50: journal ${((journalOnly / whole) * 100).toFixed(1)}%, render ${((renderOnly / whole) * 100).toFixed(1)}%, ` +
        `printing ${((printOnly / whole) * 100).toFixed(1)}%, the rest (card, PIN signing, back end, cash, UI events) ${((rest / whole) * 100).toFixed(1)}%`,
    );
  } finally {
    await runtime.stop();
  }
}

/** A fresh issuance (own login) for the render peer: the same type and resident as the transaction. */
async function issueOne(runtime: KioskRuntime): Promise<{ certificate: Record<string, unknown>; qrPayload: string }> {
  const ward = runtime.ward.client;
  const wardId = runtime.config.ward;
  const nonce = await ward.nonce(wardId);
  const card = runtime.devices.card;
  const pinReady = stepReached(runtime, 'pin');
  await call(runtime, 'certificate.begin', {});
  await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
  await pinReady;
  const signed = await card.signAuthChallenge('1234', Buffer.from(nonce.nonce, 'base64'), { confirmedLastTry: false });
  const session = await ward.verify(wardId, {
    nonce: nonce.nonce,
    signature: Buffer.from(signed.signature).toString('base64'),
    certificate: Buffer.from(signed.certificate.der).toString('base64'),
  });
  const answer = await ward.issue(
    session.ward,
    session.sessionToken,
    { type: 'juminhyo', copies: 1, options: { scope: 'self', householdHeadAndRelationship: false, honsekiAndHittosha: false } },
    `bench-${process.pid}-${Date.now()}`,
  );
  await runtime.session.end('cancel');
  if (answer.outcome !== 'issued') throw new Error('bench issuance refused');
  await ward.voidIssued(session.ward, answer.serial, { reason: 'cancelled' }, `void-${answer.serial}`);
  return { certificate: answer.certificate, qrPayload: answer.qrPayload };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
