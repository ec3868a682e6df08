import { describe, expect, it } from 'vitest'
import type { JourneyDoc } from '../../../src-shared/domain/journeys/model'
import { docOfSteps, mapPageBox, mapWidthPx, MIN_MAP_ZOOM, splitByStages } from '../../../src-renderer/src/features/reports/document/mapPages'

/** A map with stages of the given numbers of steps, one lane, a card and an emotion per step. */
function mapOf(stepsPerStage: number[]): JourneyDoc {
  const stages = stepsPerStage.map((_, i) => ({ id: `s${i}`, name: `Stage ${i}`, color: 'blue' as const }))
  const steps = stepsPerStage.flatMap((n, i) => Array.from({ length: n }, (_, j) => ({ id: `s${i}-${j}`, stageId: `s${i}`, name: '' })))
  return {
    map: {} as JourneyDoc['map'],
    persona: null,
    stages,
    steps,
    lanes: [{ id: 'l', type: 'actions', name: 'Actions' }],
    cards: steps.map((s) => ({ id: `c-${s.id}`, laneId: 'l', stepId: s.id }) as unknown as JourneyDoc['cards'][number]),
    emotions: steps.map((s) => ({ laneId: 'l', stepId: s.id, value: 1 })),
    comments: steps.map((s) => ({ id: `m-${s.id}`, cardId: `c-${s.id}`, author: 'a', body: 'b', createdAt: 0 })),
  }
}

describe('journey maps split by stages across landscape pages', () => {
  const a4 = mapPageBox('a4').width
  const fitsA4 = (steps: number) => mapWidthPx(steps) * MIN_MAP_ZOOM <= a4

  it('keeps a map that fits on one page, and puts whole stages on each page of a wide one', () => {
    expect(splitByStages(mapOf([1, 2]), a4)).toEqual([['s0-0', 's1-0', 's1-1']])
    const pages = splitByStages(mapOf([1, 2, 1, 1, 1, 2]), a4)
    expect(pages.length).toBeGreaterThan(1)
    for (const p of pages) expect(fitsA4(p.length)).toBe(true)
    // No stage is cut when each fits a page: every page starts with a stage's first step.
    for (const p of pages) expect(p[0]).toMatch(/-0$/)
    expect(pages.flat()).toEqual(mapOf([1, 2, 1, 1, 1, 2]).steps.map((s) => s.id))
  })

  it('cuts a stage wider than a page between its steps', () => {
    const pages = splitByStages(mapOf([12]), a4)
    expect(pages.length).toBeGreaterThan(1)
    for (const p of pages) expect(fitsA4(p.length)).toBe(true)
    expect(pages.flat()).toHaveLength(12)
  })

  it('fits more on A3 than on A4', () => {
    const doc = mapOf([2, 2, 2])
    expect(splitByStages(doc, mapPageBox('a3').width).length).toBeLessThan(splitByStages(doc, a4).length)
  })

  it('a part holds its steps’ stages, cards, emotions and comments, and every lane', () => {
    const part = docOfSteps(mapOf([1, 2, 1]), ['s1-0', 's1-1'])
    expect(part.stages.map((s) => s.id)).toEqual(['s1'])
    expect(part.cards.map((c) => c.id)).toEqual(['c-s1-0', 'c-s1-1'])
    expect(part.emotions).toHaveLength(2)
    expect(part.comments).toHaveLength(2)
    expect(part.lanes).toHaveLength(1)
  })
})
