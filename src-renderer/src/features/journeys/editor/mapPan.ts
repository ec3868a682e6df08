import type { PointerEvent as ReactPointerEvent } from 'react'

/** Pan: drag the map's background (or use the middle button anywhere) to scroll a large map. */
export function startPan(e: ReactPointerEvent<HTMLDivElement>, el: HTMLDivElement | null): void {
  const onBackground = !(e.target as HTMLElement).closest('.jm-card, button, input, textarea, select, a, .jm-curve, .jm-score')
  if (!el || !(e.button === 1 || (e.button === 0 && onBackground))) return
  e.preventDefault()
  const start = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop }
  const move = (ev: PointerEvent) => el.scrollTo(start.left - (ev.clientX - start.x), start.top - (ev.clientY - start.y))
  const up = () => {
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', up)
    el.classList.remove('jm-panning')
  }
  el.classList.add('jm-panning')
  window.addEventListener('pointermove', move)
  window.addEventListener('pointerup', up)
}
