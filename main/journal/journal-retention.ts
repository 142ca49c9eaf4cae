/**
 * Retention of the transaction journal: finished sales last touched before a cut-off are deleted
 * with their events, settled vouchers, serials (kept as retired serial numbers), completed recovery
 * decisions and resolved pending voids; day counters of past days go too. Anything unresolved stays
 * whatever its age: a sale not done/refunded/cancelled, an unsettled voucher, a void the back end has
 * not confirmed, an open pending void or recovery decision. Migration 6's triggers refuse those
 * deletions in the database as well, so a mistake here aborts rather than loses money.
 */
import type { JournalDatabase } from './journal-database';

/** What pruning needs of the journal: the facade (TransactionJournal) and its database both offer it. */
type PrunableJournal = Pick<JournalDatabase, 'db' | 'stmt' | 'day'>;

export interface JournalPruneResult {
  /** Sales deleted (with their dependent rows). */
  transactions: number;
  /** Resolved pending voids deleted. */
  pendingVoids: number;
}

/** Every serial a sale had: the one it was authenticated with and each one it printed. */
const SERIALS_OF_TX = 'SELECT t.serial UNION SELECT serial FROM serials WHERE tx_id = t.id';

/** Sales finished and untouched since before `before`, with nothing of them still open. */
const PRUNABLE = `
  SELECT t.id FROM transactions t
  WHERE t.state IN ('done', 'refunded', 'cancelled') AND t.updated_at < ?
    AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.tx_id = t.id AND v.settled_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM serials s WHERE s.tx_id = t.id AND s.voided_at IS NOT NULL AND s.void_confirmed_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM pending_voids p WHERE p.resolved_at IS NULL AND p.serial IN (${SERIALS_OF_TX}))
    AND NOT EXISTS (SELECT 1 FROM recovery_decisions r WHERE r.tx_id = t.id AND r.completed_at IS NULL)`;

/** Deletes what the policy allows, in one transaction. `before` is epoch ms. */
export function pruneJournal(journal: PrunableJournal, before: number): JournalPruneResult {
  return journal.db
    .transaction((): JournalPruneResult => {
      const ids = (journal.stmt(PRUNABLE).all(before) as Array<{ id: string }>).map((r) => r.id);
      for (const id of ids) {
        // Children first (foreign keys); the serials' pending voids are resolved (checked above).
        journal.stmt('DELETE FROM events WHERE tx_id = ?').run(id);
        journal.stmt('DELETE FROM vouchers WHERE tx_id = ?').run(id);
        journal.stmt('DELETE FROM recovery_decisions WHERE tx_id = ?').run(id);
        journal
          .stmt('DELETE FROM pending_voids WHERE serial IN (SELECT serial FROM transactions WHERE id = ? UNION SELECT serial FROM serials WHERE tx_id = ?)')
          .run(id, id);
        journal.stmt('DELETE FROM serials WHERE tx_id = ?').run(id);
        journal.stmt('DELETE FROM transactions WHERE id = ?').run(id);
      }
      // Resolved voids of serials no kept sale knows (e.g. a serial issued for a sale that never began printing).
      const pendingVoids = journal
        .stmt(
          `DELETE FROM pending_voids WHERE resolved_at IS NOT NULL AND resolved_at < ?
                 AND serial NOT IN (SELECT serial FROM serials) AND serial NOT IN (SELECT serial FROM transactions WHERE serial IS NOT NULL)`,
        )
        .run(before).changes;
      journal.stmt('DELETE FROM counters WHERE day < ?').run(journal.day(before));
      return { transactions: ids.length, pendingVoids };
    })
    .immediate();
}
