import type { PreviousState } from '../../src-shared/api/feedback'
import type { FollowUpStatus } from '../../src-shared/domain/scores'
import type { Sqlite } from '../db/sqlite'
import type { ResponseEventsTable } from '../db/schema'
import { build, firstOf, rowsOf, runOf } from '../db/syncQuery'
import { inChunks } from './feedbackRowsRepository'

// The services run these inside better-sqlite3's synchronous transactions, where Kysely's
// asynchronous driver cannot take part: queries are built and typed by Kysely and run at once
// (db/syncQuery.ts). The per-row writers (…Writer, …Setter, …Restorer) stay prepared statements:
// a bulk edit runs them once per selected response, and compiling a query per row would cost more
// than running it.

export type EventKind = ResponseEventsTable['kind']

/** Appends to a response's history (who did what, when). */
export function responseEventWriter(sqlite: Sqlite): (responseId: number, kind: EventKind, value: string | null, actor: string | null, at: number) => void {
  const ins = sqlite.prepare('INSERT INTO response_events (response_id, kind, value, actor, at) VALUES (?, ?, ?, ?, ?)')
  return (id, kind, value, actor, at) => void ins.run(id, kind, value, actor, at)
}

/** Which of these ids are responses that exist. */
export function existingResponseIds(sqlite: Sqlite, ids: number[]): Set<number> {
  return new Set(inChunks(ids, (chunk) => rowsOf(sqlite, build.selectFrom('responses').select('id').where('id', 'in', chunk)).map((r) => r.id)))
}

export function responseExists(sqlite: Sqlite, id: number): boolean {
  return firstOf(sqlite, build.selectFrom('responses').select('id').where('id', '=', id)) !== undefined
}

/** Status, owner and their stamps of each response, as an undo needs them. */
export function previousStates(sqlite: Sqlite, ids: number[]): PreviousState[] {
  return inChunks(ids, (chunk) =>
    rowsOf(
      sqlite,
      build
        .selectFrom('responses')
        .select(['id', 'status', 'owner', 'status_changed_at as statusChangedAt', 'status_changed_by as statusChangedBy', 'resolved_at as resolvedAt'])
        .where('id', 'in', chunk),
    ),
  )
}

/** Sets a response's status with who and when; resolving stamps the time (kept if already resolved), leaving "resolved" clears it. True when it changed. */
export function statusSetter(sqlite: Sqlite): (p: { id: number; status: FollowUpStatus; now: number; actor: string | null }) => boolean {
  const set = sqlite.prepare(
    `UPDATE responses SET status = @status, status_changed_at = @now, status_changed_by = @actor, updated_at = @now,
       resolved_at = CASE WHEN @status = 'resolved' THEN coalesce(resolved_at, @now) ELSE NULL END
     WHERE id = @id AND status <> @status`,
  )
  return (p) => set.run(p).changes > 0
}

/** Sets a response's owner; true when it changed. */
export function ownerSetter(sqlite: Sqlite): (p: { id: number; owner: string | null; now: number }) => boolean {
  const set = sqlite.prepare('UPDATE responses SET owner = @owner, updated_at = @now WHERE id = @id AND owner IS NOT @owner')
  return (p) => set.run(p).changes > 0
}

/** Puts back a response's status, owner and their stamps exactly as they were; true when the response exists. */
export function stateRestorer(sqlite: Sqlite): (p: PreviousState & { now: number }) => boolean {
  const put = sqlite.prepare(
    `UPDATE responses SET status = @status, owner = @owner, status_changed_at = @statusChangedAt, status_changed_by = @statusChangedBy,
       resolved_at = @resolvedAt, updated_at = @now WHERE id = @id`,
  )
  return (p) => put.run(p).changes > 0
}

export function insertNote(sqlite: Sqlite, responseId: number, author: string | null, body: string, now: number): number {
  return runOf(sqlite, build.insertInto('notes').values({ response_id: responseId, author, body, created_at: now })).lastInsertRowid
}

/** Adds notes in bulk (the demo's follow-ups). */
export function noteWriter(sqlite: Sqlite): (responseId: number, author: string | null, body: string, now: number) => void {
  const ins = sqlite.prepare('INSERT INTO notes (response_id, author, body, created_at) VALUES (?, ?, ?, ?)')
  return (id, author, body, now) => void ins.run(id, author, body, now)
}
