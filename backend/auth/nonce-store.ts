/**
 * Single-use, short-lived JPKI challenges, each bound to the kiosk that asked for it.
 * Kept in memory: a nonce outlives neither its TTL nor a restart, and that is the point.
 *
 * Bounded per kiosk: a kiosk's (maxPerKiosk+1)-th outstanding nonce evicts that kiosk's own oldest.
 * A kiosk has one login in flight at a time, so only a runaway or compromised kiosk ever reaches
 * the bound, and then it only spends its own nonces: another kiosk's challenge is never evicted by
 * it. Evicting rather than refusing (429) keeps a kiosk whose citizens walked away mid-PIN usable
 * with no retry logic, and a flood gains nothing: the flooder's latest nonces are all it holds.
 * The store-wide bound stays as the last guard on memory.
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../platform/http/api-error';

interface Entry {
  kioskId: string;
  expiresAt: number;
}

export class NonceStore {
  private readonly live = new Map<string, Entry>();
  /** Recently consumed nonces, remembered until their expiry so a replay reads `nonce-used`. */
  private readonly used = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxOutstanding: number,
    private readonly now: () => Date,
    private readonly maxPerKiosk = maxOutstanding,
  ) {}

  /** Issues a fresh 32-byte nonce (base64) for `kioskId`. */
  issue(kioskId: string): { nonce: string; expiresAt: Date } {
    this.sweep();
    const own = [...this.live].filter(([, e]) => e.kioskId === kioskId);
    // Map keeps insertion order: the first of this kiosk's entries is its oldest.
    for (const [oldest] of own.slice(0, Math.max(0, own.length - this.maxPerKiosk + 1))) this.live.delete(oldest);
    if (this.live.size >= this.maxOutstanding) {
      // Drop the oldest outstanding nonce rather than refuse service (Map keeps insertion order).
      const oldest = this.live.keys().next().value;
      if (oldest !== undefined) this.live.delete(oldest);
    }
    const nonce = randomBytes(32).toString('base64');
    const expiresAt = this.now().getTime() + this.ttlMs;
    this.live.set(nonce, { kioskId, expiresAt });
    return { nonce, expiresAt: new Date(expiresAt) };
  }

  /** Consumes a nonce; throws 401 nonce-unknown / nonce-expired / nonce-used. Any outcome burns it. */
  consume(nonce: string, kioskId: string): Buffer {
    const t = this.now().getTime();
    const entry = this.live.get(nonce);
    if (!entry) {
      const usedUntil = this.used.get(nonce);
      if (usedUntil !== undefined && usedUntil >= t) throw new ApiError(401, 'nonce-used', 'nonce already used');
      throw new ApiError(401, 'nonce-unknown', 'nonce unknown');
    }
    // Another kiosk presenting it learns nothing and cannot keep it alive for the owner either.
    if (entry.kioskId !== kioskId) throw new ApiError(401, 'nonce-unknown', 'nonce unknown');
    this.live.delete(nonce);
    this.used.set(nonce, entry.expiresAt);
    if (entry.expiresAt < t) throw new ApiError(401, 'nonce-expired', 'nonce expired');
    return Buffer.from(nonce, 'base64');
  }

  private sweep(): void {
    const t = this.now().getTime();
    for (const [k, e] of this.live) if (e.expiresAt < t) this.live.delete(k);
    for (const [k, until] of this.used) if (until < t) this.used.delete(k);
  }
}
