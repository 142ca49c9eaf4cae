/**
 * Card benchmark (`npx tsx build/scripts/bench.ts card`): reading the basic 4 + My Number after
 * the PIN, and a JPKI user-auth challenge signature, in process and through the real
 * pcscd + vpcd, side by side: APDUs per operation, p50 and p95 in ms. Starts pcscd if needed and
 * stops what it started. Prints figures only; nothing here passes or fails on speed.
 */
import { randomBytes } from 'node:crypto';
import { createCardReaderManager } from '../../devices/card/card-reader-registry';
import type { CardReaderManager } from '../../devices/card/card-reader-manager';
import { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import { CardStateRegistry, VirtualMyNumberCard } from '../../devices/card/sim/virtual-card';
import { attachToVpcd, type VpcdAttachment } from '../../devices/card/sim/vpcd';
import { waitForCard, waitForReader } from '../../devices/card/wait-for-reader';
import { ensurePcscd, stopPcscd, VPCD_READERS } from '../support/pcscd';

const RUNS = Number(process.env.CARD_BENCH_RUNS ?? 40);
const WARMUP = 3;
const VPCD_PORT = 35964;

interface Row {
  path: string;
  op: string;
  apdus: number;
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(path: string, op: string, client: MyNumberCardClient, fn: () => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { path, op, apdus: client.lastApduCount, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchClient(path: string, manager: CardReaderManager, readerName: string): Promise<Row[]> {
  const client = new MyNumberCardClient(manager, { readerName });
  return [
    await measure(path, 'basic 4 + My Number (PIN)', client, () => client.readBasicInfo('1234')),
    await measure(path, 'JPKI auth signature (PIN)', client, () => client.signAuthChallenge('1234', randomBytes(32))),
  ];
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const card = () => VirtualMyNumberCard.fromFixture('card-001', { registry: new CardStateRegistry() });

  const sim = createCardReaderManager({ backend: 'sim' });
  await sim.start();
  sim.insertCard(card());
  await waitForCard(sim, 2000);
  rows.push(...(await benchClient('in process', sim, sim.readerName)));
  await sim.stop();

  const reader = VPCD_READERS[VPCD_PORT];
  let attachment: VpcdAttachment | undefined;
  const real = createCardReaderManager({ backend: 'real', allowReaderPatterns: [`^${reader}$`] });
  try {
    await ensurePcscd();
    await real.start();
    await waitForReader(real, (r) => r.name === reader, 5000);
    attachment = await attachToVpcd(card(), { host: '127.0.0.1', port: VPCD_PORT });
    await waitForCard(real, 5000, reader);
    rows.push(...(await benchClient('pcscd + vpcd', real, reader)));
  } finally {
    await attachment?.detach();
    await real.stop();
    await stopPcscd();
  }

  console.log(`card layer, ${RUNS} runs each (after ${WARMUP} warm-up), fixture card-001`);
  console.log('| operation                  | path          | APDUs | p50 ms | p95 ms |');
  console.log('|----------------------------|---------------|------:|-------:|-------:|');
  for (const op of [...new Set(rows.map((r) => r.op))]) {
    for (const r of rows.filter((x) => x.op === op)) {
      console.log(
        `| ${r.op.padEnd(26)} | ${r.path.padEnd(13)} | ${String(r.apdus).padStart(5)} | ${r.p50.toFixed(2).padStart(6)} | ${r.p95.toFixed(2).padStart(6)} |`,
      );
    }
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error('card bench failed:', e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
