import type { PeriodUnit } from '../../../../src-shared/domain/periods'

/** The least free space between two labels of a trend's time axis, in CSS pixels. */
export const MIN_LABEL_GAP_PX = 12

const formats = new Map<string, Intl.DateTimeFormat>()
function format(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(opts)}`
  let f = formats.get(key)
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' })))
  return f
}
const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))

/**
 * The short text of one tick: a day as its number, with the month named at the first label shown
 * and wherever the month changes ("1 Nov", "3", "5" … "1 Dec"); a month by its short name, with the
 * year at the first label and wherever the year changes ("Nov 2025", "Dec", "Jan 2026"). Other units
 * keep their full label (`full`). `previous` is the period start of the label shown before, if any.
 */
export function tickText(start: string, previous: string | null, by: PeriodUnit, locale: string, full: (start: string) => string): string {
  if (by === 'day') {
    const sameMonth = previous !== null && previous.slice(0, 7) === start.slice(0, 7)
    return format(locale, sameMonth ? { day: 'numeric' } : { day: 'numeric', month: 'short' }).format(utc(start))
  }
  if (by === 'month') {
    const sameYear = previous !== null && previous.slice(0, 4) === start.slice(0, 4)
    const withYear = format(locale, { month: 'short', year: 'numeric' })
    if (!sameYear) return withYear.format(utc(start))
    // The month as it is written beside its year (Vietnamese writes a lone short month "Tháng 8" but "thg 8 2025").
    return withYear
      .formatToParts(utc(start))
      .filter((p) => p.type === 'month')
      .map((p) => p.value)
      .join('')
  }
  return full(start)
}

/**
 * Every how many points a label is shown so that no two labels overlap and at least `minGapPx`
 * separate them: the smallest step whose distance between shown points holds the widest label and
 * the gap. Points are spread evenly over `axisWidthPx`, the first and the last at its ends.
 */
export function labelStep(count: number, axisWidthPx: number, widestLabelPx: number, minGapPx = MIN_LABEL_GAP_PX): number {
  if (count <= 1) return 1
  const spacing = axisWidthPx / (count - 1)
  if (!(spacing > 0)) return count
  return Math.max(1, Math.min(count, Math.ceil((widestLabelPx + minGapPx) / spacing)))
}

export interface TrendAxisInput {
  /** The first day of each period, in order. */
  starts: string[]
  by: PeriodUnit
  locale: string
  /** The axis's length in CSS pixels. */
  axisWidthPx: number
  /** The width of a text in the axis's font, in CSS pixels. */
  measure: (text: string) => number
  /** The long label of a period (weeks, quarters, years keep it). */
  full: (start: string) => string
  /** A second line under each label shown (the period's n); counted in the width. */
  second?: (index: number) => string
  minGapPx?: number
}

/**
 * The labels of a trend's time axis: short texts (tickText), one every `step` points from the
 * first, the step chosen so that no two overlap (labelStep, measured on the widest text any point
 * could get). A point without a label gets an empty one. The same for the Scores page and the PDF.
 */
export function trendAxisLabels(input: TrendAxisInput): { labels: Array<string | string[]>; step: number } {
  const { starts, by, locale, measure, full, second } = input
  // Widest candidate: each point's longest form (month or year named) and its second line.
  let widest = 0
  for (let i = 0; i < starts.length; i++) {
    widest = Math.max(widest, measure(tickText(starts[i], null, by, locale, full)))
    if (second) widest = Math.max(widest, measure(second(i)))
  }
  // The axis may lose up to half the widest label at each end to the labels' own room.
  const step = labelStep(starts.length, Math.max(0, input.axisWidthPx - widest), widest, input.minGapPx)
  let previous: string | null = null
  const labels = starts.map((start, i) => {
    if (i % step !== 0) return ''
    const text = tickText(start, previous, by, locale, full)
    previous = start
    return second ? [text, second(i)] : text
  })
  return { labels, step }
}
