/**
 * The audit log's chain and signed heads: a stopped kiosk's file is changed by hand as an intruder
 * with write access would (an entry edited, removed, removed and the rest renumbered, two entries
 * swapped, the whole chain rehashed after an edit, the tail cut, a head forged or signed by another
 * kiosk) and `audit:verify` names the first bad entry every time; the untouched log verifies.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { entryHash, headBytes } from '../../../main/audit/audit-chain';
import type { AuditEntry } from '../../../main/audit/audit-entry';
import { toEntry, type EntryRow } from '../../../main/audit/audit-store';
import { headSignerFromPem } from '../../../main/audit/audit-key';
import { KIOSK_ID, OTHER_KEY, openTestAudit, tamper, tempAuditDir, testClock, verifyFile } from './audit-test-helpers';

/** `audit:verify` fails (exit 1) naming what `pattern` says. */
function assertTampered(path: string, pattern: RegExp): void {
  const r = verifyFile(path);
  assert.equal(r.code, 1, r.out.join('\n'));
  assert.match(r.err.join('\n'), pattern);
}

describe('audit chain: tampering is detected and the first bad entry named', () => {
  let temp: ReturnType<typeof tempAuditDir>;

  /** Five entries; heads signed after entry 1, after entry 4 (the timer) and at close (entry 5). */
  beforeEach(() => {
    temp = tempAuditDir();
    const clock = testClock();
    const audit = openTestAudit(temp.path, clock);
    audit.record({ kind: 'staff.sign-in', actor: 'staff', outcome: 'ok' });
    audit.signHead();
    clock.advance(1000);
    audit.record({ kind: 'certificate.void', actor: 'staff', subject: 'TX-KOKURA01-20260401-0002', outcome: 'ok', detail: { reason: 'spoiled' } });
    audit.record({ kind: 'voucher.settle', actor: 'staff', subject: 'RV-KOKURA01-20260401-0001', outcome: 'ok', detail: { amountYen: 300 } });
    audit.record({
      kind: 'certificate.reprint',
      actor: 'staff',
      subject: 'TX-KOKURA01-20260401-0003',
      outcome: 'refused',
      detail: { code: 'staff.not-allowed' },
    });
    clock.advance(60_000);
    audit.record({ kind: 'staff.sign-out', actor: 'staff', outcome: 'ok' });
    audit.close();
  });
  afterEach(() => temp.cleanup());

  it('verifies the untouched log', () => {
    const r = verifyFile(temp.path);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out.join('\n'), /OK: 5 entries .* 3 signed heads, 0 entries after the last signed head/);
  });

  it('finds an edited entry', () => {
    tamper(temp.path, (db) => db.prepare('UPDATE entries SET detail = \'{"amountYen":30}\' WHERE seq = 3').run());
    assertTampered(temp.path, /first bad entry 3 \(edited\)/);
  });

  it('finds a removed entry', () => {
    tamper(temp.path, (db) => db.prepare('DELETE FROM entries WHERE seq = 3').run());
    assertTampered(temp.path, /first bad entry 3 \(removed\)/);
  });

  it('finds a removed entry when the rest were renumbered', () => {
    tamper(temp.path, (db) => {
      db.prepare('DELETE FROM entries WHERE seq = 3').run();
      db.prepare('UPDATE entries SET seq = seq - 1 WHERE seq > 3').run();
    });
    assertTampered(temp.path, /first bad entry 3 \(removed\)/);
  });

  it('finds reordered entries', () => {
    tamper(temp.path, (db) => {
      db.prepare('UPDATE entries SET seq = 100 WHERE seq = 2').run();
      db.prepare('UPDATE entries SET seq = 2 WHERE seq = 3').run();
      db.prepare('UPDATE entries SET seq = 3 WHERE seq = 100').run();
    });
    assertTampered(temp.path, /first bad entry 2 \(reordered\)/);
  });

  it('finds a chain rehashed after an edit by the signed head (no kiosk key, no valid head)', () => {
    tamper(temp.path, (db) => {
      const rows = (db.prepare('SELECT * FROM entries ORDER BY seq').all() as EntryRow[]).map(toEntry);
      let prev = rows[0]!.hash;
      for (const e of rows.slice(1)) {
        const changed = { ...e, prev, ...(e.seq === 3 ? { detail: { amountYen: 30 } } : {}) };
        const hash = entryHash(changed);
        db.prepare('UPDATE entries SET prev = ?, hash = ?, detail = ? WHERE seq = ?').run(prev, hash, JSON.stringify(changed.detail), e.seq);
        prev = hash;
      }
    });
    assertTampered(temp.path, /first bad entry 2 \(rewritten\): entries 2 to 4/);
  });

  it('finds the signed tail cut off', () => {
    tamper(temp.path, (db) => db.prepare('DELETE FROM entries WHERE seq = 5').run());
    assertTampered(temp.path, /first bad entry 5 \(removed\)/);
  });

  it('finds a forged head signature', () => {
    tamper(temp.path, (db) => {
      const sig = Buffer.from((db.prepare('SELECT signature FROM heads ORDER BY id DESC LIMIT 1').get() as { signature: string }).signature, 'base64url');
      sig[sig.length - 1] = (sig.at(-1) ?? 0) ^ 1;
      db.prepare('UPDATE heads SET signature = ? WHERE id = (SELECT max(id) FROM heads)').run(sig.toString('base64url'));
    });
    assertTampered(temp.path, /first bad entry 5 \(bad-signature\)/);
  });

  it("finds a head signed by another kiosk's key under this kiosk's key id", () => {
    tamper(temp.path, (db) => {
      const head = db.prepare('SELECT * FROM heads ORDER BY id DESC LIMIT 1').get() as { seq: number; hash: string; at: number; key_id: string };
      const other = headSignerFromPem(readFileSync(OTHER_KEY));
      const signed = { kioskId: KIOSK_ID, seq: head.seq, hash: head.hash, at: head.at, keyId: head.key_id };
      db.prepare('UPDATE heads SET signature = ? WHERE id = (SELECT max(id) FROM heads)').run(other.sign(headBytes(signed)).toString('base64url'));
    });
    assertTampered(temp.path, /first bad entry 5 \(bad-signature\)/);
  });

  it('exports the entries as JSON lines with their hashes and signed heads', () => {
    const r = verifyFile(temp.path, ['--export']);
    assert.equal(r.code, 0);
    const lines = r.out.map((l) => JSON.parse(l) as AuditEntry & { signedHeads?: unknown[] });
    assert.deepEqual(
      lines.map((l) => l.seq),
      [1, 2, 3, 4, 5],
    );
    assert.equal(lines[2]!.kind, 'voucher.settle');
    assert.equal(lines[1]!.prev, lines[0]!.hash);
    assert.equal(lines[0]!.signedHeads?.length, 1);
    assert.equal(lines[2]!.signedHeads, undefined);
    assert.match(r.err.join('\n'), /^OK: 5 entries/);
  });
});
