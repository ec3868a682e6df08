import type Database from 'better-sqlite3'
import { createTriggers, dropTriggers, foldJournal, foldResponses, journalCustomers, journalResponses, journalResponsesPerRow, journalSpan, rollupTriggers, type FactDerivations } from './rollupMaintainRepository'

/** What the customers were when the triggers were taken out: the facts the rollups count them by. */
const BEFORE = 'temp.rollup_customers_before'
/** The customers with a segment at the end: looking a segment up per new row in this small table, not in customers, took most of the journal's time. */
const SEGMENTS = 'temp.rollup_customer_segments'

/**
 * Raw SQL on purpose: temporary tables and trigger swaps inside the import's transaction, which
 * Kysely's builder does not express.
 *
 * Takes the rollup triggers out for a bulk write and, when the returned function is called (in the
 * same transaction, before the commit), writes what they would have journalled, with a few grouped
 * INSERT … SELECT instead of two trigger programs per row, and puts them back as they were. Per-row
 * triggers were the largest single cost of a large import.
 *
 * With `fold` (many new rows), the new responses go straight into the summaries and the few other
 * changes through the journal, which is then folded whole: the commit leaves nothing to fold. Before,
 * a million journal rows waited for the rollup worker, and the workspace answered from summaries plus
 * journal until it was done. Without it (a few rows: a fold's fixed cost, some twenty statements and
 * temporary tables, would outweigh them), the journal is written and left to the reads, as the
 * triggers would have left it.
 *
 * Exact for a write that only inserts responses (with their tags) and inserts or updates customers,
 * which is what an import does: the new responses (ids above the last one now) enter with their
 * customer's segment as it is at the end; existing responses of a customer whose segment changed
 * move from the old segment to the new one; customers whose lifecycle facts changed leave with the
 * old ones and come back with the new, and new customers join. A rollback (cancel, error, crash)
 * brings the triggers back with everything else.
 */
export function suspendRollupTriggers(sqlite: Database.Database, derive: FactDerivations): (opts: { fold: boolean }) => void {
  const triggers = rollupTriggers(sqlite)
  dropTriggers(sqlite, triggers)
  const last = (sqlite.prepare('SELECT coalesce(max(id), 0) AS id FROM responses').get() as { id: number }).id
  sqlite.exec(`DROP TABLE IF EXISTS ${BEFORE};
    CREATE TABLE ${BEFORE} (id INTEGER PRIMARY KEY, segment TEXT, location TEXT, customer_since TEXT, churned_at TEXT);
    INSERT INTO ${BEFORE} SELECT id, segment, location, customer_since, churned_at FROM customers;`)
  return ({ fold }) => {
    sqlite.exec(`DROP TABLE IF EXISTS ${SEGMENTS};
      CREATE TABLE ${SEGMENTS} (id INTEGER PRIMARY KEY, segment TEXT NOT NULL);
      INSERT INTO ${SEGMENTS} SELECT id, segment FROM customers WHERE segment IS NOT NULL;`)
    const added = { where: 'r.id > @last', params: { last }, customers: SEGMENTS }
    if (fold) foldResponses(sqlite, added, derive)
    else journalResponsesPerRow(sqlite, added)

    const segmentMoved = `r.id <= @last AND r.customer_id IN (SELECT b.id FROM ${BEFORE} b JOIN customers n ON n.id = b.id WHERE b.segment IS NOT n.segment)`
    journalResponses(sqlite, { where: segmentMoved, params: { last }, customers: BEFORE, sign: -1 })
    journalResponses(sqlite, { where: segmentMoved, params: { last } })

    const lifecycleChanged = `c.id IN (SELECT b.id FROM ${BEFORE} b JOIN customers n ON n.id = b.id
      WHERE b.segment IS NOT n.segment OR b.location IS NOT n.location OR b.customer_since IS NOT n.customer_since OR b.churned_at IS NOT n.churned_at)`
    journalCustomers(sqlite, { where: lifecycleChanged, customers: BEFORE, sign: -1 })
    journalCustomers(sqlite, { where: lifecycleChanged })
    journalCustomers(sqlite, { where: `c.id NOT IN (SELECT id FROM ${BEFORE})` })

    sqlite.exec(`DROP TABLE ${BEFORE}; DROP TABLE ${SEGMENTS}`)
    const span = journalSpan(sqlite)
    if (fold && span.pending) foldJournal(sqlite, span.maxId, derive)
    createTriggers(sqlite, triggers)
  }
}
