import { sql, type Kysely } from 'kysely'
import type { SavedView } from '../../src-shared/api/tags'
import type { DB } from '../db/schema'

export async function viewRows(db: Kysely<DB>): Promise<SavedView[]> {
  return db.selectFrom('saved_views').select(['id', 'name', 'query']).orderBy(sql`name COLLATE NOCASE`).execute()
}

/** Updates a view; false when it no longer exists. */
export async function updateView(db: Kysely<DB>, id: number, view: { name: string; query: string }, now: number): Promise<boolean> {
  const r = await db.updateTable('saved_views').set({ name: view.name, query: view.query, updated_at: now }).where('id', '=', id).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

export async function insertView(db: Kysely<DB>, view: { name: string; query: string }, now: number): Promise<number> {
  const r = await db.insertInto('saved_views').values({ name: view.name, query: view.query, created_at: now, updated_at: now }).executeTakeFirstOrThrow()
  return Number(r.insertId)
}

export async function deleteViewRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('saved_views').where('id', '=', id).execute()
}
