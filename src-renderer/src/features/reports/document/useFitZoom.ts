import { useLayoutEffect, useRef, useState } from 'react'

/**
 * A zoom that fits an element's content into its container's width (never enlarging). CSS zoom
 * keeps text as text, so a scaled journey map or preview stays selectable and sharp in print.
 */
export function useFitZoom<T>(dependency: T) {
  const outer = useRef<HTMLDivElement>(null)
  const inner = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState(1)
  useLayoutEffect(() => {
    const measure = () => {
      const available = outer.current?.clientWidth ?? 0
      const needed = (inner.current?.scrollWidth ?? 0) / (Number(inner.current?.style.zoom) || 1)
      if (available > 0 && needed > 0) setZoom(Math.min(1, available / needed))
    }
    measure()
    const observer = new ResizeObserver(measure)
    if (outer.current) observer.observe(outer.current)
    return () => observer.disconnect()
  }, [dependency])
  return { outer, inner, zoom }
}
