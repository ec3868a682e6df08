import { z } from 'zod'
import { cardsByCell, cellKey, orderedSteps, stepsOf } from './grid'
import { cardColors, laneTypes, type JourneyDoc } from './model'

/**
 * A map reduced to what its thumbnail in the list draws: the stages' colours and widths, each
 * lane's type and how many cards each of its cells holds, and the emotion curve's points.
 */
export const mapOutlineSchema = z.object({
  stages: z.array(z.object({ color: z.enum(cardColors), steps: z.number().int() })).max(200),
  lanes: z.array(z.object({ type: z.enum(laneTypes), cards: z.array(z.number().int()) })).max(100),
  emotion: z.array(z.number().nullable()),
})
export type MapOutline = z.infer<typeof mapOutlineSchema>

export function mapOutline(doc: JourneyDoc): MapOutline {
  const steps = orderedSteps(doc)
  const cells = cardsByCell(doc)
  const emotionLane = doc.lanes.find((l) => l.type === 'emotion')
  const emotions = new Map(doc.emotions.filter((e) => e.laneId === emotionLane?.id).map((e) => [e.stepId, e.value]))
  return {
    stages: doc.stages.map((s) => ({ color: s.color, steps: stepsOf(doc, s.id).length })),
    lanes: doc.lanes.map((l) => ({ type: l.type, cards: steps.map((s) => cells.get(cellKey(l.id, s.id))?.length ?? 0) })),
    emotion: emotionLane ? steps.map((s) => emotions.get(s.id) ?? null) : [],
  }
}
