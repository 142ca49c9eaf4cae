/**
 * Ward back end: latency of a full JPKI login (nonce + verify) and of issuing certificates, beside
 * `GET /v1/health` over the same mTLS setup as the peer (one fresh TLS connection per request).
 * Prints figures; asserts nothing. Run: npm run bench -- backend
 */
import { performance } from 'node:perf_hooks';
import { startTestBackend } from '../integration/backend/helpers/test-backend';

async function measure(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${label.padEnd(40)} n=${n}  median ${p(0.5)} ms  p90 ${p(0.9)} ms`);
}

async function main(): Promise<void> {
  const b = await startTestBackend();
  try {
    const card = b.pki.cards['res-001']!;
    await measure('peer: GET /v1/health', 50, () => b.api('/v1/health'));
    await measure('login (nonce + verify)', 50, () => b.login(card, 'kokurakita'));
    const token = await b.login(card, 'kokurakita');
    const auth = { authorization: `Bearer ${token}` };
    await measure('issue 住民票 世帯全員 (sealed)', 50, (i) =>
      b.api('/v1/certificates', {
        body: { type: 'juminhyo', copies: 1, options: { scope: 'household', householdHeadAndRelationship: true, honsekiAndHittosha: true } },
        headers: { ...auth, 'idempotency-key': `bench-j-${i}-xxxxxxxx` },
      }),
    );
    await measure('issue 戸籍全部事項 (sealed)', 50, (i) =>
      b.api('/v1/certificates', {
        body: { type: 'koseki-zenbu', copies: 1 },
        headers: { ...auth, 'idempotency-key': `bench-k-${i}-xxxxxxxx` },
      }),
    );
    await measure('submission (new key)', 50, (i) =>
      b.api('/v1/submissions', {
        body: { kind: 'jumin-ido-todoke', payload: { n: i } },
        headers: { 'idempotency-key': `bench-s-${i}-xxxxxxxx` },
      }),
    );
  } finally {
    await b.handle.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
