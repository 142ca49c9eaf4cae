/**
 * The audit log's hash chain and signed heads, as pure functions shared by the kiosk (which
 * writes) and `npm run audit:verify` (which checks).
 *
 * - Each entry's hash is SHA-256 over the canonical JSON (RFC 8785-style, the same encoder as the
 *   certificate seal) of its number, time, fields and the previous entry's hash: editing any field,
 *   removing an entry or moving one breaks the hash or the link of the entry it touches.
 * - Someone able to rewrite the file could recompute every hash after an edit; the head (last
 *   number and hash) is therefore signed from time to time with the kiosk's private key, which that
 *   person does not have. A rewritten chain no longer matches the heads signed before the rewrite.
 *   Entries after the last signed head are only chained (`unsignedTail` says how many).
 */
import { createHash } from 'node:crypto';
import { canonicalBytes } from '../../platform/certificate-seal/canonical-json';
import type { AuditEntry } from './audit-entry';

/** The `prev` of the first entry of a chain that starts empty. */
export const GENESIS_HASH = '0'.repeat(64);
const FORMAT = 1;

/** The hash an entry must carry (its own `hash` field is not part of it). */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, kind, actor, subject, outcome, detail, prev } = entry;
  return createHash('sha256')
    .update(canonicalBytes({ v: FORMAT, seq, at, kind, actor, subject, outcome, detail, prev }))
    .digest('hex');
}

/** A signed statement "this kiosk's log had `hash` as entry `seq` at `at`". */
export interface SignedHead {
  kioskId: string;
  seq: number;
  hash: string;
  at: number;
  /** base64url SHA-256 of the signing key's public key (SPKI DER). */
  keyId: string;
  /** base64url signature over {@link headBytes}. */
  signature: string;
}

/** The bytes a head's signature covers. */
export function headBytes(head: Omit<SignedHead, 'signature'>): Buffer {
  const { kioskId, seq, hash, at, keyId } = head;
  return canonicalBytes({ v: FORMAT, purpose: 'madoguchi-audit-head', kioskId, seq, hash, at, keyId });
}

export type AuditProblemKind = 'edited' | 'removed' | 'reordered' | 'rewritten' | 'bad-signature' | 'unknown-key';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The first bad entry's number (for `rewritten`: the first entry that may have been rewritten). */
  seq: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstSeq: number | null;
  lastSeq: number | null;
  signedHeads: number;
  /** Entries after the last signed head: chained but not yet signed. */
  unsignedTail: number;
  problem?: AuditProblem;
}

export interface HeadVerifier {
  /** The key id this verifier holds (heads signed by another key are `unknown-key`). */
  keyId: string;
  verify(bytes: Buffer, signature: Buffer): boolean;
}

/** How far from its place a moved entry is looked for. */
const MOVE_SEARCH = 1000;

/** The number an entry was recorded under, when its hash matches its content at another number. */
function originalSeq(entry: AuditEntry): number | undefined {
  for (let d = 1; d <= MOVE_SEARCH; d++) {
    for (const seq of [entry.seq - d, entry.seq + d]) if (seq >= 1 && entryHash({ ...entry, seq }) === entry.hash) return seq;
  }
  return undefined;
}

/** Why the chain is broken at `entries[i]`, or null when it is sound there. */
function linkProblem(entries: readonly AuditEntry[], i: number, anchor: string, bySeqHash: Map<string, number>): AuditProblem | null {
  const entry = entries[i] as AuditEntry;
  const before = entries[i - 1];
  const expectedSeq = before ? before.seq + 1 : entry.seq;
  if (entry.seq !== expectedSeq) {
    return { kind: 'removed', seq: expectedSeq, message: `entry ${expectedSeq} is missing (the next one is ${entry.seq})` };
  }
  const expectedPrev = before ? before.hash : anchor;
  const selfOk = entryHash(entry) === entry.hash;
  if (selfOk && entry.prev === expectedPrev) return null;
  const linkedSeq = bySeqHash.get(entry.prev);
  // The entry it was chained to is nowhere: that one was removed (and the rest renumbered, if its hash is not its own).
  if (entry.prev !== expectedPrev && linkedSeq === undefined) {
    return { kind: 'removed', seq: entry.seq, message: `the entry before ${entry.seq} was removed${selfOk ? '' : ' and the rest renumbered'}` };
  }
  // Its content was hashed at another position: it was moved here.
  const origin = selfOk ? undefined : originalSeq(entry);
  if (origin !== undefined) {
    return { kind: 'reordered', seq: entry.seq, message: `entry ${entry.seq} was recorded as entry ${origin}: entries were reordered` };
  }
  if (!selfOk) return { kind: 'edited', seq: entry.seq, message: `entry ${entry.seq} was edited (its hash does not match its content)` };
  return { kind: 'reordered', seq: entry.seq, message: `entry ${entry.seq} links to entry ${linkedSeq ?? '?'}: entries were reordered` };
}

function headProblem(head: SignedHead, entries: readonly AuditEntry[], verifier: HeadVerifier, kioskId: string, lastGoodSeq: number): AuditProblem | null {
  if (head.keyId !== verifier.keyId) {
    return { kind: 'unknown-key', seq: head.seq, message: `the head at entry ${head.seq} was signed by another key (${head.keyId.slice(0, 12)})` };
  }
  const { signature, ...signed } = head;
  if (head.kioskId !== kioskId || !verifier.verify(headBytes(signed), Buffer.from(signature, 'base64url'))) {
    return { kind: 'bad-signature', seq: head.seq, message: `the signature of the head at entry ${head.seq} is not the kiosk's` };
  }
  const first = entries[0]?.seq ?? 1;
  const entry = entries[head.seq - first];
  if (!entry || entry.seq !== head.seq) {
    return { kind: 'removed', seq: head.seq, message: `entry ${head.seq}, signed as the head, is gone` };
  }
  if (entry.hash !== head.hash) {
    return {
      kind: 'rewritten',
      seq: lastGoodSeq + 1,
      message: `entries ${lastGoodSeq + 1} to ${head.seq} were rewritten (the signed head at ${head.seq} no longer matches)`,
    };
  }
  return null;
}

/**
 * Checks a chain (entries in stored order) and its signed heads (oldest first). Names the first bad
 * entry: chain breaks come first, then heads (a forged signature, or a chain rewritten with fresh
 * hashes that no longer matches what was signed).
 */
export function verifyAuditChain(input: {
  entries: readonly AuditEntry[];
  heads: readonly SignedHead[];
  verifier: HeadVerifier;
  kioskId: string;
  anchor?: string;
}): AuditVerification {
  const { entries, heads } = input;
  const anchor = input.anchor ?? GENESIS_HASH;
  const firstSeq = entries[0]?.seq ?? null;
  const lastSeq = entries.at(-1)?.seq ?? null;
  const lastHeadSeq = heads.reduce((m, h) => Math.max(m, h.seq), 0);
  const base = {
    entries: entries.length,
    firstSeq,
    lastSeq,
    signedHeads: heads.length,
    unsignedTail: lastSeq === null ? 0 : Math.max(0, lastSeq - lastHeadSeq),
  };
  const bySeqHash = new Map(entries.map((e) => [e.hash, e.seq]));
  if (entries[0] && entries[0].seq !== 1 && input.anchor === undefined) {
    return {
      ...base,
      ok: false,
      problem: { kind: 'removed', seq: 1, message: `the chain starts at entry ${entries[0].seq}: entries 1 to ${entries[0].seq - 1} are missing` },
    };
  }
  for (let i = 0; i < entries.length; i++) {
    const problem = linkProblem(entries, i, anchor, bySeqHash);
    if (problem) return { ...base, ok: false, problem };
  }
  let lastGoodSeq = (firstSeq ?? 1) - 1;
  for (const head of [...heads].sort((a, b) => a.seq - b.seq)) {
    const problem = headProblem(head, entries, input.verifier, input.kioskId, lastGoodSeq);
    if (problem) return { ...base, ok: false, problem };
    lastGoodSeq = head.seq;
  }
  return { ...base, ok: true };
}
