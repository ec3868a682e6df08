import { describe, expect, it } from 'vitest'
import { labelStep, tickText, trendAxisLabels } from '../../../src-renderer/src/features/metrics/trendAxis'

const daysOf = (from: string, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)) + i)).toISOString().slice(0, 10))
const monthsOf = (year: number, first: number, n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(year, first - 1 + i, 1)).toISOString().slice(0, 10))
/** A fixed-width font: 7 px a character. */
const measure = (text: string) => [...text].length * 7
const full = (s: string) => `full ${s}`

/** The shown labels' left and right edges, points spread evenly over the axis. */
function boxes(labels: Array<string | string[]>, width: number) {
  const spacing = width / (labels.length - 1)
  return labels.flatMap((l, i) => {
    if (l === '') return []
    const w = Math.max(...(Array.isArray(l) ? l : [l]).map(measure))
    const x = i * spacing
    return [{ left: x - w / 2, right: x + w / 2 }]
  })
}

describe('trend axis labels', () => {
  it('writes a month of days as day numbers, naming the month at the first label and when it changes', () => {
    const { labels } = trendAxisLabels({ starts: daysOf('2025-11-01', 31), by: 'day', locale: 'en', axisWidthPx: 3000, measure, full })
    expect(labels.slice(0, 3)).toEqual(['Nov 1', '2', '3'])
    expect(labels[29]).toBe('30')
    expect(labels[30]).toBe('Dec 1')
  })

  it('writes a year of months as short month names, with the year at the first and at January', () => {
    const { labels } = trendAxisLabels({ starts: monthsOf(2025, 12, 12), by: 'month', locale: 'en', axisWidthPx: 2000, measure, full })
    expect(labels).toEqual(['Dec 2025', 'Jan 2026', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov'])
  })

  it('uses the locale: Vietnamese and Thai month names (Thai in the Buddhist era)', () => {
    const vi = trendAxisLabels({ starts: monthsOf(2025, 11, 3), by: 'month', locale: 'vi', axisWidthPx: 2000, measure, full }).labels
    const th = trendAxisLabels({ starts: monthsOf(2025, 11, 3), by: 'month', locale: 'th', axisWidthPx: 2000, measure, full }).labels
    expect(vi[0]).toMatch(/11.*2025/)
    // The month written as beside a year ("thg 12"), not the lone form ("Tháng 12").
    expect(vi[1]).toBe('thg 12')
    expect(th[0]).toMatch(/พ\.ย\..*2568/)
    expect(th[1]).toBe('ธ.ค.')
  })

  it('keeps the long label for weeks, quarters and years', () => {
    expect(tickText('2025-11-03', null, 'week', 'en', full)).toBe('full 2025-11-03')
  })

  it('shows a label every `step` points, with at least the minimum gap between them, at every width', () => {
    for (const [starts, by] of [
      [daysOf('2025-11-01', 31), 'day'],
      [daysOf('2025-01-01', 92), 'day'],
      [monthsOf(2025, 1, 12), 'month'],
      [monthsOf(2020, 1, 60), 'month'],
    ] as const) {
      for (const width of [120, 240, 380, 520, 700, 1000, 1400]) {
        const { labels, step } = trendAxisLabels({ starts: [...starts], by, locale: 'en', axisWidthPx: width, measure, full, second: (i) => `n = ${i * 1000}`, minGapPx: 12 })
        const shown = boxes(labels, width)
        expect(shown.length).toBeGreaterThan(0)
        for (let i = 1; i < shown.length; i++) expect(shown[i].left - shown[i - 1].right).toBeGreaterThanOrEqual(12 - 1e-9)
        labels.forEach((l, i) => expect(l === '').toBe(i % step !== 0))
      }
    }
  })

  it('names the month again at the first label shown in a new month, even when its first day is skipped', () => {
    const { labels, step } = trendAxisLabels({ starts: daysOf('2025-11-20', 20), by: 'day', locale: 'en', axisWidthPx: 300, measure, full })
    expect(step).toBeGreaterThan(1)
    const shown = labels.filter((l) => l !== '') as string[]
    const firstDecember = shown.findIndex((l, i) => i > 0 && /Dec/.test(l))
    expect(firstDecember).toBeGreaterThan(0)
    expect(shown.filter((l) => /[A-Za-z]/.test(l))).toHaveLength(2)
  })

  it('steps: one point, no room, and plenty of room', () => {
    expect(labelStep(1, 100, 50)).toBe(1)
    expect(labelStep(10, 0, 50)).toBe(10)
    expect(labelStep(31, 3000, 20, 12)).toBe(1)
    expect(labelStep(31, 600, 20, 12)).toBe(2)
  })
})
