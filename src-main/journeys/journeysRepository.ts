import type Database from 'better-sqlite3'
import { sql, type Compilable, type Insertable, type Kysely, type Selectable } from 'kysely'
import type {
  DB,
  JourneyCardsTable,
  JourneyCommentsTable,
  JourneyEmotionsTable,
  JourneyLanesTable,
  JourneyMapsTable,
  JourneyStagesTable,
  JourneyStepsTable,
  PersonasTable,
} from '../db/schema'
import { filteredResponses } from '../db/feedbackFilter'
import { build, firstOf, rowsOf, runOf } from '../db/syncQuery'

export type JourneyMapRow = Selectable<JourneyMapsTable>
export type PersonaRow = Selectable<PersonasTable>
export type JourneyStageRow = Selectable<JourneyStagesTable>
export type JourneyStepRow = Selectable<JourneyStepsTable>
export type JourneyLaneRow = Selectable<JourneyLanesTable>
export type JourneyCardRow = Selectable<JourneyCardsTable>
export type JourneyEmotionRow = Selectable<JourneyEmotionsTable>
export type JourneyCommentRow = Selectable<JourneyCommentsTable>

export interface JourneyRows {
  map: JourneyMapRow
  persona: PersonaRow | null
  stages: JourneyStageRow[]
  steps: JourneyStepRow[]
  lanes: JourneyLaneRow[]
  cards: JourneyCardRow[]
  emotions: JourneyEmotionRow[]
  comments: JourneyCommentRow[]
}

// The journey tables are written with Kysely's query builder, but a save is one synchronous
// better-sqlite3 transaction (stored before `journeys.apply` answers), which Kysely's asynchronous
// driver cannot join: statements are built by db/syncQuery.ts's connection-less Kysely and run on
// the connection, each distinct statement prepared once per connection; no casts at the call sites.
const all = rowsOf
const first = firstOf
const exec = (sqlite: Database.Database, query: Compilable<unknown>): void => void runOf(sqlite, query)

type Child = 'journey_stages' | 'journey_steps' | 'journey_lanes' | 'journey_cards'

export function readJourneyRows(sqlite: Database.Database, mapId: string): JourneyRows | null {
  const map = first(sqlite, build.selectFrom('journey_maps').selectAll().where('id', '=', mapId))
  if (!map) return null
  const persona = map.persona_id
    ? (first(sqlite, build.selectFrom('personas').selectAll().where('id', '=', map.persona_id).where('deleted_at', 'is', null)) ?? null)
    : null
  return {
    map,
    persona,
    stages: all(sqlite, build.selectFrom('journey_stages').selectAll().where('map_id', '=', mapId).orderBy('position').orderBy('id')),
    steps: all(sqlite, build.selectFrom('journey_steps').selectAll().where('map_id', '=', mapId).orderBy('position').orderBy('id')),
    lanes: all(sqlite, build.selectFrom('journey_lanes').selectAll().where('map_id', '=', mapId).orderBy('position').orderBy('id')),
    cards: all(sqlite, build.selectFrom('journey_cards').selectAll().where('map_id', '=', mapId).orderBy('position').orderBy('id')),
    emotions: all(sqlite, build.selectFrom('journey_emotions').selectAll().where('map_id', '=', mapId)),
    comments: all(sqlite, build.selectFrom('journey_comments').selectAll().where('map_id', '=', mapId).orderBy('created_at').orderBy('id')),
  }
}

export function insertMapRow(sqlite: Database.Database, row: Insertable<JourneyMapsTable>): void {
  exec(sqlite, build.insertInto('journey_maps').values(row))
}

export function updateMapRow(sqlite: Database.Database, row: Pick<JourneyMapRow, 'id' | 'name' | 'scenario' | 'kind' | 'base_id' | 'score_metric'>): void {
  const { id, ...set } = row
  exec(sqlite, build.updateTable('journey_maps').set(set).where('id', '=', id))
}

/** The map's revision after one more edit, stored with the time of the edit. */
export function bumpRevision(sqlite: Database.Database, id: string, now: number): number {
  const row = first(
    sqlite,
    build
      .updateTable('journey_maps')
      .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .returning('revision'),
  )
  if (!row) throw new Error(`journey map ${id} is gone`)
  return row.revision
}

export function deleteMapRow(sqlite: Database.Database, id: string): void {
  exec(sqlite, build.deleteFrom('journey_maps').where('id', '=', id))
}

export function setMapPersona(sqlite: Database.Database, mapId: string, personaId: string | null): void {
  exec(sqlite, build.updateTable('journey_maps').set({ persona_id: personaId }).where('id', '=', mapId))
}

/** Stores a persona in the library (a new one, or new content for one); storing a deleted one brings it back. */
export function upsertPersonaRow(sqlite: Database.Database, p: Omit<PersonaRow, 'created_at' | 'updated_at' | 'deleted_at'>, now: number): void {
  exec(
    sqlite,
    build
      .insertInto('personas')
      .values({ ...p, created_at: now, updated_at: now, deleted_at: null })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          avatar: eb.ref('excluded.avatar'),
          photo: eb.ref('excluded.photo'),
          goals: eb.ref('excluded.goals'),
          frustrations: eb.ref('excluded.frustrations'),
          quote: eb.ref('excluded.quote'),
          demographics: eb.ref('excluded.demographics'),
          updated_at: eb.ref('excluded.updated_at'),
          deleted_at: null,
        })),
      ),
  )
}

/** A persona of the library with exactly this content (not deleted), to be reused rather than copied. */
export function samePersonaId(sqlite: Database.Database, p: Omit<PersonaRow, 'id' | 'created_at' | 'updated_at' | 'deleted_at'>): string | null {
  const row = first(
    sqlite,
    build
      .selectFrom('personas')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('name', '=', p.name)
      .where('avatar', '=', p.avatar)
      .where('photo', p.photo === null ? 'is' : '=', p.photo)
      .where('goals', '=', p.goals)
      .where('frustrations', '=', p.frustrations)
      .where('quote', '=', p.quote)
      .where('demographics', '=', p.demographics)
      .orderBy('created_at')
      .limit(1),
  )
  return row?.id ?? null
}

export function upsertStageRow(sqlite: Database.Database, row: JourneyStageRow): void {
  exec(
    sqlite,
    build
      .insertInto('journey_stages')
      .values(row)
      .onConflict((oc) => oc.columns(['map_id', 'id']).doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), name: eb.ref('excluded.name'), color: eb.ref('excluded.color') }))),
  )
}

export function upsertStepRow(sqlite: Database.Database, row: JourneyStepRow): void {
  exec(
    sqlite,
    build
      .insertInto('journey_steps')
      .values(row)
      .onConflict((oc) => oc.columns(['map_id', 'id']).doUpdateSet((eb) => ({ stage_id: eb.ref('excluded.stage_id'), position: eb.ref('excluded.position'), name: eb.ref('excluded.name') }))),
  )
}

export function upsertLaneRow(sqlite: Database.Database, row: JourneyLaneRow): void {
  exec(
    sqlite,
    build
      .insertInto('journey_lanes')
      .values(row)
      .onConflict((oc) => oc.columns(['map_id', 'id']).doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), type: eb.ref('excluded.type'), name: eb.ref('excluded.name') }))),
  )
}

export function upsertCardRow(sqlite: Database.Database, row: JourneyCardRow): void {
  exec(
    sqlite,
    build
      .insertInto('journey_cards')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['map_id', 'id']).doUpdateSet((eb) => ({
          lane_id: eb.ref('excluded.lane_id'),
          step_id: eb.ref('excluded.step_id'),
          position: eb.ref('excluded.position'),
          text: eb.ref('excluded.text'),
          color: eb.ref('excluded.color'),
          icon: eb.ref('excluded.icon'),
          channel: eb.ref('excluded.channel'),
          link_touchpoint: eb.ref('excluded.link_touchpoint'),
          link_channel: eb.ref('excluded.link_channel'),
          evidence: eb.ref('excluded.evidence'),
          image: eb.ref('excluded.image'),
        })),
      ),
  )
}

export function upsertEmotionRow(sqlite: Database.Database, row: JourneyEmotionRow): void {
  exec(
    sqlite,
    build
      .insertInto('journey_emotions')
      .values(row)
      .onConflict((oc) => oc.columns(['map_id', 'lane_id', 'step_id']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
  )
}

export function upsertCommentRow(sqlite: Database.Database, row: JourneyCommentRow): void {
  exec(
    sqlite,
    build
      .insertInto('journey_comments')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['map_id', 'id']).doUpdateSet((eb) => ({
          card_id: eb.ref('excluded.card_id'),
          author: eb.ref('excluded.author'),
          body: eb.ref('excluded.body'),
          created_at: eb.ref('excluded.created_at'),
        })),
      ),
  )
}

export function deleteChildRow(sqlite: Database.Database, table: Child | 'journey_comments', mapId: string, id: string): void {
  // Columns named through sql.ref: Kysely's types do not combine a where over a union of tables.
  exec(sqlite, build.deleteFrom(table).where(sql.ref('map_id'), '=', mapId).where(sql.ref('id'), '=', id))
}

export function deleteEmotionRow(sqlite: Database.Database, mapId: string, laneId: string, stepId: string): void {
  exec(sqlite, build.deleteFrom('journey_emotions').where('map_id', '=', mapId).where('lane_id', '=', laneId).where('step_id', '=', stepId))
}

export function setChildPosition(sqlite: Database.Database, table: Child, mapId: string, id: string, position: number): void {
  exec(sqlite, build.updateTable(table).set({ position }).where(sql.ref('map_id'), '=', mapId).where(sql.ref('id'), '=', id))
}

export interface JourneyListRow extends JourneyMapRow {
  persona_name: string | null
  stage_count: number
  card_count: number
}

export async function listJourneyRows(db: Kysely<DB>): Promise<JourneyListRow[]> {
  const rows = await db
    .selectFrom('journey_maps as m')
    .leftJoin('personas as p', (j) => j.onRef('p.id', '=', 'm.persona_id').on('p.deleted_at', 'is', null))
    .selectAll('m')
    .select([
      'p.name as persona_name',
      (eb) => eb.selectFrom('journey_stages as s').whereRef('s.map_id', '=', 'm.id').select(sql<number>`count(*)`.as('n')).as('stage_count'),
      (eb) => eb.selectFrom('journey_cards as c').whereRef('c.map_id', '=', 'm.id').select(sql<number>`count(*)`.as('n')).as('card_count'),
    ])
    .orderBy('m.updated_at', 'desc')
    .orderBy('m.id')
    .execute()
  return rows.map((r) => ({ ...r, stage_count: Number(r.stage_count ?? 0), card_count: Number(r.card_count ?? 0) }))
}

export interface PersonaListRow extends PersonaRow {
  map_count: number
}

/** The library, by name, with how many maps use each persona; deleted ones left out. */
export async function listPersonaRows(db: Kysely<DB>): Promise<PersonaListRow[]> {
  const rows = await db
    .selectFrom('personas as p')
    .selectAll('p')
    .select((eb) => eb.selectFrom('journey_maps as m').whereRef('m.persona_id', '=', 'p.id').select(sql<number>`count(*)`.as('n')).as('map_count'))
    .where('p.deleted_at', 'is', null)
    .orderBy(sql`p.name COLLATE NOCASE`)
    .orderBy('p.id')
    .execute()
  return rows.map((r) => ({ ...r, map_count: Number(r.map_count ?? 0) }))
}

export async function personaRow(db: Kysely<DB>, id: string): Promise<PersonaRow | undefined> {
  return db.selectFrom('personas').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Deletes a persona from the library, keeping it (marked deleted) until the next deletion so that
 * Undo can bring it back with its maps; the one deleted before is removed for good (its maps
 * lose the link).
 */
export async function softDeletePersonaRow(db: Kysely<DB>, id: string, now: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('personas').where('deleted_at', 'is not', null).where('id', '!=', id).execute()
    await tx.updateTable('personas').set({ deleted_at: now }).where('id', '=', id).execute()
  })
}

export async function restorePersonaRow(db: Kysely<DB>, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('personas').set({ deleted_at: null, updated_at: now }).where('id', '=', id).where('deleted_at', 'is not', null).executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

/** Maps using a persona (ids), for the caches that hold their documents. */
export async function mapsWithPersona(db: Kysely<DB>, id: string): Promise<string[]> {
  return (await db.selectFrom('journey_maps').select('id').where('persona_id', '=', id).execute()).map((r) => r.id)
}

export interface EvidenceRow {
  id: number
  submitted_at: number
  metric: string | null
  score: number | null
  scale_max: number | null
  comment: string | null
  language: string | null
  touchpoint: string | null
  channel: string | null
}

/** Responses cited as evidence (by id), or found by the words of their comment through the shared feedback filter. */
export async function evidenceResponses(db: Kysely<DB>, opts: { ids?: number[]; text?: string; limit: number }): Promise<EvidenceRow[]> {
  let q = filteredResponses(db, opts.text ? { text: opts.text } : {}).select([
    'r.id',
    'r.submitted_at',
    'q.metric',
    'r.score',
    'q.scale_max',
    'r.comment',
    'r.language',
    'r.touchpoint',
    'r.channel',
  ])
  if (opts.ids) q = q.where('r.id', 'in', opts.ids.length ? opts.ids : [-1])
  else q = q.where('r.comment', 'is not', null)
  return q.orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(opts.limit).execute() as Promise<EvidenceRow[]>
}

/** Tags whose name contains the text, with how many responses carry each. */
export async function tagsMatching(db: Kysely<DB>, text: string, limit: number): Promise<{ value: string; n: number }[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
  return db
    .selectFrom('tags as t')
    .leftJoin('response_tags as rt', 'rt.tag_id', 't.id')
    .select(['t.name as value', (eb) => eb.fn.count<number>('rt.response_id').as('n')])
    .where(sql<boolean>`t.name LIKE ${pattern} ESCAPE '\\'`)
    .groupBy('t.id')
    .orderBy('n', 'desc')
    .limit(limit)
    .execute() as Promise<{ value: string; n: number }[]>
}
