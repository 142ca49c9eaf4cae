/** A kiosk audit log in a temporary folder, signed with the demo kiosk's TEST key, on a clock the test moves. */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../platform/clock';
import { AuditLog } from '../../../main/audit/audit-log';
import { headSignerFromPem } from '../../../main/audit/audit-key';
import { runAuditCli } from '../../../main/audit/audit-cli';
import { resolveProjectPath } from '../../../main/config/project-paths';

export const KIOSK_ID = 'kiosk-kokurakita-01';
export const KIOSK_CERT = resolveProjectPath('fixtures/pki/kiosk/clients/kiosk-kokurakita-01.cert.pem');
export const KIOSK_KEY = resolveProjectPath('fixtures/pki/kiosk/clients/kiosk-kokurakita-01.key.pem');
/** Another kiosk's key: a head it signs is not this kiosk's. */
export const OTHER_KEY = resolveProjectPath('fixtures/pki/kiosk/clients/kiosk-yahatanishi-01.key.pem');

export interface TestClock extends Clock {
  advance(ms: number): void;
  /** Timers armed and not yet run or cleared. */
  pending(): number;
}

export function testClock(start = Date.UTC(2026, 3, 1, 1, 0, 0)): TestClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at > now) continue;
        timers.delete(id);
        t.fn();
      }
    },
    pending: () => timers.size,
  };
}

export function tempAuditDir(): { dir: string; path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-audit-'));
  return { dir, path: join(dir, 'audit.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTestAudit(path: string, clock: TestClock, key = KIOSK_KEY): AuditLog {
  return AuditLog.open({ path, kioskId: KIOSK_ID, signer: headSignerFromPem(readFileSync(key)), clock, signEveryMs: 60_000 });
}

/** Runs `audit:verify` on the file; returns the exit code and what it printed. */
export function verifyFile(path: string, extra: string[] = []): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAuditCli(['--file', path, '--cert', KIOSK_CERT, ...extra], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Opens the stopped kiosk's file as an intruder with write access would. */
export function tamper(path: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    fn(db);
  } finally {
    db.close();
  }
}
