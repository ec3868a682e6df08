import type { Kysely } from 'kysely'
import type { DB, QuestionsTable } from './schema'
import type { Insertable, Selectable } from 'kysely'

export type QuestionRow = Selectable<QuestionsTable>

export async function insertQuestions(db: Kysely<DB>, rows: Insertable<QuestionsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('questions').values(rows).execute()
}

export async function listQuestions(db: Kysely<DB>): Promise<QuestionRow[]> {
  return db.selectFrom('questions').selectAll().orderBy('id').execute()
}

/** A question as written when a workspace is created. */
export type NewQuestion = Insertable<QuestionsTable>
