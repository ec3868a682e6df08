import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/**
 * Printed charts are drawn once, at the size the page gives them. On screen a chart follows its box
 * (chart.js's `responsive`, a ResizeObserver, and a redraw before and after printing); on the print
 * page the box is the paper's and never changes, so each chart's box is measured once — all of them
 * in the same layout, before any chart is drawn — and the chart is drawn at that size with
 * `responsive: false`: no observer, nothing for the print to resize or lay out again.
 */
const FixedChartSizes = createContext(false)

export function FixedChartSizesScope({ fixed, children }: { fixed: boolean; children: ReactNode }) {
  return <FixedChartSizes.Provider value={fixed}>{children}</FixedChartSizes.Provider>
}

export interface ChartSize {
  width: number
  height: number
}

/**
 * Where the page asks for charts of a fixed size: a box that fills the chart's place until it has
 * been measured, then `draw(size)` — the chart with `responsive: false` at that size. Elsewhere
 * `draw(null)`: a responsive chart.
 */
export function FixedSizeChart({ draw }: { draw: (size: ChartSize | null) => ReactNode }) {
  const fixed = useContext(FixedChartSizes)
  const box = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState<ChartSize | null>(null)
  useLayoutEffect(() => {
    if (!fixed || size || !box.current) return
    const r = box.current.getBoundingClientRect()
    setSize({ width: Math.floor(r.width), height: Math.floor(r.height) })
  }, [fixed, size])
  if (!fixed) return draw(null)
  if (!size) return <div ref={box} className="chart-measure" />
  return draw(size)
}

/** A chart's options for a drawing at a fixed size: no observer, no resizing. */
export function sizedOptions<T extends object>(options: T, size: ChartSize | null): T {
  return size ? { ...options, responsive: false } : options
}
