import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // A counter that moves whenever the tag rules or the sentiment lexicon change, by any connection of
  // any process (the app, `cxdesk`, the import worker). The feedback writer keeps its compiled rules
  // and lexicon per connection and rebuilds them only when this number is not the one it compiled at
  // (issue 18: an answer from the shop's survey server no longer reloads them every time).
  await sql`CREATE TABLE text_rules_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)`.execute(db)
  await sql`INSERT INTO text_rules_version (id, version) VALUES (1, 0)`.execute(db)
  for (const table of ['tag_rules', 'sentiment_lexicon']) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER ${table}_${op.toLowerCase()}_version AFTER ${op} ON ${table} BEGIN UPDATE text_rules_version SET version = version + 1 WHERE id = 1; END`)
        .execute(db)
    }
  }
}
