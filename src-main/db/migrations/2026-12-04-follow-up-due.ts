import { sql, type Kysely } from 'kysely'

// Frozen in time: never edit a migration that has shipped; add a new one instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // The due date of each follow-up (a poor score, or feedback taken up), worked out from the
  // workspace's rule (meta 'followUps.rule') in its working hours and zone, and until when the user
  // snoozed it. Triggers mark a row pending when a follow-up appears or its band or arrival changes;
  // the feedback domain (feedback/followUpService.ts) works pending rows out before it reads, and
  // marks them all pending when the rule, the working hours or the zone change (meta
  // 'followUps.stamp'). Rows of feedback that no longer needs a follow-up stay; readers test the
  // follow-up condition on the response.
  await sql`
    CREATE TABLE follow_up_due (
      response_id INTEGER PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
      due_at INTEGER,
      pending INTEGER NOT NULL DEFAULT 1,
      snoozed_until INTEGER,
      snoozed_by TEXT
    )
  `.execute(db)
  await sql`CREATE INDEX follow_up_due_pending ON follow_up_due (response_id) WHERE pending = 1`.execute(db)
  await sql`CREATE INDEX follow_up_due_at ON follow_up_due (due_at, response_id) WHERE due_at IS NOT NULL`.execute(db)
  await sql`
    CREATE TRIGGER follow_up_due_insert AFTER INSERT ON responses
    WHEN NEW.band = -1 OR NEW.status IN ('in_progress', 'resolved')
    BEGIN
      INSERT OR IGNORE INTO follow_up_due (response_id, pending) VALUES (NEW.id, 1);
    END
  `.execute(db)
  await sql`
    CREATE TRIGGER follow_up_due_status AFTER UPDATE OF status ON responses
    WHEN NEW.status IN ('in_progress', 'resolved')
    BEGIN
      INSERT OR IGNORE INTO follow_up_due (response_id, pending) VALUES (NEW.id, 1);
    END
  `.execute(db)
  await sql`
    CREATE TRIGGER follow_up_due_change AFTER UPDATE OF band, submitted_at ON responses
    WHEN (NEW.band IS NOT OLD.band OR NEW.submitted_at IS NOT OLD.submitted_at) AND (NEW.band = -1 OR NEW.status IN ('in_progress', 'resolved'))
    BEGIN
      INSERT INTO follow_up_due (response_id, pending) VALUES (NEW.id, 1) ON CONFLICT (response_id) DO UPDATE SET pending = 1;
    END
  `.execute(db)
  await sql`CREATE INDEX responses_poor_created ON responses (created_at) WHERE band = -1`.execute(db)
  await sql`INSERT INTO follow_up_due (response_id, pending) SELECT id, 1 FROM responses WHERE band = -1 OR status IN ('in_progress', 'resolved')`.execute(db)
}
