import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { Chart as ChartJS } from 'chart.js'

export interface Hotspot {
  datasetIndex: number
  index: number
  href: string
  label: string
}

type Box = { left: number; top: number; width: number; height: number }

/** Where a bar or a point is drawn, in CSS pixels of the canvas. */
function boxOf(chart: ChartJS, h: Hotspot): Box | null {
  const el = chart.getDatasetMeta(h.datasetIndex)?.data[h.index]
  if (!el) return null
  const p = el.getProps(['x', 'y', 'base', 'width', 'height', 'horizontal'], true) as { x: number; y: number; base?: number; width?: number; height?: number; horizontal?: boolean }
  if (p.width !== undefined && p.base !== undefined) {
    // A bar: vertical bars span y…base, horizontal ones x…base.
    if (p.horizontal) return { left: Math.min(p.x, p.base), top: p.y - (p.height ?? 0) / 2, width: Math.max(4, Math.abs(p.x - p.base)), height: p.height ?? 8 }
    return { left: p.x - p.width / 2, top: Math.min(p.y, p.base), width: p.width, height: Math.max(4, Math.abs(p.base - p.y)) }
  }
  return { left: p.x - 8, top: p.y - 8, width: 16, height: 16 }
}

/**
 * Keyboard and screen-reader access to a chart's bars and points: a link over each, opening the
 * inbox on exactly the responses behind it. They let the pointer through, so hovering shows the
 * chart's tooltip and clicking the bar itself runs the chart's own click handler (the same link).
 */
export function ChartHotspots({ chart, hotspots }: { chart: RefObject<ChartJS | null>; hotspots: Hotspot[] }) {
  const [boxes, setBoxes] = useState<Array<Box | null>>([])
  const measure = useCallback(() => {
    const c = chart.current
    if (!c) return
    const next = hotspots.map((h) => boxOf(c, h))
    setBoxes((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next))
  }, [chart, hotspots])
  useEffect(() => {
    measure()
    const canvas = chart.current?.canvas
    if (!canvas) return
    const observer = new ResizeObserver(() => requestAnimationFrame(measure))
    observer.observe(canvas)
    return () => observer.disconnect()
  }, [measure, chart])
  return (
    <div className="chart-hotspots">
      {hotspots.map((h, i) => {
        const b = boxes[i]
        return b ? (
          <a key={`${h.datasetIndex}:${h.index}`} className="chart-hotspot" href={h.href} aria-label={h.label} style={{ left: b.left, top: b.top, width: b.width, height: b.height }} />
        ) : null
      })}
    </div>
  )
}
