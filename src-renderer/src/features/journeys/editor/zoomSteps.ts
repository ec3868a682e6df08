/** The editor's zoom levels; the toolbar and Ctrl+wheel step through them. */
export const ZOOMS = [0.4, 0.5, 0.6, 0.75, 0.9, 1, 1.15, 1.3, 1.5]

/** The level `by` steps away from `zoom` (which may sit between levels after Fit), held at the ends. */
export function stepZoom(zoom: number, by: number): number {
  return ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, ZOOMS.findIndex((x) => x >= zoom - 0.001) + by))]
}

/** The zoom at which the map's width fills the viewport (never above 100 %, never below the smallest level). */
export function fitZoom(viewportWidth: number, mapWidthAtZoom: number, zoom: number): number {
  const natural = mapWidthAtZoom / zoom
  return Math.max(0.4, Math.min(1, (viewportWidth - 8) / natural))
}

/** The zoom that fits the map on a 1000 px wide printed page; an unmeasured map (width 0) prints at 100 %. */
export function printZoom(mapWidthAtZoom: number, zoom: number): number {
  const width = mapWidthAtZoom ? mapWidthAtZoom / zoom : 1000
  return Math.min(1, 1000 / width)
}
