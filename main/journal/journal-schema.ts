/**
 * Numbered migrations of the journal database. Never edit a shipped migration: append one.
 *
 * `allowed_transitions` mirrors TRANSITIONS in journal-states.ts (a unit test checks they agree)
 * and a trigger refuses any other state change, even from a hand-written UPDATE. `events` is
 * append-only. `serials` makes a certificate serial usable by one transaction, once.
 */
import type { Migration } from '../../platform/sqlite/open-database';

export const JOURNAL_MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE allowed_transitions (from_state TEXT NOT NULL, to_state TEXT NOT NULL, PRIMARY KEY (from_state, to_state)) STRICT;
  INSERT INTO allowed_transitions VALUES
    ('selected', 'authenticated'), ('selected', 'cancelled'),
    ('authenticated', 'paid'), ('authenticated', 'cancelled'),
    ('paid', 'printing'), ('paid', 'refunded'),
    ('printing', 'printed'), ('printing', 'voided'),
    ('voided', 'printing'), ('voided', 'refunded'),
    ('printed', 'card_returned'), ('printed', 'voided'),
    ('card_returned', 'done');

  CREATE TABLE transactions (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    certificate_type TEXT NOT NULL,
    copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 20),
    amount_yen INTEGER NOT NULL CHECK (amount_yen >= 0),
    state TEXT NOT NULL,
    seq INTEGER NOT NULL,
    resident_ref TEXT,
    payment_method TEXT,
    payment_ref TEXT,
    paid_yen INTEGER,
    paid_at INTEGER,
    serial TEXT,
    print_attempts INTEGER NOT NULL DEFAULT 0,
    printed_at INTEGER,
    refund_method TEXT,
    refund_voucher TEXT UNIQUE,
    refunded_yen INTEGER,
    refunded_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX transactions_state ON transactions (state);

  CREATE TRIGGER transactions_legal_transition BEFORE UPDATE OF state ON transactions
  WHEN NEW.state <> OLD.state AND NOT EXISTS
    (SELECT 1 FROM allowed_transitions WHERE from_state = OLD.state AND to_state = NEW.state)
  BEGIN SELECT RAISE(ABORT, 'journal: illegal transition'); END;

  CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions
  BEGIN SELECT RAISE(ABORT, 'journal: transactions are never deleted'); END;

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    tx_id TEXT NOT NULL REFERENCES transactions (id),
    seq INTEGER NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    at INTEGER NOT NULL,
    detail TEXT NOT NULL,
    UNIQUE (tx_id, seq)
  ) STRICT;
  CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'journal: events are append-only'); END;
  CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'journal: events are append-only'); END;

  CREATE TABLE serials (
    serial TEXT PRIMARY KEY,
    tx_id TEXT NOT NULL REFERENCES transactions (id),
    issued_at INTEGER NOT NULL,
    voided_at INTEGER,
    void_confirmed_at INTEGER
  ) STRICT;

  CREATE TABLE recovery_decisions (
    id INTEGER PRIMARY KEY,
    tx_id TEXT NOT NULL REFERENCES transactions (id),
    at_seq INTEGER NOT NULL,
    state_at_decision TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('print', 'void-and-reissue', 'refund')),
    void_serial TEXT,
    voucher_number TEXT,
    decided_at INTEGER NOT NULL,
    completed_at INTEGER,
    UNIQUE (tx_id, at_seq)
  ) STRICT;

  CREATE TABLE counters (name TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (name, day)) STRICT;
  `,
  // 2: the printer's job id of the current print attempt, so recovery can ask the printer
  // whether a job it never saw end did come out (IPP Get-Job-Attributes); and which back end
  // (ward) issued the serial, so recovery asks the right one for its content.
  `
  ALTER TABLE transactions ADD COLUMN print_job_id INTEGER;
  ALTER TABLE transactions ADD COLUMN issuer TEXT;
  `,
  // 3: refund vouchers (返金引換券) with a life of their own: issued (with a random 照合コード the
  // printed slip carries), slip printed, settled at the counter once. A voucher refund event (any
  // writer: journey, staff, crash recovery) creates its row in the same commit by trigger; a voucher
  // outside a refund (cash a failed payment could not give back) is inserted by the ledger. Existing
  // voucher refunds are carried over (their slips were never printed: they settle without a code).
  `
  CREATE TABLE vouchers (
    number TEXT NOT NULL PRIMARY KEY,
    tx_id TEXT NOT NULL REFERENCES transactions (id),
    amount_yen INTEGER NOT NULL CHECK (amount_yen >= 0),
    reason TEXT NOT NULL,
    check_code TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    slip_printed_at INTEGER,
    settled_at INTEGER,
    settle_reason TEXT
  ) STRICT;
  CREATE INDEX vouchers_issued ON vouchers (issued_at);
  CREATE INDEX vouchers_settled ON vouchers (settled_at);

  CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
  BEGIN SELECT RAISE(ABORT, 'journal: vouchers are never deleted'); END;
  CREATE TRIGGER vouchers_facts_fixed BEFORE UPDATE OF number, tx_id, amount_yen, reason, check_code, issued_at ON vouchers
  BEGIN SELECT RAISE(ABORT, 'journal: the facts of a voucher never change'); END;
  CREATE TRIGGER vouchers_settled_once BEFORE UPDATE OF settled_at, settle_reason ON vouchers WHEN OLD.settled_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'journal: a voucher is settled once'); END;

  CREATE TRIGGER vouchers_from_refund AFTER INSERT ON events
  WHEN NEW.to_state = 'refunded' AND json_extract(NEW.detail, '$.method') = 'voucher'
  BEGIN
    INSERT INTO vouchers (number, tx_id, amount_yen, reason, check_code, issued_at) VALUES (
      json_extract(NEW.detail, '$.voucherNumber'), NEW.tx_id,
      json_extract(NEW.detail, '$.amountYen') - coalesce(json_extract(NEW.detail, '$.cashReturnedYen'), 0),
      coalesce(json_extract(NEW.detail, '$.reason'), 'unknown'), upper(hex(randomblob(4))), NEW.at);
  END;

  INSERT INTO vouchers (number, tx_id, amount_yen, reason, check_code, issued_at)
  SELECT json_extract(detail, '$.voucherNumber'), tx_id,
         json_extract(detail, '$.amountYen') - coalesce(json_extract(detail, '$.cashReturnedYen'), 0),
         coalesce(json_extract(detail, '$.reason'), 'unknown'), upper(hex(randomblob(4))), at
  FROM events WHERE to_state = 'refunded' AND json_extract(detail, '$.method') = 'voucher'
    AND json_extract(detail, '$.voucherNumber') IS NOT NULL;
  `,
  // 4: the staff passcode's wrong tries and lockout (one row), kept here so that a restart or a
  // power cut does not give a guesser a fresh set of tries: written (WAL, synchronous=FULL) before
  // the result of a try is shown. `lockouts` counts lockouts since the last right passcode (the
  // next lockout is longer). Never a passcode or any part of one.
  `
  CREATE TABLE staff_passcode_attempts (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL CHECK (failures >= 0),
    locked_until INTEGER NOT NULL CHECK (locked_until >= 0),
    lockouts INTEGER NOT NULL CHECK (lockouts >= 0),
    updated_at INTEGER NOT NULL
  ) STRICT;
  INSERT INTO staff_passcode_attempts (id, failures, locked_until, lockouts, updated_at) VALUES (1, 0, 0, 0, 0);
  CREATE TRIGGER staff_passcode_attempts_no_delete BEFORE DELETE ON staff_passcode_attempts
  BEGIN SELECT RAISE(ABORT, 'journal: the passcode attempt row is never deleted'); END;
  `,
  // 5: staff alerts that survive a restart (with their acknowledgement), and serials whose void
  // the back end has not confirmed yet ("void pending"), retried in the background until it does.
  // An alert carries a code and a reference (serial, voucher, receipt number), never personal data.
  // Acknowledged alerts are pruned (main/journal/staff-alert-store.ts); a pending void is never
  // deleted, only resolved (its outcome kept for the audit).
  `
  CREATE TABLE staff_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 80),
    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
    reference TEXT CHECK (reference IS NULL OR length(reference) <= 80),
    raised_at INTEGER NOT NULL,
    acked_at INTEGER
  ) STRICT;
  CREATE INDEX staff_alerts_acked ON staff_alerts (acked_at);
  CREATE TRIGGER staff_alerts_facts_fixed BEFORE UPDATE OF id, code, severity, reference, raised_at ON staff_alerts
  BEGIN SELECT RAISE(ABORT, 'journal: the facts of an alert never change'); END;
  CREATE TRIGGER staff_alerts_keep_unacked BEFORE DELETE ON staff_alerts WHEN OLD.acked_at IS NULL
  BEGIN SELECT RAISE(ABORT, 'journal: an unacknowledged alert is never deleted'); END;

  CREATE TABLE pending_voids (
    serial TEXT NOT NULL PRIMARY KEY,
    issuer TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_try_at INTEGER NOT NULL,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    outcome TEXT CHECK (outcome IN ('voided', 'already-voided', 'printed', 'staff-voided')),
    CHECK ((resolved_at IS NULL) = (outcome IS NULL))
  ) STRICT;
  CREATE INDEX pending_voids_open ON pending_voids (resolved_at, next_try_at);
  CREATE TRIGGER pending_voids_no_delete BEFORE DELETE ON pending_voids
  BEGIN SELECT RAISE(ABORT, 'journal: pending voids are resolved, never deleted'); END;
  CREATE TRIGGER pending_voids_resolved_once BEFORE UPDATE ON pending_voids WHEN OLD.resolved_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'journal: a resolved void is final'); END;
  `,
  // 6: retention (main/journal/journal-retention.ts). Finished sales older than the configured days
  // may be deleted with their events, settled vouchers, serials and completed decisions; the
  // triggers still refuse, in the database itself, to delete anything unresolved: a sale not done,
  // refunded or cancelled, an unsettled voucher, an unconfirmed void, an open pending void or
  // recovery decision. A pruned sale's serial stays in `retired_serials`, so the back end can
  // never get a serial accepted twice.
  `
  CREATE TABLE retired_serials (serial TEXT NOT NULL PRIMARY KEY, retired_at INTEGER NOT NULL) STRICT;

  DROP TRIGGER transactions_no_delete;
  CREATE TRIGGER transactions_keep_unfinished BEFORE DELETE ON transactions
  WHEN OLD.state NOT IN ('done', 'refunded', 'cancelled')
  BEGIN SELECT RAISE(ABORT, 'journal: an unfinished sale is never deleted'); END;

  DROP TRIGGER events_no_delete;
  CREATE TRIGGER events_keep_unfinished BEFORE DELETE ON events
  WHEN coalesce((SELECT state FROM transactions WHERE id = OLD.tx_id), '') NOT IN ('done', 'refunded', 'cancelled')
  BEGIN SELECT RAISE(ABORT, 'journal: events are append-only (an unfinished sale''s are never deleted)'); END;

  DROP TRIGGER vouchers_no_delete;
  CREATE TRIGGER vouchers_keep_unsettled BEFORE DELETE ON vouchers WHEN OLD.settled_at IS NULL
  BEGIN SELECT RAISE(ABORT, 'journal: an unsettled voucher is never deleted'); END;

  DROP TRIGGER pending_voids_no_delete;
  CREATE TRIGGER pending_voids_keep_open BEFORE DELETE ON pending_voids WHEN OLD.resolved_at IS NULL
  BEGIN SELECT RAISE(ABORT, 'journal: an open pending void is never deleted'); END;

  CREATE TRIGGER serials_keep_unconfirmed_void BEFORE DELETE ON serials
  WHEN OLD.voided_at IS NOT NULL AND OLD.void_confirmed_at IS NULL
  BEGIN SELECT RAISE(ABORT, 'journal: a serial whose void is unconfirmed is never deleted'); END;
  CREATE TRIGGER serials_retired AFTER DELETE ON serials
  BEGIN INSERT OR IGNORE INTO retired_serials (serial, retired_at) VALUES (OLD.serial, OLD.issued_at); END;

  CREATE TRIGGER recovery_decisions_keep_open BEFORE DELETE ON recovery_decisions WHEN OLD.completed_at IS NULL
  BEGIN SELECT RAISE(ABORT, 'journal: an open recovery decision is never deleted'); END;
  `,
];
