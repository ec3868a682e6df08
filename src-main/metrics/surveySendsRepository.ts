import type Database from 'better-sqlite3'
import { statement } from '../db/statements'

export interface SendRow {
  id: number
  from: string
  to: string
  channel: string | null
  touchpoint: string | null
  questionId: number | null
  sent: number
}

const columns = `id, local_date AS "from", coalesce(until_date, local_date) AS "to", channel, touchpoint, question_id AS questionId, sent`

export function listSends(sqlite: Database.Database): SendRow[] {
  return statement(sqlite, `SELECT ${columns} FROM survey_sends ORDER BY local_date DESC, id DESC`).all() as SendRow[]
}

export function getSend(sqlite: Database.Database, id: number): SendRow | undefined {
  return sqlite.prepare(`SELECT ${columns} FROM survey_sends WHERE id = ?`).get(id) as SendRow | undefined
}

export function saveSend(sqlite: Database.Database, s: Omit<SendRow, 'id'> & { id?: number }, now: number): number {
  if (s.id !== undefined) {
    sqlite
      .prepare('UPDATE survey_sends SET local_date = @from, until_date = @to, channel = @channel, touchpoint = @touchpoint, question_id = @questionId, sent = @sent WHERE id = @id')
      .run(s)
    return s.id
  }
  return Number(
    sqlite
      .prepare('INSERT INTO survey_sends (local_date, until_date, channel, touchpoint, question_id, sent, created_at) VALUES (@from, @to, @channel, @touchpoint, @questionId, @sent, @now)')
      .run({ ...s, now }).lastInsertRowid,
  )
}

export function deleteSend(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM survey_sends WHERE id = ?').run(id).changes === 1
}
