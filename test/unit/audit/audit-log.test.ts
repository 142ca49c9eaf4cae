/**
 * The audit log across restarts and its rules on content: numbering and the chain continue after
 * a restart, a head a crash left unsigned is signed at the next start, the head is signed on the
 * timer, and an event that could carry personal data is refused before it is chained.
 */
import { strict as assert } from 'node:assert';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AuditEventError } from '../../../main/audit/audit-entry';
import { openTestAudit, tempAuditDir, testClock, verifyFile } from './audit-test-helpers';

describe('audit log', () => {
  let temp: ReturnType<typeof tempAuditDir>;
  beforeEach(() => {
    temp = tempAuditDir();
  });
  afterEach(() => temp.cleanup());

  it('continues its chain after a restart', () => {
    const clock = testClock();
    const first = openTestAudit(temp.path, clock);
    first.record({ kind: 'staff.sign-in', actor: 'staff', outcome: 'ok' });
    const before = first.record({ kind: 'staff.sign-out', actor: 'staff', outcome: 'ok' });
    first.close();

    const second = openTestAudit(temp.path, clock);
    const after = second.record({ kind: 'staff.sign-in', actor: 'staff', outcome: 'ok' });
    assert.equal(after.seq, 3);
    assert.equal(after.prev, before.hash);
    second.close();

    const r = verifyFile(temp.path);
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.match(r.out.join('\n'), /OK: 3 entries/);
  });

  it('signs at the next start the head a crash left unsigned', () => {
    const clock = testClock();
    const crashed = openTestAudit(temp.path, clock);
    crashed.record({ kind: 'certificate.void', actor: 'staff', subject: 'TX-A', outcome: 'ok' });
    // No close: the process died. The entry is stored (each record is its own commit) but unsigned.
    const heads = crashed.heads().length;
    assert.equal(heads, 0);
    // What a verifier sees of the crashed state: chained, one entry unsigned.
    // The dead process's lock goes with it: here, its handle is closed without the log's own close (no signing).
    crashed['db'].close();

    const unsigned = verifyFile(temp.path);
    assert.equal(unsigned.code, 0);
    assert.match(unsigned.out.join('\n'), /0 signed heads, 1 entries after the last signed head/);

    const restarted = openTestAudit(temp.path, clock);
    assert.equal(restarted.heads().length, 1);
    restarted.close();
    assert.match(verifyFile(temp.path).out.join('\n'), /1 signed heads, 0 entries after/);
  });

  it('signs the moved head on the timer, not at every entry', () => {
    const clock = testClock();
    const audit = openTestAudit(temp.path, clock);
    audit.record({ kind: 'staff.sign-in', actor: 'staff', outcome: 'ok' });
    audit.record({ kind: 'outbox.retry', actor: 'staff', outcome: 'ok' });
    assert.equal(audit.heads().length, 0);
    clock.advance(59_999);
    assert.equal(audit.heads().length, 0);
    clock.advance(1);
    assert.deepEqual(
      audit.heads().map((h) => h.seq),
      [2],
    );
    clock.advance(120_000);
    assert.equal(audit.heads().length, 1, 'an unmoved head is not signed again');
    audit.close();
    assert.equal(clock.pending(), 0);
  });

  it('refuses events that could carry personal data, before chaining them', () => {
    const audit = openTestAudit(temp.path, testClock());
    const refused = [
      { kind: 'staff.sign-in', actor: 'staff', outcome: 'ok', detail: { name: 'Yamada' } },
      { kind: 'staff.sign-in', actor: 'staff', outcome: 'ok', detail: { passcode: 'x' } },
      { kind: 'certificate.void', actor: 'staff', outcome: 'ok', detail: { ref: '123456789012' } },
      { kind: 'certificate.void', actor: 'staff', outcome: 'ok', detail: { note: '山田 太郎' } },
      { kind: 'certificate.void', actor: 'staff', outcome: 'ok', subject: '1234' },
      { kind: 'certificate.void', actor: '山田', outcome: 'ok' },
      { kind: 'not-a-kind', actor: 'staff', outcome: 'ok' },
    ] as const;
    for (const event of refused) assert.throws(() => audit.record(event as never), AuditEventError, JSON.stringify(event));
    assert.equal(audit.entries().length, 0);
    audit.record({ kind: 'voucher.settle', actor: 'staff:s0001', subject: 'RV-KOKURA01-20260401-0001', outcome: 'ok', detail: { amountYen: 300 } });
    assert.equal(audit.entries().length, 1);
    audit.close();
  });
});
