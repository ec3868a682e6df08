import type { Sqlite } from '../db/sqlite'
import type { EvidenceResponse, JourneySummary, JourneyTemplateId, LibraryPersona } from '../../src-shared/api/journeys'
import { AppError } from '../../src-shared/api/result'
import type { Command } from '../../src-shared/domain/journeys/commands'
import { diffDocs } from '../../src-shared/domain/journeys/diff'
import { newId } from '../../src-shared/domain/journeys/ids'
import type { JourneyDoc, Persona } from '../../src-shared/domain/journeys/model'
import { applyCommands } from '../../src-shared/domain/journeys/reducer'
import { mapOutline } from '../../src-shared/domain/journeys/outline'
import type { Locale } from '../../src-shared/domain/locales'
import { metricKinds, type MetricKind } from '../../src-shared/domain/scores'
import type { Clock } from '../common/clock'
import {
  bumpRevision,
  deleteMapRow,
  evidenceResponses,
  insertMapRow,
  listJourneyRows,
  listPersonaRows,
  mapsWithPersona,
  personaRow,
  readJourneyRows,
  restorePersonaRow,
  samePersonaId,
  softDeletePersonaRow,
  tagsMatching,
  upsertPersonaRow,
  type PersonaRow,
} from './journeysRepository'
import { documentFromTemplate } from './journeyTemplates'
import { documentFromRows, storePatch } from './journeyStore'
import type { OpenWorkspace } from '../db/openWorkspace'
import { inTransaction } from '../db/transaction'
import { touchpointCounts, valueCounts } from '../db/dimensionValues'

interface Loaded {
  doc: JourneyDoc
  revision: number
  updatedAt: number
}

/**
 * The last state of every map this connection has loaded or written, so a save applies its
 * commands without reading the map back first. Keyed by connection: a workspace opened again
 * starts from the file.
 */
const cache = new WeakMap<Sqlite, Map<string, Loaded>>()
const cacheOf = (sqlite: Sqlite) => {
  let c = cache.get(sqlite)
  if (!c) cache.set(sqlite, (c = new Map()))
  return c
}

function load(open: OpenWorkspace, id: string): Loaded {
  const sqlite = open.ws.sqlite
  const cached = cacheOf(sqlite).get(id)
  if (cached) return cached
  const rows = readJourneyRows(sqlite, id)
  if (!rows) throw new AppError('NOT_FOUND', `There is no journey map ${id} in this workspace.`, { id })
  const loaded = { doc: documentFromRows(rows), revision: rows.map.revision, updatedAt: rows.map.updated_at }
  cacheOf(sqlite).set(id, loaded)
  return loaded
}

export async function listJourneys(open: OpenWorkspace): Promise<JourneySummary[]> {
  return (await listJourneyRows(open.db)).map((r) => ({
    id: r.id,
    name: r.name,
    scenario: r.scenario,
    kind: r.kind,
    baseId: r.base_id,
    personaName: r.persona_name,
    stageCount: r.stage_count,
    cardCount: r.card_count,
    outline: mapOutline(load(open, r.id).doc),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

export function getJourney(open: OpenWorkspace, id: string): Loaded {
  return load(open, id)
}

const emptyLike = (doc: JourneyDoc): JourneyDoc => ({ map: doc.map, persona: null, stages: [], steps: [], lanes: [], cards: [], emotions: [], comments: [] })

/** Stores a whole new map in one transaction, through the same write path as every edit. */
export function insertJourney(sqlite: Sqlite, doc: JourneyDoc, now: number): void {
  inTransaction(sqlite, () => {
    const m = doc.map
    insertMapRow(sqlite, { id: m.id, name: m.name, scenario: m.scenario, kind: m.kind, base_id: m.baseId, score_metric: m.scoreMetric, revision: 0, created_at: now, updated_at: now })
    storePatch(sqlite, doc, diffDocs(emptyLike(doc), doc), now)
  })
  cacheOf(sqlite).set(doc.map.id, { doc, revision: 0, updatedAt: now })
}

export function createJourney(open: OpenWorkspace, clock: Clock, req: { name: string; scenario: string; template: JourneyTemplateId; locale: Locale }): { id: string } {
  const id = newId()
  const doc = documentFromTemplate(req.template, { id, name: req.name.trim() || req.name, scenario: req.scenario, locale: req.locale })
  // A template's persona already in the library (from an earlier map made from it) is reused, not copied again.
  const same = doc.persona ? samePersonaId(open.ws.sqlite, doc.persona) : null
  insertJourney(open.ws.sqlite, same && doc.persona ? { ...doc, persona: { ...doc.persona, id: same } } : doc, clock.now())
  return { id }
}

/** A copy under a new id. The entities keep their ids (they are unique within a map), which is what lets a to-be version be compared with its as-is map. */
export function duplicateJourney(open: OpenWorkspace, clock: Clock, req: { id: string; name: string; asToBe: boolean }): { id: string } {
  const source = load(open, req.id).doc
  const id = newId()
  const map = req.asToBe ? { ...source.map, id, name: req.name, kind: 'to_be' as const, baseId: source.map.id } : { ...source.map, id, name: req.name }
  insertJourney(open.ws.sqlite, { ...source, map }, clock.now())
  return { id }
}

export function deleteJourney(open: OpenWorkspace, id: string): void {
  load(open, id)
  const sqlite = open.ws.sqlite
  deleteMapRow(sqlite, id)
  // Versions made from it lose their base (ON DELETE SET NULL); forget every cached map so none keeps the old link.
  cacheOf(sqlite).clear()
}

/**
 * Applies editor commands with the same pure reducer the editor ran, and stores exactly what
 * changed in one transaction. An invalid command changes nothing and says why.
 */
export function applyJourneyCommands(open: OpenWorkspace, clock: Clock, req: { id: string; baseRevision: number; commands: Command[] }): { revision: number; rebased: boolean } {
  const sqlite = open.ws.sqlite
  const current = load(open, req.id)
  const result = applyCommands(current.doc, req.commands)
  if (!result.ok) throw new AppError(result.error.code, result.error.message)
  const patch = diffDocs(current.doc, result.doc)
  const now = clock.now()
  let revision = current.revision
  try {
    revision = inTransaction(sqlite, () => {
      storePatch(sqlite, result.doc, patch, now)
      return bumpRevision(sqlite, req.id, now)
    })
  } catch (e) {
    // The cached state may no longer match the file; read it again next time.
    cacheOf(sqlite).delete(req.id)
    throw e
  }
  cacheOf(sqlite).set(req.id, { doc: result.doc, revision, updatedAt: now })
  // A library persona edited on this map shows on every map that uses it.
  if (patch.persona) showPersona(sqlite, patch.persona)
  return { revision, rebased: req.baseRevision !== current.revision }
}

/** Puts a persona's new content into the cached documents of the maps that use it. */
function showPersona(sqlite: Sqlite, persona: Persona): void {
  for (const [id, loaded] of cacheOf(sqlite)) if (loaded.doc.persona?.id === persona.id) cacheOf(sqlite).set(id, { ...loaded, doc: { ...loaded.doc, persona } })
}

const personaOf = (r: PersonaRow): Persona => ({
  id: r.id,
  name: r.name,
  avatar: r.avatar,
  photo: r.photo,
  goals: r.goals,
  frustrations: r.frustrations,
  quote: r.quote,
  demographics: r.demographics,
})

export async function listPersonas(open: OpenWorkspace): Promise<LibraryPersona[]> {
  return (await listPersonaRows(open.db)).map((r) => ({ ...personaOf(r), mapCount: r.map_count, updatedAt: r.updated_at }))
}

/** A persona stored in the library, new or changed; the maps that use it show the change. */
export function savePersona(open: OpenWorkspace, clock: Clock, persona: Persona): { id: string } {
  const sqlite = open.ws.sqlite
  inTransaction(sqlite, () => upsertPersonaRow(sqlite, persona, clock.now()))
  showPersona(sqlite, persona)
  return { id: persona.id }
}

export async function deletePersona(open: OpenWorkspace, clock: Clock, id: string): Promise<{ maps: number }> {
  const row = await personaRow(open.db, id)
  if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND', `There is no persona ${id} in this workspace.`, { id })
  const maps = await mapsWithPersona(open.db, id)
  await softDeletePersonaRow(open.db, id, clock.now())
  // Maps whose persona is now deleted (or was removed for good) read it again.
  cacheOf(open.ws.sqlite).clear()
  return { maps: maps.length }
}

export async function restorePersona(open: OpenWorkspace, clock: Clock, id: string): Promise<void> {
  if (!(await restorePersonaRow(open.db, id, clock.now()))) throw new AppError('NOT_FOUND', 'That persona can no longer be restored.', { id })
  cacheOf(open.ws.sqlite).clear()
}

export async function linkableValues(open: OpenWorkspace) {
  const touchpoints = await touchpointCounts(open.db)
  const channels = await valueCounts(open.db, 'channel')
  const byTouchpoint = new Map<string, { value: string; n: number; channels: string[] }>()
  for (const r of touchpoints) {
    let entry = byTouchpoint.get(r.value)
    if (!entry) byTouchpoint.set(r.value, (entry = { value: r.value, n: 0, channels: [] }))
    entry.n += Number(r.n)
    if (r.channel) entry.channels.push(r.channel)
  }
  return {
    touchpoints: [...byTouchpoint.values()].sort((a, b) => b.n - a.n || a.value.localeCompare(b.value)),
    channels: channels.map((c) => ({ value: c.value, n: Number(c.n) })),
  }
}

const asMetric = (m: string | null): MetricKind | null => ((metricKinds as readonly string[]).includes(m ?? '') ? (m as MetricKind) : null)

export async function findEvidence(open: OpenWorkspace, req: { ids?: number[]; text?: string }): Promise<{ responses: EvidenceResponse[]; tags: { value: string; n: number }[] }> {
  const text = req.text?.trim()
  const rows = req.ids ? await evidenceResponses(open.db, { ids: req.ids, limit: 200 }) : text ? await evidenceResponses(open.db, { text, limit: 20 }) : []
  const tags = text ? await tagsMatching(open.db, text, 10) : []
  return {
    responses: rows.map((r) => ({
      id: r.id,
      submittedAt: r.submitted_at,
      metric: asMetric(r.metric),
      score: r.score,
      scaleMax: r.scale_max,
      comment: r.comment,
      language: r.language,
      touchpoint: r.touchpoint,
      channel: r.channel,
    })),
    tags: tags.map((t) => ({ value: t.value, n: Number(t.n) })),
  }
}
