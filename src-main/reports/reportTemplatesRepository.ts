import { sql, type Kysely } from 'kysely'
import type { DB } from '../db/schema'

export interface TemplateRow {
  id: number
  name: string
  /** JSON of the ReportOptions contract type. */
  options: string
  updated_at: number
}

export async function templateRows(db: Kysely<DB>): Promise<TemplateRow[]> {
  return db.selectFrom('report_templates').select(['id', 'name', 'options', 'updated_at']).orderBy(sql`name COLLATE NOCASE`).execute()
}

export async function templateRow(db: Kysely<DB>, id: number): Promise<TemplateRow | undefined> {
  return db.selectFrom('report_templates').select(['id', 'name', 'options', 'updated_at']).where('id', '=', id).executeTakeFirst()
}

/** The id of the template with this name, whatever its case. */
export async function templateIdByName(db: Kysely<DB>, name: string): Promise<number | undefined> {
  return (await db.selectFrom('report_templates').select('id').where(sql<boolean>`name = ${name} COLLATE NOCASE`).executeTakeFirst())?.id
}

export async function updateTemplate(db: Kysely<DB>, id: number, t: { name: string; options: string }, now: number): Promise<void> {
  await db.updateTable('report_templates').set({ name: t.name, options: t.options, updated_at: now }).where('id', '=', id).execute()
}

export async function insertTemplate(db: Kysely<DB>, t: { name: string; options: string }, now: number): Promise<number> {
  return Number((await db.insertInto('report_templates').values({ name: t.name, options: t.options, created_at: now, updated_at: now }).executeTakeFirstOrThrow()).insertId)
}

export async function deleteTemplateRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('report_templates').where('id', '=', id).execute()
}
