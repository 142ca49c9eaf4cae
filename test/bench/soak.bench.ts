/**
 * `npm run bench -- soak`: a day without a restart. Whole certificate sales (default 1,000) and
 * 市内転居 applications (default 200) on one kiosk runtime, no think time, and the memory it keeps:
 * heap, external and RSS after a full GC at each checkpoint, and the growth per 1,000 sessions.
 *
 * The kiosk's own share is measured apart: the printer simulator and the ward back end run in
 * processes of their own (reached over IPP and mutual TLS exactly as the real ones), and their RSS
 * is printed beside the kiosk's as the peer. The card and the cash unit stay simulated in process:
 * their state is a fixed-size card file and a coin inventory.
 *
 * SOAK_SALES and SOAK_APPLICATIONS change the counts (e.g. a short run while developing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expectStep, reachMoveWithinCityReview } from '../support/application-driver';
import { call, removeCardAndWait, startTestRuntime, type TestRuntime } from '../support/journey-driver';
import { rssOf, startNodeService, type NodeService } from '../support/node-service';
import { wholeSale } from '../support/whole-sale';

const SALES = Number(process.env.SOAK_SALES ?? 1000);
const APPLICATIONS = Number(process.env.SOAK_APPLICATIONS ?? 200);
const WARMUP = 20;
const CHECKPOINT_EVERY = 100;
/** Paid exactly: a thousand sales with change would empty the coin recycler (a real kiosk's staff refill it). */
const EXACT_FEE_YEN = 300;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Sample {
  sessions: number;
  heap: number;
  external: number;
  rss: number;
  printerRss: number | null;
  backendRss: number | null;
}

const mb = (bytes: number | null): string => (bytes === null ? '     -' : (bytes / 1024 / 1024).toFixed(1).padStart(6));

async function sample(sessions: number, printer: NodeService, backend: NodeService): Promise<Sample> {
  gc();
  gc();
  const m = process.memoryUsage();
  const s = { sessions, heap: m.heapUsed, external: m.external, rss: m.rss, printerRss: await rssOf(printer.pid), backendRss: await rssOf(backend.pid) };
  console.log(
    `${String(sessions).padStart(6)} sessions   kiosk heap ${mb(s.heap)} MB  external ${mb(s.external)} MB  RSS ${mb(s.rss)} MB` +
      `   | printer sim RSS ${mb(s.printerRss)} MB  back end RSS ${mb(s.backendRss)} MB`,
  );
  return s;
}

/** Growth from `from` to `to`, scaled to 1,000 sessions, as percent of `from`. */
function growthPer1000(label: string, from: number | null, to: number | null, sessions: number): string {
  if (from === null || to === null || sessions === 0) return `${label} -`;
  const perSession = (to - from) / sessions;
  return `${label} ${((perSession * 1000 * 100) / from).toFixed(1)} % (${(perSession / 1024).toFixed(1)} KB/session)`;
}

async function application(runtime: TestRuntime): Promise<void> {
  await reachMoveWithinCityReview(runtime);
  const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
  if (!done) throw new Error('application not done');
  await removeCardAndWait(runtime);
  await runtime.session.end('complete');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-soak-'));
  const printer = await startNodeService('devices/printer/sim/printer-sim-cli.ts', ['--ms-per-page', '0'], /^printer URI:\s+(ipp:\/\/\S+)$/);
  const backend = await startNodeService('backend/server-cli.ts', ['--db', join(dataDir, 'ward.db')], /^(https:\/\/127\.0\.0\.1:\d+)$/);
  let runtime: TestRuntime | null = null;
  try {
    runtime = await startTestRuntime({
      dataDir: join(dataDir, 'kiosk'),
      devices: { printer: 'real' },
      hardware: { printerUri: printer.ready[1] },
      backend: { mode: 'remote', url: backend.ready[1] },
    });
    console.log(`soak: ${SALES} sales then ${APPLICATIONS} applications on one runtime (printer simulator pid ${printer.pid}, back end pid ${backend.pid})`);
    for (let i = 0; i < WARMUP; i++) await wholeSale(runtime, EXACT_FEE_YEN);
    const samples = [await sample(0, printer, backend)];
    for (let i = 1; i <= SALES; i++) {
      await wholeSale(runtime, EXACT_FEE_YEN);
      if (i % CHECKPOINT_EVERY === 0 || i === SALES) samples.push(await sample(i, printer, backend));
    }
    const afterSales = samples.at(-1)!;
    for (let i = 1; i <= APPLICATIONS; i++) {
      await application(runtime);
      if (i % CHECKPOINT_EVERY === 0 || i === APPLICATIONS) samples.push(await sample(SALES + i, printer, backend));
    }
    const first = samples[0]!;
    const last = samples.at(-1)!;
    const n = last.sessions - first.sessions;
    console.log(`\ngrowth per 1,000 sessions over ${n} sessions (after ${WARMUP} warm-up sales; the kiosk's own process):`);
    console.log(`  ${growthPer1000('heap', first.heap, last.heap, n)}`);
    console.log(`  ${growthPer1000('external', first.external, last.external, n)}`);
    console.log(`  ${growthPer1000('RSS', first.rss, last.rss, n)}`);
    console.log(`  sales alone: ${growthPer1000('heap', first.heap, afterSales.heap, afterSales.sessions)}`);
    console.log('peer, the same run (processes of their own):');
    console.log(`  ${growthPer1000('printer simulator RSS', first.printerRss, last.printerRss, n)}`);
    console.log(`  ${growthPer1000('ward back end RSS', first.backendRss, last.backendRss, n)}`);
  } finally {
    await runtime?.stop();
    await printer.stop();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
