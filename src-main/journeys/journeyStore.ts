import type { Sqlite } from '../db/sqlite'
import type { Patch } from '../../src-shared/domain/journeys/commands'
import { canonical, positionsOf } from '../../src-shared/domain/journeys/grid'
import { evidenceSchema, type Card, type Evidence, type JourneyDoc, type MapInfo, type Persona } from '../../src-shared/domain/journeys/model'
import {
  deleteChildRow,
  deleteEmotionRow,
  setChildPosition,
  setMapPersona,
  updateMapRow,
  upsertCardRow,
  upsertCommentRow,
  upsertEmotionRow,
  upsertLaneRow,
  upsertPersonaRow,
  upsertStageRow,
  upsertStepRow,
  type JourneyRows,
} from './journeysRepository'

/** Evidence is stored as JSON; anything that no longer reads as evidence is dropped rather than breaking the map. */
function parseEvidence(json: string): Evidence[] {
  try {
    const raw: unknown = JSON.parse(json)
    if (!Array.isArray(raw)) return []
    return raw.flatMap((e) => {
      const parsed = evidenceSchema.safeParse(e)
      return parsed.success ? [parsed.data] : []
    })
  } catch {
    return []
  }
}

/** Rows as read from the workspace → the document the editor works on (rows arrive sorted by position). */
export function documentFromRows(rows: JourneyRows): JourneyDoc {
  const m = rows.map
  const p = rows.persona
  return canonical({
    map: { id: m.id, name: m.name, scenario: m.scenario, kind: m.kind, baseId: m.base_id, scoreMetric: m.score_metric },
    persona: p ? { id: p.id, name: p.name, avatar: p.avatar, photo: p.photo, goals: p.goals, frustrations: p.frustrations, quote: p.quote, demographics: p.demographics } : null,
    stages: rows.stages.map((s) => ({ id: s.id, name: s.name, color: s.color as JourneyDoc['stages'][number]['color'] })),
    steps: rows.steps.map((s) => ({ id: s.id, stageId: s.stage_id, name: s.name })),
    lanes: rows.lanes.map((l) => ({ id: l.id, type: l.type as JourneyDoc['lanes'][number]['type'], name: l.name })),
    cards: rows.cards.map(
      (c): Card => ({
        id: c.id,
        laneId: c.lane_id,
        stepId: c.step_id,
        text: c.text,
        color: c.color as Card['color'],
        icon: c.icon as Card['icon'],
        channel: c.channel as Card['channel'],
        link: c.link_touchpoint !== null || c.link_channel !== null ? { touchpoint: c.link_touchpoint, channel: c.link_channel } : null,
        evidence: parseEvidence(c.evidence),
        image: c.image,
      }),
    ),
    emotions: rows.emotions.map((e) => ({ laneId: e.lane_id, stepId: e.step_id, value: e.value })),
    comments: rows.comments.map((m) => ({ id: m.id, cardId: m.card_id, author: m.author, body: m.body, createdAt: m.created_at })),
  })
}

const mapRow = (map: MapInfo) => ({ id: map.id, name: map.name, scenario: map.scenario, kind: map.kind, base_id: map.baseId, score_metric: map.scoreMetric })

/**
 * Writes what a patch names, for the document it produced: upserts first (so a card moved out of
 * a step is no longer there when the step goes), then removals, then the order of every group
 * whose order changed. Runs inside the caller's transaction; references are checked at commit.
 * The map's persona is a persona of the workspace's library: setting it stores the persona there
 * (new content shows on every map that uses it) and points the map at it; removing it only
 * unlinks the map.
 */
export function storePatch(sqlite: Sqlite, doc: JourneyDoc, patch: Patch, now: number): void {
  const mapId = doc.map.id
  if (patch.map) updateMapRow(sqlite, mapRow(patch.map))
  if (patch.persona !== undefined) {
    const p: Persona | null = patch.persona
    if (p) upsertPersonaRow(sqlite, p, now)
    setMapPersona(sqlite, mapId, p?.id ?? null)
  }

  const up = patch.upsert
  if (up.stages?.length || patch.order.stages) {
    const pos = positionsOf(doc.stages, 'stages')
    for (const s of up.stages ?? []) upsertStageRow(sqlite, { map_id: mapId, id: s.id, position: pos.get(s.id) ?? 0, name: s.name, color: s.color })
    for (const id of patch.order.stages ?? []) setChildPosition(sqlite, 'journey_stages', mapId, id, pos.get(id) ?? 0)
  }
  if (up.steps?.length || patch.order.steps) {
    const pos = positionsOf(doc.steps, 'steps')
    for (const s of up.steps ?? []) upsertStepRow(sqlite, { map_id: mapId, id: s.id, stage_id: s.stageId, position: pos.get(s.id) ?? 0, name: s.name })
    for (const ids of Object.values(patch.order.steps ?? {})) for (const id of ids) setChildPosition(sqlite, 'journey_steps', mapId, id, pos.get(id) ?? 0)
  }
  if (up.lanes?.length || patch.order.lanes) {
    const pos = positionsOf(doc.lanes, 'lanes')
    for (const l of up.lanes ?? []) upsertLaneRow(sqlite, { map_id: mapId, id: l.id, position: pos.get(l.id) ?? 0, type: l.type, name: l.name })
    for (const id of patch.order.lanes ?? []) setChildPosition(sqlite, 'journey_lanes', mapId, id, pos.get(id) ?? 0)
  }
  if (up.cards?.length || patch.order.cards) {
    const pos = positionsOf(doc.cards, 'cards')
    for (const c of up.cards ?? [])
      upsertCardRow(sqlite, {
        map_id: mapId,
        id: c.id,
        lane_id: c.laneId,
        step_id: c.stepId,
        position: pos.get(c.id) ?? 0,
        text: c.text,
        color: c.color,
        icon: c.icon,
        channel: c.channel,
        link_touchpoint: c.link?.touchpoint ?? null,
        link_channel: c.link?.channel ?? null,
        evidence: JSON.stringify(c.evidence),
        image: c.image,
      })
    for (const ids of Object.values(patch.order.cards ?? {})) for (const id of ids) setChildPosition(sqlite, 'journey_cards', mapId, id, pos.get(id) ?? 0)
  }
  for (const e of up.emotions ?? []) upsertEmotionRow(sqlite, { map_id: mapId, lane_id: e.laneId, step_id: e.stepId, value: e.value })
  for (const m of up.comments ?? []) upsertCommentRow(sqlite, { map_id: mapId, id: m.id, card_id: m.cardId, author: m.author, body: m.body, created_at: m.createdAt })

  const rm = patch.remove
  for (const id of rm.comments ?? []) deleteChildRow(sqlite, 'journey_comments', mapId, id)
  for (const key of rm.emotions ?? []) {
    const [laneId, stepId] = key.split(':')
    deleteEmotionRow(sqlite, mapId, laneId, stepId)
  }
  for (const id of rm.cards ?? []) deleteChildRow(sqlite, 'journey_cards', mapId, id)
  for (const id of rm.lanes ?? []) deleteChildRow(sqlite, 'journey_lanes', mapId, id)
  for (const id of rm.steps ?? []) deleteChildRow(sqlite, 'journey_steps', mapId, id)
  for (const id of rm.stages ?? []) deleteChildRow(sqlite, 'journey_stages', mapId, id)
}
