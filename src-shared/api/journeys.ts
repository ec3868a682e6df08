import { z } from 'zod'
import { defineChannel } from './define'
import { shortText } from './limits'
import { locales } from '../domain/locales'
import { metricKinds } from '../domain/scores'
import { commandSchema } from '../domain/journeys/commands'
import { entityId, journeyDocSchema, mapKinds, personaSchema } from '../domain/journeys/model'
import { mapOutlineSchema } from '../domain/journeys/outline'

/** The starting points offered when a map is created; their content exists in every UI language. */
export const journeyTemplateIds = ['five_es', 'cafe', 'online_shop', 'clinic', 'hotel', 'b2b_service', 'blank'] as const
export type JourneyTemplateId = (typeof journeyTemplateIds)[number]

export const journeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  scenario: z.string(),
  kind: z.enum(mapKinds),
  baseId: z.string().nullable(),
  personaName: z.string().nullable(),
  stageCount: z.number().int(),
  cardCount: z.number().int(),
  /** What the list's thumbnail of the map draws. */
  outline: mapOutlineSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type JourneySummary = z.infer<typeof journeySummarySchema>

export const linkableValueSchema = z.object({ value: z.string(), n: z.number().int() })
export type LinkableValue = z.infer<typeof linkableValueSchema>

export const evidenceResponseSchema = z.object({
  id: z.number().int(),
  submittedAt: z.number(),
  metric: z.enum(metricKinds).nullable(),
  score: z.number().nullable(),
  scaleMax: z.number().nullable(),
  comment: z.string().nullable(),
  language: z.string().nullable(),
  touchpoint: z.string().nullable(),
  channel: z.string().nullable(),
})
export type EvidenceResponse = z.infer<typeof evidenceResponseSchema>

/** A persona of the workspace's library, with how many maps are for it. */
export const libraryPersonaSchema = personaSchema.extend({ mapCount: z.number().int(), updatedAt: z.number() })
export type LibraryPersona = z.infer<typeof libraryPersonaSchema>

/** Up to this many commands travel in one save; the editor sends what piled up while the previous save ran. */
export const MAX_COMMANDS_PER_SAVE = 200

export const journeysChannels = {
  'journeys.list': defineChannel(z.strictObject({}), z.object({ maps: z.array(journeySummarySchema) })),
  'journeys.get': defineChannel(z.strictObject({ id: entityId }), z.object({ doc: journeyDocSchema, revision: z.number().int(), updatedAt: z.number() })),
  /** A new map from a template, with the template's texts in the given language. */
  'journeys.create': defineChannel(
    z.strictObject({ name: shortText.min(1), scenario: z.string().max(2_000).default(''), template: z.enum(journeyTemplateIds), locale: z.enum(locales) }),
    z.object({ id: z.string() }),
  ),
  /** A copy of a map; with asToBe, the to-be version of an as-is map (same entity ids, so the two can be compared). */
  'journeys.duplicate': defineChannel(z.strictObject({ id: entityId, name: shortText.min(1), asToBe: z.boolean().default(false) }), z.object({ id: z.string() })),
  'journeys.delete': defineChannel(z.strictObject({ id: entityId }), z.null()),
  /**
   * Applies editor commands in order, all or none, and stores the result in one transaction before
   * answering: once this returns, the edit survives the app being killed. `rebased` says the map
   * had changed elsewhere since baseRevision (the editor then reloads it).
   */
  'journeys.apply': defineChannel(
    z.strictObject({ id: entityId, baseRevision: z.number().int().nonnegative(), commands: z.array(commandSchema).min(1).max(MAX_COMMANDS_PER_SAVE) }),
    z.object({ revision: z.number().int(), rebased: z.boolean() }),
  ),
  /** The workspace's persona library, by name. */
  'journeys.personas': defineChannel(z.strictObject({}), z.object({ personas: z.array(libraryPersonaSchema) })),
  /**
   * Stores a persona in the library, new or changed (every map that uses it shows the change). The
   * photo is a PNG, JPEG, WebP or GIF data URL whose bytes are that kind of image, at most
   * MAX_IMAGE_CHARS long (the editor downscales it first).
   */
  'journeys.savePersona': defineChannel(z.strictObject({ persona: personaSchema }), z.object({ id: z.string() })),
  /** Deletes a persona from the library; its maps show none until it is restored (Undo). Answers how many maps used it. */
  'journeys.deletePersona': defineChannel(z.strictObject({ id: entityId }), z.object({ maps: z.number().int() })),
  /** Brings back the persona deleted last, on the maps that used it. */
  'journeys.restorePersona': defineChannel(z.strictObject({ id: entityId }), z.null()),
  /** The touchpoints and channels in the feedback, with how many responses each has: what a map touchpoint can be linked to. */
  'journeys.linkableValues': defineChannel(
    z.strictObject({}),
    z.object({ touchpoints: z.array(linkableValueSchema.extend({ channels: z.array(z.string()) })), channels: z.array(linkableValueSchema) }),
  ),
  /** Evidence for cards: the responses with these ids, and/or responses and tags matching a text. */
  'journeys.evidence': defineChannel(
    z.strictObject({ ids: z.array(z.number().int().positive()).max(200).optional(), text: z.string().max(200).optional() }),
    z.object({ responses: z.array(evidenceResponseSchema), tags: z.array(linkableValueSchema) }),
  ),
}
