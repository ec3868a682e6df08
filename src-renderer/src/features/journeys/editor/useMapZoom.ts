import { useState, type RefObject } from 'react'
import { fitZoom, printZoom, stepZoom } from './zoomSteps'

/** The map's zoom: toolbar steps, Fit to width, and printing at the width of a page. */
export function useMapZoom(viewport: RefObject<HTMLDivElement | null>) {
  const [zoom, setZoom] = useState(1)
  const zoomBy = (by: number) => setZoom((z) => stepZoom(z, by))
  const fit = () => {
    const el = viewport.current
    if (!el) return
    setZoom(fitZoom(el.clientWidth, el.scrollWidth, zoom))
  }
  // The print layout is laid out at the zoom the map fits a page with; two frames later it is, and the screen's zoom comes back.
  const print = () => {
    const before = zoom
    setZoom(printZoom(viewport.current?.scrollWidth ?? 0, zoom))
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.print()
        setZoom(before)
      }),
    )
  }
  return { zoom, zoomBy, fit, print }
}
