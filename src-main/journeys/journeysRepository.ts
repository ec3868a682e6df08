import type Database from 'better-sqlite3'
import { sql, type Kysely, type Selectable } from 'kysely'
import type {
  DB,
  JourneyCardsTable,
  JourneyCommentsTable,
  JourneyEmotionsTable,
  JourneyLanesTable,
  JourneyMapsTable,
  JourneyPersonasTable,
  JourneyStagesTable,
  JourneyStepsTable,
} from '../db/schema'
import { filteredResponses } from '../db/feedbackFilter'

export type JourneyMapRow = Selectable<JourneyMapsTable>
export type JourneyPersonaRow = Selectable<JourneyPersonasTable>
export type JourneyStageRow = Selectable<JourneyStagesTable>
export type JourneyStepRow = Selectable<JourneyStepsTable>
export type JourneyLaneRow = Selectable<JourneyLanesTable>
export type JourneyCardRow = Selectable<JourneyCardsTable>
export type JourneyEmotionRow = Selectable<JourneyEmotionsTable>
export type JourneyCommentRow = Selectable<JourneyCommentsTable>

export interface JourneyRows {
  map: JourneyMapRow
  persona: JourneyPersonaRow | null
  stages: JourneyStageRow[]
  steps: JourneyStepRow[]
  lanes: JourneyLaneRow[]
  cards: JourneyCardRow[]
  emotions: JourneyEmotionRow[]
  comments: JourneyCommentRow[]
}

/**
 * The journey tables use raw prepared statements on better-sqlite3: a save runs synchronously in
 * one transaction (nothing else interleaves), and opening a 600-card map is a handful of reads.
 * Statements are prepared once per connection.
 */
const statementCache = new WeakMap<Database.Database, ReturnType<typeof prepare>>()

function prepare(sqlite: Database.Database) {
  const s = (text: string) => sqlite.prepare(text)
  return {
    map: s('SELECT * FROM journey_maps WHERE id = ?'),
    persona: s('SELECT * FROM journey_personas WHERE map_id = ?'),
    stages: s('SELECT * FROM journey_stages WHERE map_id = ? ORDER BY position, id'),
    steps: s('SELECT * FROM journey_steps WHERE map_id = ? ORDER BY position, id'),
    lanes: s('SELECT * FROM journey_lanes WHERE map_id = ? ORDER BY position, id'),
    cards: s('SELECT * FROM journey_cards WHERE map_id = ? ORDER BY position, id'),
    emotions: s('SELECT * FROM journey_emotions WHERE map_id = ?'),
    comments: s('SELECT * FROM journey_comments WHERE map_id = ? ORDER BY created_at, id'),

    insertMap: s(`INSERT INTO journey_maps (id, name, scenario, kind, base_id, score_metric, revision, created_at, updated_at)
      VALUES (@id, @name, @scenario, @kind, @base_id, @score_metric, @revision, @created_at, @updated_at)`),
    updateMapInfo: s('UPDATE journey_maps SET name = @name, scenario = @scenario, kind = @kind, base_id = @base_id, score_metric = @score_metric WHERE id = @id'),
    bumpRevision: s('UPDATE journey_maps SET revision = revision + 1, updated_at = ? WHERE id = ? RETURNING revision'),
    deleteMap: s('DELETE FROM journey_maps WHERE id = ?'),

    upsertPersona: s(`INSERT INTO journey_personas (map_id, id, name, avatar, photo, goals, frustrations, quote, demographics)
      VALUES (@map_id, @id, @name, @avatar, @photo, @goals, @frustrations, @quote, @demographics)
      ON CONFLICT (map_id) DO UPDATE SET id = excluded.id, name = excluded.name, avatar = excluded.avatar, photo = excluded.photo,
        goals = excluded.goals, frustrations = excluded.frustrations, quote = excluded.quote, demographics = excluded.demographics`),
    deletePersona: s('DELETE FROM journey_personas WHERE map_id = ?'),

    upsertStage: s(`INSERT INTO journey_stages (map_id, id, position, name, color) VALUES (@map_id, @id, @position, @name, @color)
      ON CONFLICT (map_id, id) DO UPDATE SET position = excluded.position, name = excluded.name, color = excluded.color`),
    upsertStep: s(`INSERT INTO journey_steps (map_id, id, stage_id, position, name) VALUES (@map_id, @id, @stage_id, @position, @name)
      ON CONFLICT (map_id, id) DO UPDATE SET stage_id = excluded.stage_id, position = excluded.position, name = excluded.name`),
    upsertLane: s(`INSERT INTO journey_lanes (map_id, id, position, type, name) VALUES (@map_id, @id, @position, @type, @name)
      ON CONFLICT (map_id, id) DO UPDATE SET position = excluded.position, type = excluded.type, name = excluded.name`),
    upsertCard: s(`INSERT INTO journey_cards (map_id, id, lane_id, step_id, position, text, color, icon, channel, link_touchpoint, link_channel, evidence, image)
      VALUES (@map_id, @id, @lane_id, @step_id, @position, @text, @color, @icon, @channel, @link_touchpoint, @link_channel, @evidence, @image)
      ON CONFLICT (map_id, id) DO UPDATE SET lane_id = excluded.lane_id, step_id = excluded.step_id, position = excluded.position, text = excluded.text,
        color = excluded.color, icon = excluded.icon, channel = excluded.channel, link_touchpoint = excluded.link_touchpoint,
        link_channel = excluded.link_channel, evidence = excluded.evidence, image = excluded.image`),
    upsertEmotion: s(`INSERT INTO journey_emotions (map_id, lane_id, step_id, value) VALUES (@map_id, @lane_id, @step_id, @value)
      ON CONFLICT (map_id, lane_id, step_id) DO UPDATE SET value = excluded.value`),
    upsertComment: s(`INSERT INTO journey_comments (map_id, id, card_id, author, body, created_at) VALUES (@map_id, @id, @card_id, @author, @body, @created_at)
      ON CONFLICT (map_id, id) DO UPDATE SET card_id = excluded.card_id, author = excluded.author, body = excluded.body, created_at = excluded.created_at`),

    deleteStage: s('DELETE FROM journey_stages WHERE map_id = ? AND id = ?'),
    deleteStep: s('DELETE FROM journey_steps WHERE map_id = ? AND id = ?'),
    deleteLane: s('DELETE FROM journey_lanes WHERE map_id = ? AND id = ?'),
    deleteCard: s('DELETE FROM journey_cards WHERE map_id = ? AND id = ?'),
    deleteEmotion: s('DELETE FROM journey_emotions WHERE map_id = ? AND lane_id = ? AND step_id = ?'),
    deleteComment: s('DELETE FROM journey_comments WHERE map_id = ? AND id = ?'),

    positionStage: s('UPDATE journey_stages SET position = ? WHERE map_id = ? AND id = ?'),
    positionStep: s('UPDATE journey_steps SET position = ? WHERE map_id = ? AND id = ?'),
    positionLane: s('UPDATE journey_lanes SET position = ? WHERE map_id = ? AND id = ?'),
    positionCard: s('UPDATE journey_cards SET position = ? WHERE map_id = ? AND id = ?'),
  }
}

export function journeyStatements(sqlite: Database.Database) {
  let st = statementCache.get(sqlite)
  if (!st) statementCache.set(sqlite, (st = prepare(sqlite)))
  return st
}
export type JourneyStatements = ReturnType<typeof journeyStatements>

export function readJourneyRows(sqlite: Database.Database, mapId: string): JourneyRows | null {
  const st = journeyStatements(sqlite)
  const map = st.map.get(mapId) as JourneyMapRow | undefined
  if (!map) return null
  return {
    map,
    persona: (st.persona.get(mapId) as JourneyPersonaRow | undefined) ?? null,
    stages: st.stages.all(mapId) as JourneyStageRow[],
    steps: st.steps.all(mapId) as JourneyStepRow[],
    lanes: st.lanes.all(mapId) as JourneyLaneRow[],
    cards: st.cards.all(mapId) as JourneyCardRow[],
    emotions: st.emotions.all(mapId) as JourneyEmotionRow[],
    comments: st.comments.all(mapId) as JourneyCommentRow[],
  }
}

export interface JourneyListRow extends JourneyMapRow {
  persona_name: string | null
  stage_count: number
  card_count: number
}

export async function listJourneyRows(db: Kysely<DB>): Promise<JourneyListRow[]> {
  return db
    .selectFrom('journey_maps as m')
    .leftJoin('journey_personas as p', 'p.map_id', 'm.id')
    .selectAll('m')
    .select([
      'p.name as persona_name',
      (eb) => eb.selectFrom('journey_stages as s').whereRef('s.map_id', '=', 'm.id').select(sql<number>`count(*)`.as('n')).as('stage_count'),
      (eb) => eb.selectFrom('journey_cards as c').whereRef('c.map_id', '=', 'm.id').select(sql<number>`count(*)`.as('n')).as('card_count'),
    ])
    .orderBy('m.updated_at', 'desc')
    .orderBy('m.id')
    .execute() as Promise<JourneyListRow[]>
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
