/**
 * Numbered migrations of the outbox database. Never edit a shipped migration: append one.
 *
 * Triggers enforce what the issue promises, in the database itself:
 * - a submission's identity (receipt number, idempotency key, destination, kind, time) never changes;
 * - its sealed payload is written once and may only be cleared (purged) when the row becomes
 *   `delivered` or `resolved`;
 * - `delivered` and `resolved` are final; a queued or dead-lettered row cannot be deleted.
 */
import type { Migration } from '../../platform/sqlite/open-database';

export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;
  CREATE TABLE receipt_counters (day TEXT PRIMARY KEY, last INTEGER NOT NULL) STRICT;
  CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    receipt_number TEXT NOT NULL UNIQUE,
    idempotency_key TEXT NOT NULL UNIQUE,
    destination TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sealed BLOB,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'dead', 'resolved')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_attempt_at INTEGER,
    last_reason TEXT,
    remote_receipt TEXT,
    delivered_at INTEGER,
    http_status INTEGER,
    reject_code TEXT,
    dead_at INTEGER,
    resolved_at INTEGER,
    resolution TEXT,
    CHECK (state NOT IN ('queued', 'dead') OR sealed IS NOT NULL),
    CHECK (state <> 'delivered' OR remote_receipt IS NOT NULL)
  ) STRICT;
  CREATE INDEX submissions_due ON submissions (destination, next_attempt_at) WHERE state = 'queued';
  CREATE INDEX submissions_state ON submissions (state);

  CREATE TRIGGER submissions_identity_immutable
  BEFORE UPDATE OF receipt_number, idempotency_key, destination, kind, created_at ON submissions
  BEGIN SELECT RAISE(ABORT, 'outbox: submission identity is immutable'); END;

  CREATE TRIGGER submissions_payload_immutable
  BEFORE UPDATE OF sealed ON submissions
  WHEN NEW.sealed IS NOT NULL OR NEW.state NOT IN ('delivered', 'resolved')
  BEGIN SELECT RAISE(ABORT, 'outbox: payload is immutable (it may only be purged after acknowledgement)'); END;

  CREATE TRIGGER submissions_final_states
  BEFORE UPDATE OF state ON submissions
  WHEN OLD.state IN ('delivered', 'resolved') AND NEW.state <> OLD.state
    OR OLD.state = 'dead' AND NEW.state NOT IN ('dead', 'resolved')
  BEGIN SELECT RAISE(ABORT, 'outbox: illegal state change'); END;

  CREATE TRIGGER submissions_keep_pending
  BEFORE DELETE ON submissions
  WHEN OLD.state IN ('queued', 'dead')
  BEGIN SELECT RAISE(ABORT, 'outbox: a pending or dead-lettered submission cannot be deleted'); END;
  `,
];
