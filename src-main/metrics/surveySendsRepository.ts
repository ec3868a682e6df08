import type { Sqlite } from '../db/sqlite'
import { build, firstOf, rowsOf, runOf } from '../db/syncQuery'

export interface SendRow {
  id: number
  from: string
  to: string
  channel: string | null
  touchpoint: string | null
  questionId: number | null
  sent: number
}

// Built by Kysely, run at once (db/syncQuery.ts): the metrics engine reads sends synchronously.
const sends = () =>
  build
    .selectFrom('survey_sends')
    .select((eb) => ['id', 'local_date as from', eb.fn.coalesce('until_date', 'local_date').as('to'), 'channel', 'touchpoint', 'question_id as questionId', 'sent'])

export function listSends(sqlite: Sqlite): SendRow[] {
  return rowsOf(sqlite, sends().orderBy('local_date', 'desc').orderBy('id', 'desc'))
}

export function getSend(sqlite: Sqlite, id: number): SendRow | undefined {
  return firstOf(sqlite, sends().where('id', '=', id))
}

export function saveSend(sqlite: Sqlite, s: Omit<SendRow, 'id'> & { id?: number }, now: number): number {
  const values = { local_date: s.from, until_date: s.to, channel: s.channel, touchpoint: s.touchpoint, question_id: s.questionId, sent: s.sent }
  if (s.id !== undefined) {
    runOf(sqlite, build.updateTable('survey_sends').set(values).where('id', '=', s.id))
    return s.id
  }
  return runOf(sqlite, build.insertInto('survey_sends').values({ ...values, created_at: now })).lastInsertRowid
}

export function deleteSend(sqlite: Sqlite, id: number): boolean {
  return runOf(sqlite, build.deleteFrom('survey_sends').where('id', '=', id)).changes === 1
}
