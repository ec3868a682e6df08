import { describe, expect, it } from 'vitest'
import { fitZoom, printZoom, stepZoom, ZOOMS } from '../../../src-renderer/src/features/journeys/editor/zoomSteps'
import { nextSelection } from '../../../src-renderer/src/features/journeys/editor/selection'
import { otherVersionId } from '../../../src-renderer/src/features/journeys/editor/versions'

describe('zoom steps', () => {
  it('steps through the levels and holds at both ends', () => {
    expect(stepZoom(1, 1)).toBe(1.15)
    expect(stepZoom(1, -1)).toBe(0.9)
    expect(stepZoom(0.4, -1)).toBe(0.4)
    expect(stepZoom(1.5, 1)).toBe(1.5)
    expect(ZOOMS.reduce((z) => stepZoom(z, 1), 0.4)).toBe(1.5)
  })

  it('from a level Fit chose between two, steps to the next level up or the one below it', () => {
    // 0.83 lies between 0.75 and 0.9: "in" goes to 1, "out" to 0.75.
    expect(stepZoom(0.83, 1)).toBe(1)
    expect(stepZoom(0.83, -1)).toBe(0.75)
  })

  it('fits the map to the viewport width, never above 100 % or below 40 %', () => {
    // A map 2000 px wide at 100 % in a 1008 px viewport (8 px of margin) fits at 50 %.
    expect(fitZoom(1008, 2000, 1)).toBe(0.5)
    // Measured while zoomed to 50 % it is still 2000 px at 100 %.
    expect(fitZoom(1008, 1000, 0.5)).toBe(0.5)
    expect(fitZoom(3000, 1000, 1)).toBe(1)
    expect(fitZoom(500, 5000, 1)).toBe(0.4)
  })

  it('prints the map at the width of a 1000 px page, a small or unmeasured map at 100 %', () => {
    expect(printZoom(2000, 1)).toBe(0.5)
    expect(printZoom(1000, 0.5)).toBe(0.5)
    expect(printZoom(800, 1)).toBe(1)
    expect(printZoom(0, 1)).toBe(1)
  })
})

describe('card selection', () => {
  it('a click selects the card alone; Shift or Ctrl+click adds it or takes it out', () => {
    const prev = new Set(['a', 'b'])
    expect([...nextSelection(prev, 'c', 'replace')]).toEqual(['c'])
    expect([...nextSelection(prev, 'c', 'toggle')]).toEqual(['a', 'b', 'c'])
    expect([...nextSelection(prev, 'a', 'toggle')]).toEqual(['b'])
    // The previous selection is never changed in place (React compares it by identity).
    expect([...prev]).toEqual(['a', 'b'])
  })
})

describe('the other version of a map', () => {
  const maps = [
    { id: 'asis', baseId: null },
    { id: 'tobe', baseId: 'asis' },
    { id: 'lone', baseId: null },
  ]
  it('a to-be map names its as-is base, even before the list is loaded', () => {
    expect(otherVersionId({ id: 'tobe', kind: 'to_be', baseId: 'asis' }, undefined)).toBe('asis')
  })
  it('an as-is map finds the to-be map made from it in the list', () => {
    expect(otherVersionId({ id: 'asis', kind: 'as_is', baseId: null }, maps)).toBe('tobe')
    expect(otherVersionId({ id: 'lone', kind: 'as_is', baseId: null }, maps)).toBeNull()
    expect(otherVersionId({ id: 'asis', kind: 'as_is', baseId: null }, undefined)).toBeNull()
  })
})
