import { z } from 'zod'
import { metricKinds } from '../scores'

/**
 * The journey map as a document: the shape both the editor (renderer) and the workspace (main)
 * hold, and the entities commands carry. Ids are short random strings made by the editor, so an
 * edit can be applied locally before the workspace has seen it; they are unique within one map,
 * and a to-be version keeps the ids of the as-is map it was copied from, which is how the two are
 * compared.
 */
export const entityId = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/, 'expected an entity id')
const name = z.string().max(200)
const text = z.string().max(2_000)
/** Photos and pictures are stored in the workspace as data URLs (downscaled by the editor first). */
export const MAX_IMAGE_CHARS = 350_000
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/
/** The first bytes each kind of picture starts with: a data URL must hold the kind of image it names. */
const IMAGE_SIGNATURES: Record<string, (head: string) => boolean> = {
  png: (h) => h.startsWith('\x89PNG\r\n\x1a\n'),
  jpeg: (h) => h.startsWith('\xff\xd8\xff'),
  gif: (h) => h.startsWith('GIF87a') || h.startsWith('GIF89a'),
  webp: (h) => h.startsWith('RIFF') && h.slice(8, 12) === 'WEBP',
}
export function imageBytesMatch(dataUrl: string): boolean {
  const m = IMAGE_DATA_URL.exec(dataUrl)
  if (!m) return false
  const start = dataUrl.indexOf(',') + 1
  try {
    return IMAGE_SIGNATURES[m[1]](atob(dataUrl.slice(start, start + 16)))
  } catch {
    return false
  }
}
const imageData = z
  .string()
  .max(MAX_IMAGE_CHARS)
  .regex(IMAGE_DATA_URL, 'expected a PNG, JPEG, WebP or GIF data URL')
  .refine(imageBytesMatch, 'the picture is not the kind of image its data URL names')

export const laneTypes = ['actions', 'thoughts', 'questions', 'touchpoints', 'emotion', 'pains', 'ideas', 'owners', 'kpis', 'images', 'scores'] as const
export type LaneType = (typeof laneTypes)[number]
/** Lanes that hold cards (the others draw a curve or live scores). */
export const cardLaneTypes: readonly LaneType[] = ['actions', 'thoughts', 'questions', 'touchpoints', 'pains', 'ideas', 'owners', 'kpis', 'images']

export const channelKinds = ['store', 'web', 'app', 'social', 'chat', 'phone', 'email', 'delivery', 'event', 'print', 'other'] as const
export type ChannelKind = (typeof channelKinds)[number]

export const cardColors = ['default', 'yellow', 'orange', 'red', 'pink', 'purple', 'blue', 'teal', 'green', 'gray'] as const
export type CardColor = (typeof cardColors)[number]

export const cardIcons = ['none', 'star', 'alert', 'idea', 'heart', 'flag', 'clock', 'money', 'person', 'check', 'question', 'chat'] as const
export type CardIcon = (typeof cardIcons)[number]

export const mapKinds = ['as_is', 'to_be'] as const
export type MapKind = (typeof mapKinds)[number]

export const EMOTION_MIN = -100
export const EMOTION_MAX = 100

/** What a touchpoint card is tied to in the feedback data; both set means "this touchpoint on this channel". */
export const scoreLinkSchema = z.strictObject({ touchpoint: name.min(1).nullable(), channel: name.min(1).nullable() })
export type ScoreLink = z.infer<typeof scoreLinkSchema>

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('response'), responseId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('tag'), tag: name.min(1) }),
])
export type Evidence = z.infer<typeof evidenceSchema>

export const personaSchema = z.strictObject({
  id: entityId,
  name,
  /** One or two characters (initials or an emoji) shown when there is no photo. */
  avatar: z.string().max(8),
  photo: imageData.nullable(),
  goals: text,
  frustrations: text,
  quote: text,
  demographics: text,
})
export type Persona = z.infer<typeof personaSchema>

export const mapInfoSchema = z.strictObject({
  id: entityId,
  name: name.min(1),
  scenario: text,
  kind: z.enum(mapKinds),
  /** The as-is map a to-be version was made from. */
  baseId: entityId.nullable(),
  /** The metric the live-scores lane and the heat map show. */
  scoreMetric: z.enum(metricKinds),
})
export type MapInfo = z.infer<typeof mapInfoSchema>

export const stageSchema = z.strictObject({ id: entityId, name, color: z.enum(cardColors) })
export type Stage = z.infer<typeof stageSchema>

/** Every stage has at least one step; a stage that is not split has one step with an empty name. */
export const stepSchema = z.strictObject({ id: entityId, stageId: entityId, name })
export type Step = z.infer<typeof stepSchema>

export const laneSchema = z.strictObject({ id: entityId, type: z.enum(laneTypes), name })
export type Lane = z.infer<typeof laneSchema>

export const cardSchema = z.strictObject({
  id: entityId,
  laneId: entityId,
  stepId: entityId,
  /** Short text; **bold**, *italic* and lines starting with "- " are shown formatted. */
  text,
  color: z.enum(cardColors),
  icon: z.enum(cardIcons),
  /** Touchpoint cards: the channel icon. */
  channel: z.enum(channelKinds).nullable(),
  /** Touchpoint cards: the feedback it is scored by. */
  link: scoreLinkSchema.nullable(),
  evidence: z.array(evidenceSchema).max(50),
  image: imageData.nullable(),
})
export type Card = z.infer<typeof cardSchema>

/** The imagined emotion at one step of an emotion lane, from −100 (very negative) to +100 (very positive). */
export const emotionSchema = z.strictObject({ laneId: entityId, stepId: entityId, value: z.number().int().min(EMOTION_MIN).max(EMOTION_MAX) })
export type EmotionPoint = z.infer<typeof emotionSchema>

/** A workshop note on a card. */
export const commentSchema = z.strictObject({ id: entityId, cardId: entityId, author: name, body: text.min(1), createdAt: z.number().int().nonnegative() })
export type Comment = z.infer<typeof commentSchema>

export const journeyDocSchema = z.object({
  map: mapInfoSchema,
  persona: personaSchema.nullable(),
  stages: z.array(stageSchema),
  steps: z.array(stepSchema),
  lanes: z.array(laneSchema),
  cards: z.array(cardSchema),
  emotions: z.array(emotionSchema),
  comments: z.array(commentSchema),
})
/**
 * Order is the order of the arrays: stages and lanes left to right / top to bottom, steps within
 * their stage, cards within their cell (lane × step). Emotions and comments carry no order.
 */
export type JourneyDoc = z.infer<typeof journeyDocSchema>

export const collections = ['stages', 'steps', 'lanes', 'cards', 'emotions', 'comments'] as const
export type Collection = (typeof collections)[number]
export type EntityOf<C extends Collection> = JourneyDoc[C][number]
