import { useLayoutEffect, useRef, useState } from 'react'

/**
 * A zoom that fits an element's content into its container's width, and at most `maxHeightPx` high
 * (never enlarging). CSS zoom
 * keeps text as text, so a scaled journey map or preview stays selectable and sharp in print.
 */
export function useFitZoom<T>(dependency: T, maxHeightPx = Infinity) {
  const outer = useRef<HTMLDivElement>(null)
  const inner = useRef<HTMLDivElement>(null)
  const [zoom, setZoom] = useState(1)
  useLayoutEffect(() => {
    const measure = () => {
      const el = inner.current
      const box = outer.current
      if (!el || !box) return
      const style = getComputedStyle(box)
      const available = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      if (available <= 0) return
      // The natural width is measured unzoomed (a zoomed element reports zoomed sizes), then the zoom is put back.
      const current = el.style.zoom
      el.style.zoom = '1'
      const needed = el.scrollWidth
      const tall = el.scrollHeight
      el.style.zoom = current
      if (needed > 0) setZoom(Math.min(1, available / needed, tall > 0 ? maxHeightPx / tall : 1))
    }
    measure()
    const observer = new ResizeObserver(measure)
    if (outer.current) observer.observe(outer.current)
    return () => observer.disconnect()
  }, [dependency, maxHeightPx])
  return { outer, inner, zoom }
}
