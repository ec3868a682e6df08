import { z } from 'zod'
import { metricKinds } from '../scores'
import {
  cardColors,
  cardSchema,
  commentSchema,
  EMOTION_MAX,
  EMOTION_MIN,
  emotionSchema,
  entityId,
  laneSchema,
  mapInfoSchema,
  personaSchema,
  stageSchema,
  stepSchema,
} from './model'

const index = z.number().int().min(0).max(10_000)
const ids = z.array(entityId).min(1).max(1_000)
const orderList = z.array(entityId).max(5_000)
/** Orders keyed by group; zod records have no size limit of their own, so one is checked (and named in meta for the contract's bounds test). */
const orderMap = (key: z.ZodString, maxKeys: number) =>
  z
    .record(key, orderList)
    .refine((r) => Object.keys(r).length <= maxKeys, `at most ${maxKeys} groups`)
    .meta({ maxKeys })

/** Card fields an edit may change (its place changes through moveCards). */
export const cardPatchSchema = cardSchema.omit({ id: true, laneId: true, stepId: true }).partial().strict()
export type CardPatch = z.infer<typeof cardPatchSchema>

/**
 * A set of entity changes: what undo and redo apply. Every editing command can be expressed as
 * one, so the reverse of any command is the patch that restores the entities it touched.
 */
export const patchSchema = z.strictObject({
  map: mapInfoSchema.optional(),
  /** Present when the persona changed; null removes it. */
  persona: personaSchema.nullable().optional(),
  upsert: z
    .strictObject({
      stages: z.array(stageSchema).max(200).optional(),
      steps: z.array(stepSchema).max(1_000).optional(),
      lanes: z.array(laneSchema).max(100).optional(),
      cards: z.array(cardSchema).max(5_000).optional(),
      emotions: z.array(emotionSchema).max(2_000).optional(),
      comments: z.array(commentSchema).max(5_000).optional(),
    })
    .default({}),
  /** Keys to remove: ids, or "laneId:stepId" for emotions. */
  remove: z
    .strictObject({
      stages: orderList.optional(),
      steps: orderList.optional(),
      lanes: orderList.optional(),
      cards: orderList.optional(),
      emotions: z.array(z.string().max(90)).max(2_000).optional(),
      comments: orderList.optional(),
    })
    .default({}),
  /** The full order of each group that changed: stages, lanes, the steps of a stage, the cards of a cell ("laneId|stepId"). */
  order: z
    .strictObject({
      stages: orderList.optional(),
      lanes: orderList.optional(),
      steps: orderMap(entityId, 5_000).optional(),
      cards: orderMap(z.string().max(90), 20_000).optional(),
    })
    .default({}),
})
export type Patch = z.infer<typeof patchSchema>
export type PatchInput = z.input<typeof patchSchema>

/** Editor commands are data: the renderer applies them at once, the workspace applies the same ones and stores the result. */
export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('updateMap'),
    patch: z.strictObject({ name: z.string().min(1).max(200).optional(), scenario: z.string().max(2_000).optional(), scoreMetric: z.enum(metricKinds).optional() }),
  }),
  z.strictObject({ type: z.literal('setPersona'), persona: personaSchema.nullable() }),
  z.strictObject({ type: z.literal('addStage'), stage: stageSchema, step: stepSchema, index: index.optional() }),
  z.strictObject({ type: z.literal('updateStage'), id: entityId, patch: z.strictObject({ name: z.string().max(200).optional(), color: z.enum(cardColors).optional() }) }),
  z.strictObject({ type: z.literal('moveStage'), id: entityId, toIndex: index }),
  z.strictObject({ type: z.literal('deleteStage'), id: entityId }),
  z.strictObject({ type: z.literal('addStep'), step: stepSchema, index: index.optional() }),
  z.strictObject({ type: z.literal('updateStep'), id: entityId, patch: z.strictObject({ name: z.string().max(200) }) }),
  z.strictObject({ type: z.literal('moveStep'), id: entityId, toIndex: index }),
  z.strictObject({ type: z.literal('deleteStep'), id: entityId }),
  z.strictObject({ type: z.literal('addLane'), lane: laneSchema, index: index.optional() }),
  z.strictObject({ type: z.literal('updateLane'), id: entityId, patch: z.strictObject({ name: z.string().max(200) }) }),
  z.strictObject({ type: z.literal('moveLane'), id: entityId, toIndex: index }),
  z.strictObject({ type: z.literal('deleteLane'), id: entityId }),
  z.strictObject({ type: z.literal('addCards'), cards: z.array(cardSchema).min(1).max(1_000), index: index.optional() }),
  z.strictObject({ type: z.literal('updateCard'), id: entityId, patch: cardPatchSchema }),
  z.strictObject({ type: z.literal('moveCards'), ids, laneId: entityId, stepId: entityId, index: index.optional() }),
  z.strictObject({ type: z.literal('deleteCards'), ids }),
  z.strictObject({ type: z.literal('setEmotion'), laneId: entityId, stepId: entityId, value: z.number().int().min(EMOTION_MIN).max(EMOTION_MAX).nullable() }),
  z.strictObject({ type: z.literal('addComment'), comment: commentSchema }),
  z.strictObject({ type: z.literal('deleteComment'), id: entityId }),
  z.strictObject({ type: z.literal('patch'), patch: patchSchema }),
])
export type Command = z.infer<typeof commandSchema>
export type CommandInput = z.input<typeof commandSchema>
export type CommandType = Command['type']
